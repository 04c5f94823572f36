// SVG built with DOM APIs: attribute values are set, never parsed, and user text (incident titles)
// only ever becomes a text node.
const SVG_NS = 'http://www.w3.org/2000/svg';

type SvgChild = SVGElement | string | null | undefined | false;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string | number>> = {}, ...children: SvgChild[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * A data mark: focusable, announced by its label, and with a <title> tooltip for the mouse.
 * `shape` is a rect or circle made by `svg`.
 */
export function mark<E extends SVGElement>(shape: E, label: string): E {
  shape.setAttribute('tabindex', '0');
  shape.setAttribute('role', 'img');
  shape.setAttribute('aria-label', label);
  shape.classList.add('mark');
  shape.prepend(svg('title', {}, label));
  return shape;
}

/** The chart's root: scales with the page width, named for screen readers. */
export function chartRoot(width: number, height: number, label: string, ...children: SvgChild[]): SVGSVGElement {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'group', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet' }, ...children);
}
