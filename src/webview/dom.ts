// Tiny DOM builders. Strings always become text nodes: user text is never parsed as HTML.

export type Child = Node | string | null | undefined | false;
type Handler = (event: Event) => void;
export interface Props {
  readonly [name: string]: string | number | boolean | undefined | Handler;
}

/** An element with attributes (`on<event>` keys add listeners, booleans toggle) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') (element as HTMLInputElement).value = String(value);
    else if (name === 'checked') (element as HTMLInputElement).checked = value === true;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), 'aria-hidden': 'true' });
}

/** A text button, optionally with a leading codicon. */
export function button(label: string, onClick: Handler, props: Props & { icon?: string; primary?: boolean } = {}): HTMLButtonElement {
  const { icon: iconName, primary, class: extraClass, ...rest } = props;
  const classes = ['button', primary ? 'primary' : 'secondary', typeof extraClass === 'string' ? extraClass : ''].join(' ').trim();
  return h('button', { type: 'button', ...rest, class: classes, onclick: onClick }, iconName ? icon(iconName) : null, label);
}

/** A codicon-only button: its label is spoken and shown as a tooltip. */
export function iconButton(iconName: string, label: string, onClick: Handler, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label, ...props, onclick: onClick }, icon(iconName));
}

/** A section with a heading (h2) that names it for screen readers. */
export function section(id: string, title: string, iconName: string, ...children: Child[]): HTMLElement {
  return h('section', { id, class: 'card', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, icon(iconName), title),
    ...children);
}

/** A short muted line, used for "nothing here yet". */
export function empty(text: string): HTMLParagraphElement {
  return h('p', { class: 'empty' }, text);
}
