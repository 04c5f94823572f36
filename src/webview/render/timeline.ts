// The timeline, newest first: when, who, what (the e2e tests read `#timeline li`).
import { button, empty, h, section } from '../dom';
import { newestFirst } from '../format';
import { formatUtc } from '../time';
import type { RenderContext } from './context';

/** Long incidents have thousands of entries: the newest are what a responder reads first. */
const SHOWN_BY_DEFAULT = 100;

export function renderTimeline(ctx: RenderContext): HTMLElement {
  const all = newestFirst(ctx.view.timeline);
  const entries = ctx.ui.showFullTimeline ? all : all.slice(0, SHOWN_BY_DEFAULT);
  return section('timeline-section', 'Timeline', 'history',
    h('ol', { id: 'timeline', class: 'log', 'aria-label': 'Timeline, newest first', tabindex: 0, 'data-key': 'timeline' }, ...entries.map((entry) => h('li', {},
      h('time', { datetime: entry.at, class: 'log-meta' }, formatUtc(entry.at)),
      h('span', { class: 'actor' }, entry.actor),
      h('span', { class: 'log-text' }, entry.text)))),
    entries.length ? null : empty('Nothing recorded yet.'),
    entries.length < all.length
      ? button(`Show all ${all.length} entries`, () => ctx.updateUi((ui) => { ui.showFullTimeline = true; }, 'timeline'), { 'data-nav': true, 'data-key': 'timeline:more' })
      : null);
}
