// In-page forms for intents. Each form is a real <form> (Enter submits, required fields are
// checked by the browser); its controls carry `data-key` so typing survives a re-render.
import { h, icon, type Child } from '../dom';

export interface FormSpec {
  readonly key: string;
  readonly label: string;
  readonly controls: readonly Child[];
  readonly submitLabel: string;
  readonly submitIcon?: string;
  readonly submitId?: string;
  /** Returns true when the values were accepted (the form is then cleared). */
  onSubmit(values: FormValues): boolean;
  onCancel?(): void;
}

export interface FormValues {
  /** The trimmed value of a named control ('' when missing). */
  get(name: string): string;
}

export function intentForm(spec: FormSpec): HTMLFormElement {
  const form = h('form', { class: 'intent-form', 'aria-label': spec.label, 'data-draft': spec.key },
    ...spec.controls,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary', id: spec.submitId, 'data-key': `${spec.key}:submit` },
        spec.submitIcon ? icon(spec.submitIcon) : null, spec.submitLabel),
      spec.onCancel ? h('button', { type: 'button', class: 'button secondary', 'data-key': `${spec.key}:cancel`, onclick: () => spec.onCancel?.() }, 'Cancel') : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: FormValues = { get: (name) => String(data.get(name) ?? '').trim() };
    if (spec.onSubmit(values)) form.reset();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape' && spec.onCancel) {
      event.preventDefault();
      spec.onCancel();
    }
  });
  return form;
}

interface ControlOptions {
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly id?: string;
  readonly value?: string;
  readonly type?: string;
}

/** A one-line input, labelled for screen readers by `label`. */
export function textInput(formKey: string, name: string, label: string, options: ControlOptions = {}): HTMLInputElement {
  return h('input', {
    type: options.type ?? 'text', name, id: options.id, 'aria-label': label, placeholder: options.placeholder ?? label,
    required: options.required, value: options.value, 'data-key': `${formKey}:${name}`, autocomplete: 'off',
  });
}

/** A multi-line input; Ctrl+Enter submits its form. */
export function textArea(formKey: string, name: string, label: string, options: ControlOptions = {}): HTMLTextAreaElement {
  return h('textarea', {
    name, id: options.id, 'aria-label': label, placeholder: options.placeholder ?? label, rows: 3,
    required: options.required, value: options.value, 'data-key': `${formKey}:${name}`,
  });
}

export function select(formKey: string, name: string, label: string, options: readonly { value: string; text: string }[], selected?: string): HTMLSelectElement {
  const element = h('select', { name, 'aria-label': label, title: label, 'data-key': `${formKey}:${name}` },
    ...options.map((o) => h('option', { value: o.value }, o.text)));
  if (selected !== undefined) element.value = selected;
  return element;
}

/** A form folded behind a summary line, to keep rarely used forms out of the way. */
export function folded(key: string, summary: string, form: HTMLFormElement): HTMLDetailsElement {
  return h('details', { class: 'folded-form', 'data-key': `fold:${key}` }, h('summary', {}, icon('add'), summary), form);
}
