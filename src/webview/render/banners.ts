// Banners above the dashboard: Restricted Mode, exercise, progress and errors.
import { h, icon, iconButton } from '../dom';
import type { RenderContext } from './context';

export function renderBanners(ctx: RenderContext): HTMLElement {
  const { view } = ctx;
  return h('div', { class: 'banners' },
    h('div', { class: `progress${ctx.busy ? ' active' : ''}`, role: 'progressbar', 'aria-label': 'Recording', 'aria-hidden': ctx.busy ? 'false' : 'true' }),
    !view.canRecord
      ? h('div', { class: 'banner restricted', role: 'status' }, icon('shield'),
        h('span', {}, 'This workspace is in Restricted Mode: the dashboard is read-only and records nothing. Trust the workspace to record actions.'))
      : null,
    view.incident.exercise
      ? h('div', { class: 'banner exercise', role: 'note' }, icon('beaker'), h('span', {}, 'Exercise: this incident is a drill.'))
      : null,
    h('div', { class: 'banner-slot', role: 'alert' },
      ctx.error
        ? h('div', { class: 'banner error' }, icon('error'), h('span', { class: 'grow' }, ctx.error),
          iconButton('close', 'Dismiss error', () => ctx.dismissError(), { 'data-key': 'error:dismiss', 'data-nav': true }))
        : null));
}
