// Banners above the dashboard: Restricted Mode, closed, exercise, a hand-off waiting for acknowledgement,
// progress and errors.
import { button, h, icon, iconButton } from '../dom';
import { formatUtc } from '../time';
import type { RenderContext } from './context';

export function renderBanners(ctx: RenderContext): HTMLElement {
  const { view } = ctx;
  return h('div', { class: 'banners' },
    h('div', { class: `progress${ctx.busy ? ' active' : ''}`, role: 'progressbar', 'aria-label': 'Recording', 'aria-hidden': ctx.busy ? 'false' : 'true' }),
    !view.canRecord
      ? h('div', { class: 'banner restricted', role: 'status' }, icon('shield'),
        h('span', {}, 'This workspace is in Restricted Mode: the dashboard is read-only and records nothing. Trust the workspace to record actions.'))
      : null,
    view.canRecord && view.incident.status === 'closed'
      ? h('div', { class: 'banner closed', role: 'status' }, icon('pass'),
        h('span', {}, 'Closed: steps, severity, roles and milestones stay as they are until the incident is reopened. Notes, fields, decisions, indicators, evidence and custody can still be recorded.'))
      : null,
    view.incident.exercise
      ? h('div', { class: 'banner exercise', role: 'note' }, icon('beaker'), h('span', {}, 'Exercise: this incident is a drill.'))
      : null,
    view.pendingHandoff ? handoffBanner(ctx, view.pendingHandoff) : null,
    h('div', { class: 'banner-slot', role: 'alert' },
      ctx.error
        ? h('div', { class: 'banner error' }, icon('error'), h('span', { class: 'grow' }, ctx.error),
          iconButton('close', 'Dismiss error', () => ctx.dismissError(), { 'data-key': 'error:dismiss', 'data-nav': true }))
        : null));
}

/** The incoming person reads the summary here and acknowledges (the host confirms before recording). */
function handoffBanner(ctx: RenderContext, handoff: NonNullable<RenderContext['view']['pendingHandoff']>): HTMLElement {
  return h('div', { class: 'banner handoff', role: 'status' }, icon('arrow-swap'),
    h('div', { class: 'grow' },
      h('span', {}, `Hand-off from ${handoff.from} to ${handoff.to} (${formatUtc(handoff.at)}) is waiting for acknowledgement.`),
      handoff.summary
        ? h('details', { 'data-key': 'handoff:summary' }, h('summary', {}, 'Hand-off summary'), h('pre', { class: 'handoff-summary' }, handoff.summary))
        : null),
    button('Acknowledge', () => ctx.send({ type: 'acknowledgeHandoff' }), { icon: 'check-all', 'data-key': 'handoff:ack' }));
}
