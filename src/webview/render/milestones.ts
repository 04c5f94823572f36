// Milestones (contained, eradicated, recovered): set now, or backdated with a local date-time
// that is sent as ISO UTC.
import { MILESTONES, type MilestoneName } from '../../shared/dashboardProtocol';
import { h, section } from '../dom';
import { MILESTONE_LABELS } from '../labels';
import { formatUtc, localInputToIso } from '../time';
import type { RenderContext } from './context';
import { intentForm, textInput } from './forms';

export function renderMilestones(ctx: RenderContext): HTMLElement {
  return section('milestones', 'Milestones', 'milestone', h('ul', { class: 'milestones' }, ...MILESTONES.map((name) => milestone(ctx, name))));
}

function milestone(ctx: RenderContext, name: MilestoneName): HTMLLIElement {
  const at = ctx.view.milestones[name];
  const label = MILESTONE_LABELS[name];
  const key = `milestone:${name}`;
  return h('li', {},
    h('span', { class: 'milestone-name' }, label),
    at ? h('span', { title: at }, formatUtc(at)) : h('span', { class: 'muted' }, 'not set'),
    intentForm({
      key,
      label: `Set ${label}`,
      controls: [textInput(key, 'at', `${label} at (local time, empty for now)`, { type: 'datetime-local' })],
      submitLabel: at ? 'Change' : 'Set',
      onSubmit: (values) => {
        const local = values.get('at');
        const iso = local ? localInputToIso(local) : undefined;
        if (local && !iso) return false;
        ctx.send(iso ? { type: 'setMilestone', milestone: name, at: iso } : { type: 'setMilestone', milestone: name });
        return true;
      },
    }));
}
