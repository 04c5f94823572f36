// Regenerating postmortem.md keeps what people wrote: text outside generated sections is kept byte
// for byte, a generated section whose content still matches its recorded hash is replaced by the
// fresh one, and a generated section someone edited is kept as it is and reported (never
// silently overwritten). A section deleted by hand comes back; delete an edited one to regenerate it.
import { parseSections, sectionHash, type ParsedSection } from './markers';

export interface MergedPostmortem {
  readonly text: string;
  /** Generated sections kept because people edited them (their names). */
  readonly keptEdited: readonly string[];
  /** Generated sections that were missing and were added. */
  readonly added: readonly string[];
}

export function mergePostmortem(existing: string | undefined, fresh: string): MergedPostmortem {
  if (existing === undefined || existing.trim() === '') return { text: fresh, keptEdited: [], added: [] };
  const freshLines = fresh.split('\n');
  const freshSections = parseSections(freshLines);
  const freshText = new Map(freshSections.map((s) => [s.name, linesOf(freshLines, s)]));
  const lines = existing.split('\n');
  const sections = parseSections(lines.map((l) => l.replace(/\r$/, '')));
  const present = new Set(sections.map((s) => s.name));
  const missing = freshSections.filter((s) => !present.has(s.name)).map((s) => s.name);
  const keptEdited: string[] = [];
  const out: string[] = [];
  // A blank line separates sections: after one inserted before an existing section, before one appended after.
  const emitMissingBefore = (name: string | undefined, separator: 'after' | 'before' = 'after') => {
    // Missing fresh sections that come, in the fresh order, before `name` (all of them when undefined).
    const limit = name === undefined ? freshSections.length : freshSections.findIndex((s) => s.name === name);
    for (const section of freshSections.slice(0, limit < 0 ? 0 : limit)) {
      const at = missing.indexOf(section.name);
      if (at < 0) continue;
      missing.splice(at, 1);
      const sectionLines = freshText.get(section.name)!;
      out.push(...(separator === 'after' ? [...sectionLines, ''] : ['', ...sectionLines]));
    }
  };
  const added = [...missing];
  let next = 0;
  for (const section of sections) {
    out.push(...lines.slice(next, section.startLine));
    emitMissingBefore(section.name);
    const replacement = freshText.get(section.name);
    const untouched = section.recordedHash !== undefined && section.recordedHash === sectionHash(section.content);
    if (replacement !== undefined && (untouched || section.content === sectionContent(freshSections, section.name))) out.push(...replacement);
    else {
      if (replacement !== undefined) keptEdited.push(section.name);
      out.push(...lines.slice(section.startLine, section.endLine + 1));
    }
    next = section.endLine + 1;
  }
  const rest = lines.slice(next);
  if (sections.length === 0) {
    // Nothing generated is left: the whole document is people's text; the sections go after it.
    out.push(...(rest.at(-1) === '' ? rest.slice(0, -1) : rest));
    emitMissingBefore(undefined, 'before');
    out.push('');
  } else {
    // Sections after the last one present go right after it.
    emitMissingBefore(undefined, 'before');
    out.push(...rest);
  }
  return { text: out.join('\n'), keptEdited, added };
}

function linesOf(lines: readonly string[], section: ParsedSection): string[] {
  return lines.slice(section.startLine, section.endLine + 1);
}

function sectionContent(sections: readonly ParsedSection[], name: string): string | undefined {
  return sections.find((s) => s.name === name)?.content;
}
