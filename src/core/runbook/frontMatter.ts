// Front-matter: the cheap part of a runbook, enough for the library's index (no Markdown parse).
// Only YAML is ever parsed, with gray-matter's YAML parser called directly (FINDINGS.md): its
// JavaScript engine (which `eval`s `---js` blocks) and its never-evicted cache are never reached.
import { decodeSource } from './decode';
import { DiagnosticList } from './diagnostics';
import { getYamlParser } from './libraries';
import { emptyMeta, isMapping, readMetaFields, type MutableMeta } from './metaFields';
import type { Diagnostic, RunbookMeta } from './model';
import { slugify } from './slug';

export type RunbookFormat = 'native' | 'imported';

export interface FrontMatterResult {
  readonly meta: RunbookMeta;
  readonly format: RunbookFormat;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads only the front-matter (and the first heading, for an imported playbook's title). Never throws. */
export function readFrontMatter(source: string | Uint8Array, options: { file: string }): FrontMatterResult {
  return readDecodedHeader(source, options.file).result;
}

/**
 * The front-matter from a file's first bytes alone, when they hold the whole block and the
 * block gives the title: then the result equals `readFrontMatter` of the whole file, except for
 * text problems (NUL bytes, invalid UTF-8) after the block. Otherwise undefined: read the whole file.
 */
export function readFrontMatterStart(start: Uint8Array, options: { file: string }): FrontMatterResult | undefined {
  const cut = endOfClosingLine(start);
  if (cut < 0) return undefined;
  const { result, header } = readDecodedHeader(start.subarray(0, cut), options.file);
  // The block must end exactly at the cut (so it is the block the whole file has), with a title of its own.
  return header?.titled && header.bodyStart === header.textLength ? result : undefined;
}

const NEWLINE = 0x0a;
const DASH = 0x2d;
const DOT = 0x2e;

/**
 * Just after the first `---` or `...` line after the first line (spaces and a CR allowed), or -1.
 * Line by line from the start: a front-matter is short, the bytes after it are never scanned.
 */
function endOfClosingLine(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) {
    const mark = bytes[at + 1];
    if ((mark !== DASH && mark !== DOT) || bytes[at + 2] !== mark || bytes[at + 3] !== mark) continue;
    let end = at + 4;
    while (bytes[end] === 0x20 || bytes[end] === 0x09) end++;
    if (bytes[end] === 0x0d) end++;
    if (bytes[end] === NEWLINE) return end + 1;
  }
  return -1;
}

function readDecodedHeader(source: string | Uint8Array, file: string): { result: FrontMatterResult; header?: Header } {
  const diagnostics = new DiagnosticList();
  try {
    const text = decodeSource(source, diagnostics);
    const header = readHeader(text, file, diagnostics);
    return { result: { meta: header.meta, format: header.format, diagnostics: diagnostics.sorted() }, header };
  } catch (error) {
    diagnostics.add('internal-error', `Internal error while reading the front-matter: ${error instanceof Error ? error.message : String(error)}`, 1);
    return { result: { meta: emptyMeta(idFromFile(file), idFromFile(file)), format: 'imported', diagnostics: diagnostics.sorted() } };
  }
}

export interface Header {
  readonly meta: MutableMeta;
  readonly format: RunbookFormat;
  /** The text with the front-matter lines blanked, so Markdown line numbers stay file line numbers. */
  readonly body: string;
  /** Where the text after the front-matter starts (0 without front-matter), and the text's length. */
  readonly bodyStart: number;
  readonly textLength: number;
  /** Whether the front-matter gave the title (else it came from a heading or the id). */
  readonly titled: boolean;
}

/** Splits and validates the front-matter of decoded text (`\n` line ends, no BOM). */
export function readHeader(text: string, file: string, diagnostics: DiagnosticList): Header {
  const block = findFrontMatter(text, diagnostics);
  let data: Record<string, unknown> = {};
  if (block) data = parseYamlBlock(block, diagnostics);
  const native = typeof data.id === 'string' || (data.id !== undefined && data.id !== null);
  const body = block ? '\n'.repeat(block.lineCount) + text.slice(block.end) : text;
  // The file-name id is only a fallback; slugging it for every native runbook is wasted work.
  const meta = emptyMeta(typeof data.id === 'string' ? '' : idFromFile(file), '');
  const lineOf = (key: string) => keyLine(block, key);
  if (block && !native && Object.keys(data).length > 0 && looksLikeFirebreak(data)) {
    diagnostics.add('id-missing', 'The front-matter has no id, so this file is read as an imported playbook. Add an id to make it a native runbook.', 1);
  }
  readMetaFields(data, meta, native, diagnostics, lineOf);
  if (meta.id === '') meta.id = idFromFile(file); // the front-matter id was invalid
  if (block && native) reportOctals(block, diagnostics);
  const titled = meta.title !== '';
  if (!titled) meta.title = firstHeading(body) ?? '';
  if (meta.title === '') {
    if (native) diagnostics.add('title-missing', 'No title: add `title:` to the front-matter or a # heading.', 1);
    meta.title = meta.id;
  }
  return { meta, format: native ? 'native' : 'imported', body, bodyStart: block?.end ?? 0, textLength: text.length, titled };
}

interface FrontMatterBlock {
  readonly language: string;
  /** The YAML text between the delimiters. */
  readonly yaml: string;
  /** Lines from the opening delimiter through the closing one. */
  readonly lineCount: number;
  /** Index just after the closing delimiter's line. */
  readonly end: number;
}

function findFrontMatter(text: string, diagnostics: DiagnosticList): FrontMatterBlock | undefined {
  if (!text.startsWith('---') || text.charAt(3) === '-') return undefined;
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return undefined;
  const language = text.slice(3, firstEnd).trim().toLowerCase();
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(firstEnd + 1);
  const match = close.exec(rest);
  if (!match) {
    // A lone `---` first line is a thematic break in Markdown, not front-matter, unless it names a language.
    if (language !== '') diagnostics.add('front-matter-unclosed', 'The front-matter has no closing --- line.', 1);
    return undefined;
  }
  const yaml = rest.slice(0, match.index);
  const closeLineEnd = firstEnd + 1 + match.index + match[0].length;
  const end = text.charAt(closeLineEnd) === '\n' ? closeLineEnd + 1 : closeLineEnd;
  let lineCount = 2;
  for (let at = yaml.indexOf('\n'); at >= 0; at = yaml.indexOf('\n', at + 1)) lineCount++; // no array of matches per file
  return { language, yaml, lineCount, end };
}

function parseYamlBlock(block: FrontMatterBlock, diagnostics: DiagnosticList): Record<string, unknown> {
  if (block.language === 'js' || block.language === 'javascript') {
    diagnostics.add('front-matter-js', 'JavaScript front-matter (---js) is never run. Use YAML front-matter (a plain --- line).', 1);
    return {};
  }
  if (block.language !== '' && block.language !== 'yaml' && block.language !== 'yml') {
    diagnostics.add('front-matter-language', `Front-matter in ${JSON.stringify(block.language.slice(0, 20))} is not read; use YAML (a plain --- line).`, 1);
    return {};
  }
  let data: unknown;
  try {
    // An empty block (blank, comments only, or `~`) is an empty mapping, as gray-matter reads it.
    data = getYamlParser()(block.yaml) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // mark.line is 0-based within the block, which starts on the file's line 2.
    const line = typeof mark?.line === 'number' ? Math.min(mark.line + 2, block.lineCount) : 1;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    diagnostics.add('yaml-invalid', `The front-matter is not valid YAML: ${reason}.`, line);
    return {};
  }
  if (!isMapping(data)) {
    diagnostics.add('front-matter-not-mapping', 'The front-matter must be a mapping of fields (key: value), not a list or a single value.', 2);
    return {};
  }
  return data;
}

function keyLine(block: FrontMatterBlock | undefined, key: string): number {
  if (!block) return 1;
  const lines = block.yaml.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return index < 0 ? 1 : index + 2;
}

/** YAML 1.1 reads `010` as octal 8: say so where an author wrote a leading zero. */
function reportOctals(block: FrontMatterBlock, diagnostics: DiagnosticList): void {
  if (!/:[ \t]*0[0-9]/.test(block.yaml)) return; // the common case, without splitting lines
  block.yaml.split('\n').forEach((line, index) => {
    const match = /^([A-Za-z_][\w-]*):\s*(0[0-9]+)\s*(?:#.*)?$/.exec(line);
    if (match) {
      diagnostics.add('field-octal', `${match[1]}: ${match[2]} has a leading zero and YAML reads it as octal (${parseInt(match[2]!, 8) || match[2]}); write it without the zero, or quote it.`, index + 2);
    }
  });
}

/** Fields only a Firebreak runbook would have: worth a hint that `id` is missing. */
function looksLikeFirebreak(data: Record<string, unknown>): boolean {
  return ['version', 'roles', 'sla', 'escalation', 'stages', 'customise'].some((k) => k in data);
}

/** An imported playbook's id: a slug of its file name. */
export function idFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return slugify(base.replace(/(?:\.html)?\.(?:md|markdown)$/i, '')) || 'runbook';
}

/** Text of the first ATX heading outside fenced code, without markup. */
export function firstHeading(body: string): string | undefined {
  let fence: string | undefined;
  for (const line of body.split('\n', 2000)) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]!;
      else if (fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const text = plainInline(heading[1]!);
      if (text !== '') return text;
    }
  }
  return undefined;
}

/** Inline Markdown reduced to its visible text (emphasis, links and code marks removed). */
export function plainInline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
