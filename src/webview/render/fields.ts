// The record's free-text fields, edited in place: Edit -> textarea -> Save / Cancel
// (Ctrl+Enter saves, Escape cancels) -> `setField`.
import { FIELD_NAMES, type FieldName } from '../../shared/dashboardProtocol';
import { h, iconButton, section } from '../dom';
import { FIELD_LABELS, FIELD_PLACEHOLDERS } from '../labels';
import { formatUtc } from '../time';
import type { RenderContext } from './context';
import { intentForm, textArea } from './forms';

const TIME_FIELDS: ReadonlySet<FieldName> = new Set(['occurred-at', 'detected-at']);

export function renderFields(ctx: RenderContext): HTMLElement {
  return section('record', 'Record', 'note', h('dl', { class: 'fields' }, ...FIELD_NAMES.flatMap((name) => fieldRow(ctx, name))));
}

function fieldRow(ctx: RenderContext, name: FieldName): HTMLElement[] {
  const value = ctx.view.fields[name] ?? '';
  const label = FIELD_LABELS[name];
  const editing = ctx.ui.editingField === name;
  return [
    h('dt', {}, h('span', {}, label),
      editing ? null : iconButton('edit', `Edit ${label}`, () => ctx.updateUi((ui) => { ui.editingField = name; }, `field:${name}:value`), { 'data-key': `edit:${name}` })),
    h('dd', {}, editing ? editor(ctx, name, value) : shownValue(name, value)),
  ];
}

function shownValue(name: FieldName, value: string): HTMLElement {
  if (!value) return h('span', { class: 'muted' }, 'not set');
  // Time fields read better in the dashboard's UTC format; the recorded text stays in the tooltip.
  const shown = TIME_FIELDS.has(name) ? formatUtc(value) : value;
  return h('span', { class: 'field-value', title: shown === value ? undefined : value }, shown);
}

function editor(ctx: RenderContext, name: FieldName, value: string): HTMLFormElement {
  const key = `field:${name}`;
  const close = () => ctx.updateUi((ui) => { ui.editingField = undefined; }, `edit:${name}`);
  return intentForm({
    key,
    label: `Edit ${FIELD_LABELS[name]}`,
    controls: [textArea(key, 'value', FIELD_LABELS[name], { value, placeholder: FIELD_PLACEHOLDERS[name] })],
    submitLabel: 'Save',
    submitIcon: 'save',
    onSubmit: (values) => {
      const next = values.get('value');
      if (next !== value.trim()) ctx.send({ type: 'setField', field: name, value: next });
      close();
      return true;
    },
    onCancel: close,
  });
}
