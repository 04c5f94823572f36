// Review and lessons (issue 7): the post-incident review, stakeholder updates, the runbook as it
// is now against the incident's copy, and a proposed runbook change. Each button asks the host to
// run its command for this incident; the host does the writing, the clipboard and the editors.
import { button, h, section } from '../dom';
import type { RenderContext } from './context';

export function renderReview(ctx: RenderContext): HTMLElement {
  return section('review', 'Review and lessons', 'notebook',
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Review actions' },
      button('Generate post-incident review', () => ctx.send({ type: 'generateReview' }), { icon: 'notebook', 'data-key': 'review:generate' }),
      button('Copy tactical update', () => ctx.send({ type: 'copyStakeholderUpdate', kind: 'tactical' }), {
        icon: 'copy', 'data-key': 'review:tactical', title: 'Stage, done, next and needs, as Markdown on the clipboard',
      }),
      button('Copy executive update', () => ctx.send({ type: 'copyStakeholderUpdate', kind: 'executive' }), {
        icon: 'copy', 'data-key': 'review:executive', title: 'Impact, severity and time to recovery, as Markdown on the clipboard',
      }),
      button('Compare runbook with library', () => ctx.send({ type: 'compareRunbook' }), {
        icon: 'diff', 'data-key': 'review:compare', title: 'The incident\'s runbook copy against the library runbook now',
      }),
      button('Propose runbook change', () => ctx.send({ type: 'proposeRunbookChange' }), {
        icon: 'git-pull-request-create', 'data-key': 'review:propose', title: 'Open the library runbook on a new branch, linked to this incident',
      })));
}
