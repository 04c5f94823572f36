// Evidence: name, SHA-256 (short, full in the tooltip), size, in Git or not, who holds it, the
// chain of custody (collected by whom and when, then each hand-over) and the hand-over of custody
// to another person.
import type { EvidenceView } from '../../shared/dashboardProtocol';
import { empty, h, icon, section } from '../dom';
import { formatBytes, shortHash } from '../format';
import { formatUtc } from '../time';
import type { RenderContext } from './context';
import { folded, intentForm, textInput } from './forms';

export function renderEvidence(ctx: RenderContext): HTMLElement {
  const { evidence } = ctx.view;
  return section('evidence', 'Evidence', 'file-binary',
    evidence.length ? h('ul', { class: 'log' }, ...evidence.map((e) => item(ctx, e))) : empty('No evidence attached. Use "Attach evidence" above, or drop files here (hold Shift while dragging from the Explorer).'));
}

function item(ctx: RenderContext, evidence: EvidenceView): HTMLLIElement {
  return h('li', {},
    h('div', { class: 'log-text' }, evidence.name),
    evidence.description ? h('div', {}, evidence.description) : null,
    h('div', { class: 'log-meta' },
      h('span', { class: 'mono', title: `SHA-256 ${evidence.sha256}` }, `SHA-256 ${shortHash(evidence.sha256)}`),
      ` · ${formatBytes(evidence.size)} · `,
      evidence.inGit
        ? h('span', {}, icon('git-commit'), 'in Git')
        : h('span', { title: 'Kept out of Git (size or pattern): the record holds its hash and location' }, icon('cloud'), 'outside Git'),
      ' · ', h('span', {}, icon('person'), `held by ${evidence.holder}`)),
    h('details', { 'data-key': `trail:${evidence.id}` },
      h('summary', {}, `Chain of custody (${evidence.custody.length} hand-over${evidence.custody.length === 1 ? '' : 's'})`),
      h('ol', { class: 'custody', 'aria-label': `Chain of custody of ${evidence.name}` },
        h('li', {}, `${formatUtc(evidence.collectedAt)}: collected by ${evidence.collectedBy}`),
        ...evidence.custody.map((c) => h('li', {}, `${formatUtc(c.at)}: ${c.from} → ${c.to}`)))),
    folded(`custody:${evidence.id}`, 'Transfer custody', transferForm(ctx, evidence)));
}

function transferForm(ctx: RenderContext, evidence: EvidenceView): HTMLFormElement {
  const key = `custody:${evidence.id}`;
  return intentForm({
    key,
    label: `Transfer custody of ${evidence.name}`,
    controls: [textInput(key, 'to', `New holder of ${evidence.name}`, { required: true, placeholder: 'Hand custody to (name or @handle)' })],
    submitLabel: 'Transfer custody',
    submitIcon: 'references',
    onSubmit: (values) => {
      const to = values.get('to');
      if (!to) return false;
      ctx.send({ type: 'transferCustody', evidenceId: evidence.id, to });
      return true;
    },
  });
}
