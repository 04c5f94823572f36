// The timeline, newest first: when, who, what (the e2e tests read `#timeline li`).
import { empty, h, section } from '../dom';
import { newestFirst } from '../format';
import { formatUtc } from '../time';
import type { RenderContext } from './context';

export function renderTimeline(ctx: RenderContext): HTMLElement {
  const entries = newestFirst(ctx.view.timeline);
  return section('timeline-section', 'Timeline', 'history',
    h('ol', { id: 'timeline', class: 'log', 'aria-label': 'Timeline, newest first' }, ...entries.map((entry) => h('li', {},
      h('time', { datetime: entry.at, class: 'log-meta' }, formatUtc(entry.at)),
      h('span', { class: 'actor' }, entry.actor),
      h('span', { class: 'log-text' }, entry.text)))),
    entries.length ? null : empty('Nothing recorded yet.'));
}
