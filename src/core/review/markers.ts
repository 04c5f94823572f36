// Generated sections of postmortem.md are wrapped in markers that carry a hash of what was
// generated, so regeneration can tell an untouched section (replaced) from one people edited (kept).
import { sha256Hex } from '../incident';

const MARKER = /^<!-- firebreak:generated:(start|end) ([a-z][a-z0-9-]*)(?: sha256:([0-9a-f]{16}))? -->$/;

/** The short content hash written in a start marker. */
export function sectionHash(content: string): string {
  return sha256Hex(content).slice(0, 16);
}

/** A generated section: start marker, content (ending with a newline), end marker. */
export function generatedSection(name: string, content: string): string {
  return `<!-- firebreak:generated:start ${name} sha256:${sectionHash(content)} -->\n${content}<!-- firebreak:generated:end ${name} -->\n`;
}

export interface ParsedSection {
  readonly name: string;
  /** Line indexes of the start and end markers. */
  readonly startLine: number;
  readonly endLine: number;
  readonly content: string;
  /** The hash recorded in the start marker (absent when someone removed it). */
  readonly recordedHash?: string;
}

/** The well-formed generated sections of a document (an unmatched or nested marker is left as text). */
export function parseSections(lines: readonly string[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let open: { name: string; line: number; hash?: string } | undefined;
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return;
    const [, kind, name, hash] = match;
    if (kind === 'start') {
      open = { name: name!, line: index, ...(hash !== undefined ? { hash } : {}) };
    } else if (open !== undefined && open.name === name) {
      const body = lines.slice(open.line + 1, index);
      sections.push({
        name: name!, startLine: open.line, endLine: index, content: body.length ? `${body.join('\n')}\n` : '',
        ...(open.hash !== undefined ? { recordedHash: open.hash } : {}),
      });
      open = undefined;
    }
  });
  return sections;
}
