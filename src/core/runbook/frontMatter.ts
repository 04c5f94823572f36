// Front-matter: the cheap part of a runbook, enough for the library's index (no Markdown parse).
// gray-matter is used defensively (FINDINGS.md): only YAML is ever parsed; its JavaScript
// engines are overridden with one that refuses, and options are always passed so its shared,
// never-evicted cache is not used.
import { decodeSource } from './decode';
import { DiagnosticList } from './diagnostics';
import { getGrayMatter } from './libraries';
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
  const diagnostics = new DiagnosticList();
  try {
    const text = decodeSource(source, diagnostics);
    const { meta, format } = readHeader(text, options.file, diagnostics);
    return { meta, format, diagnostics: diagnostics.sorted() };
  } catch (error) {
    diagnostics.add('internal-error', `Internal error while reading the front-matter: ${error instanceof Error ? error.message : String(error)}`, 1);
    return { meta: emptyMeta(idFromFile(options.file), idFromFile(options.file)), format: 'imported', diagnostics: diagnostics.sorted() };
  }
}

export interface Header {
  readonly meta: MutableMeta;
  readonly format: RunbookFormat;
  /** The text with the front-matter lines blanked, so Markdown line numbers stay file line numbers. */
  readonly body: string;
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
  if (meta.title === '') meta.title = firstHeading(body) ?? '';
  if (meta.title === '') {
    if (native) diagnostics.add('title-missing', 'No title: add `title:` to the front-matter or a # heading.', 1);
    meta.title = meta.id;
  }
  return { meta, format: native ? 'native' : 'imported', body };
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
  const lineCount = 2 + (yaml.match(/\n/g)?.length ?? 0);
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
    data = getGrayMatter()(`---\n${block.yaml}\n---\n`, SAFE_OPTIONS).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? Math.min(mark.line + 1, block.lineCount) : 1;
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

function refuseToRun(): never {
  throw new Error('JavaScript front-matter is never run');
}

/** Always passed, so gray-matter neither evaluates JavaScript nor uses its cache. */
const SAFE_OPTIONS = { engines: { js: refuseToRun, javascript: refuseToRun } } as const;

function keyLine(block: FrontMatterBlock | undefined, key: string): number {
  if (!block) return 1;
  const lines = block.yaml.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return index < 0 ? 1 : index + 2;
}

/** YAML 1.1 reads `010` as octal 8: say so where an author wrote a leading zero. */
function reportOctals(block: FrontMatterBlock, diagnostics: DiagnosticList): void {
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
