// SLA countdowns. `paintSla` is also what the one-second tick calls, so both show the same thing.
import type { SlaView } from '../../shared/dashboardProtocol';
import { empty, h, icon, section } from '../dom';
import { SLA_STATE_ICONS, SLA_STATE_LABELS, liveSlaState, slaText } from '../sla';
import { formatUtc } from '../time';
import type { RenderContext } from './context';

export function renderSla(ctx: RenderContext): HTMLElement {
  const items = ctx.view.sla.map((sla, index) => {
    const item = h('li', { 'data-tick': 'sla', 'data-sla-index': index, title: `Due ${formatUtc(sla.deadline)}` });
    paintSla(item, sla, ctx.nowMs);
    return item;
  });
  return section('sla', 'SLA', 'clock', items.length ? h('ul', { class: 'sla-list' }, ...items) : empty('No SLA for this severity.'));
}

export function paintSla(item: HTMLElement, sla: SlaView, nowMs: number): void {
  const state = liveSlaState(sla, nowMs);
  item.className = `sla sla-${state}`;
  item.replaceChildren(
    icon(SLA_STATE_ICONS[state]),
    h('span', { class: 'sla-label' }, sla.label),
    h('span', { class: 'sla-time' }, slaText(sla, nowMs)),
    h('span', { class: 'visually-hidden' }, `, ${SLA_STATE_LABELS[state]}`));
}
