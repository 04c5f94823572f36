// Ids derived from text: kebab-case ASCII, bounded, and made unique within one runbook.

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case slug of some Markdown text ('' when nothing usable is left). */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '').replace(/-+$/, '') || slug.slice(0, maxLength);
}

/** Hands out ids unique within one runbook: `x`, then `x-2`, `x-3`… */
export class UniqueIds {
  private readonly taken = new Set<string>();

  has(id: string): boolean {
    return this.taken.has(id);
  }

  claim(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
