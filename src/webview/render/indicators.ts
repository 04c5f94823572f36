// Indicators of compromise: a typed table and the add form (type, value, source, TLP).
import { INDICATOR_TYPES, type IndicatorType } from '../../shared/dashboardProtocol';
import { empty, h, iconButton, section } from '../dom';
import { INDICATOR_LABELS, TLP_LEVELS } from '../labels';
import { formatUtc } from '../time';
import type { RenderContext } from './context';
import { folded, intentForm, select, textInput } from './forms';

export function renderIndicators(ctx: RenderContext): HTMLElement {
  const { indicators } = ctx.view;
  return section('indicators', 'Indicators', 'search',
    indicators.length
      ? h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, ...['Type', 'Value', 'Source', 'TLP', 'First seen'].map((title) => h('th', { scope: 'col' }, title)),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
        h('tbody', {}, ...indicators.map((indicator) => h('tr', {},
          h('td', {}, INDICATOR_LABELS[indicator.type] ?? indicator.type),
          h('td', { class: 'mono' }, indicator.value),
          h('td', {}, indicator.source ?? ''),
          h('td', {}, indicator.tlp ?? ''),
          h('td', {}, indicator.firstSeen ? formatUtc(indicator.firstSeen) : ''),
          h('td', {}, iconButton('discard', `Retract ${INDICATOR_LABELS[indicator.type] ?? indicator.type} indicator ${indicator.value}`,
            () => ctx.send({ type: 'retractIndicator', indicatorType: indicator.type, value: indicator.value }),
            { 'data-key': `retract:${indicator.type}:${indicator.value}` }))))))
      : empty('No indicators yet.'),
    folded('indicator', 'Add indicator', addForm(ctx)));
}

function addForm(ctx: RenderContext): HTMLFormElement {
  const key = 'indicator';
  return intentForm({
    key,
    label: 'Add an indicator',
    controls: [
      h('div', { class: 'row' },
        select(key, 'type', 'Indicator type', INDICATOR_TYPES.map((type) => ({ value: type, text: INDICATOR_LABELS[type] }))),
        textInput(key, 'value', 'Indicator value', { required: true, placeholder: 'Value' })),
      h('div', { class: 'row' },
        textInput(key, 'source', 'Source (optional)', { placeholder: 'Source (optional)' }),
        select(key, 'tlp', 'TLP', [{ value: '', text: 'TLP (none)' }, ...TLP_LEVELS.map((level) => ({ value: level, text: level }))])),
    ],
    submitLabel: 'Add indicator',
    submitIcon: 'add',
    onSubmit: (values) => {
      const indicatorType = values.get('type') as IndicatorType;
      const value = values.get('value');
      if (!INDICATOR_TYPES.includes(indicatorType) || !value) return false;
      const source = values.get('source');
      const tlp = values.get('tlp');
      ctx.send({ type: 'addIndicator', indicatorType, value, ...(source ? { source } : {}), ...(tlp ? { tlp } : {}) });
      return true;
    },
  });
}
