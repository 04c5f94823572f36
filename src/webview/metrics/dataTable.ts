// The data behind a chart as a table, for screen readers and for reading exact values.
import { h } from '../dom';

export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): HTMLDetailsElement {
  return h('details', { class: 'data-table' },
    h('summary', {}, 'Show the data as a table'),
    h('table', { class: 'grid' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((text, i) => (i === 0 ? h('th', { scope: 'row' }, text) : h('td', {}, text))))))));
}
