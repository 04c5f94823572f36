// Re-rendering replaces the DOM, so what the responder was doing is carried across: typed drafts
// in open forms, open <details>, and focus with its caret. Controls are
// matched by their `data-key`.

export interface UiSnapshot {
  readonly drafts: ReadonlyMap<string, string>;
  readonly openDetails: ReadonlySet<string>;
  readonly focusKey: string | undefined;
  readonly selection: readonly [number, number] | undefined;
}

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function captureUi(root: HTMLElement): UiSnapshot {
  const drafts = new Map<string, string>();
  for (const control of root.querySelectorAll<Editable>('form[data-draft] input[data-key], form[data-draft] textarea[data-key], form[data-draft] select[data-key]')) {
    drafts.set(control.dataset.key!, control.value);
  }
  const openDetails = new Set<string>();
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    if (details.open) openDetails.add(details.dataset.key!);
  }
  const active = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement : undefined;
  return { drafts, openDetails, focusKey: active?.dataset.key, selection: selectionOf(active) };
}

/** Puts the snapshot back; `focusKey` (a control just opened or closed) wins over the old focus. */
export function restoreUi(root: HTMLElement, snapshot: UiSnapshot, focusKey?: string): void {
  for (const [key, value] of snapshot.drafts) {
    const control = root.querySelector<Editable>(`form[data-draft] [data-key="${CSS.escape(key)}"]`);
    if (control) control.value = value;
  }
  for (const key of snapshot.openDetails) {
    const details = root.querySelector<HTMLDetailsElement>(`details[data-key="${CSS.escape(key)}"]`);
    if (details) details.open = true;
  }
  const key = focusKey ?? snapshot.focusKey;
  const target = key ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
  if (!target || (target as HTMLButtonElement).disabled) return;
  target.focus({ preventScroll: focusKey === undefined });
  const selection = focusKey === undefined ? snapshot.selection : caretAtEnd(target);
  if (selection) setSelection(target, selection);
}

function selectionOf(element: HTMLElement | undefined): readonly [number, number] | undefined {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return undefined;
  const { selectionStart, selectionEnd } = element;
  return selectionStart === null || selectionEnd === null ? undefined : [selectionStart, selectionEnd];
}

function caretAtEnd(element: HTMLElement): readonly [number, number] | undefined {
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) return undefined;
  return [element.value.length, element.value.length];
}

function setSelection(element: HTMLElement, [start, end]: readonly [number, number]): void {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return;
  try {
    element.setSelectionRange(start, end);
  } catch {
    // Input types without a caret (date-time, checkbox) refuse a selection: nothing to restore.
  }
}
