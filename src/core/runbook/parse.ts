// The runbook parser: one Markdown file in, a Runbook out (PRODUCT.md §2). It never throws:
// anything unexpected becomes an `internal-error` diagnostic and a best-effort result.
import { decodeSource } from './decode';
import { DiagnosticList } from './diagnostics';
import { idFromFile, readHeader, type RunbookFormat } from './frontMatter';
import { parseBlocks } from './libraries';
import { emptyMeta, type MutableMeta } from './metaFields';
import type { Runbook, Stage, Step } from './model';
import { checkRunbook } from './rules';
import { slugify, UniqueIds } from './slug';
import { buildSections, type SectionDraft } from './structure';

export interface ParseOptions {
  /** The path, reported as given. */
  readonly file: string;
  /** The clock for time rules (stale review); without it those rules are skipped. */
  readonly now?: Date;
  /** A built-in library runbook: its `{{placeholders}}` are expected, not a warning. */
  readonly builtin?: boolean;
}

export function parseRunbook(source: string | Uint8Array, options: ParseOptions): Runbook {
  const diagnostics = new DiagnosticList();
  let meta: MutableMeta = emptyMeta(idFromFile(options.file), idFromFile(options.file));
  let format: RunbookFormat = 'imported';
  let stages: Stage[] = [];
  let placeholders: { name: string; line: number }[] = [];
  try {
    const text = decodeSource(source, diagnostics);
    const header = readHeader(text, options.file, diagnostics);
    meta = header.meta;
    format = header.format;
    const lines = header.body.split('\n');
    const tokens = readBlocks(header.body, diagnostics);
    const sections = buildSections({ tokens, lines, format, ...(meta.declaredStages ? { declaredStages: meta.declaredStages } : {}), diagnostics });
    stages = finishStages(sections, format, diagnostics);
    placeholders = findPlaceholders(withFrontMatterLines(lines, text.slice(0, header.bodyStart)));
    checkRunbook({ meta, format, stages, placeholders, diagnostics, builtin: options.builtin === true, ...(options.now ? { now: options.now } : {}) });
  } catch (error) {
    diagnostics.add('internal-error', `Internal error while parsing: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  return { ...meta, file: options.file, format, stages, placeholders, diagnostics: diagnostics.sorted() };
}

/** markdown-it's tokens; input nested past its limit is read again with the deep lines flattened. */
function readBlocks(body: string, diagnostics: DiagnosticList) {
  const first = parseBlocks(body);
  if (!first.limitHit) return first.tokens;
  const lines = body.split('\n');
  const deepLine = lines.findIndex((l) => containerPrefix(l).length > FLATTEN_AT);
  diagnostics.add('nesting-too-deep', `Lists or quotes are nested too deeply for the Markdown reader; the deepest lines are read as if they were not nested.`, deepLine + 1);
  return parseBlocks(lines.map(flattenLine).join('\n')).tokens;
}

/** Indentation, quote marks and list markers before a line's text. */
function containerPrefix(line: string): string {
  return /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(line)![0];
}

const FLATTEN_AT = 40;

/** A deeply nested line keeps only its last list marker, at the top level. */
function flattenLine(line: string): string {
  const prefix = containerPrefix(line);
  if (prefix.length <= FLATTEN_AT) return line;
  const marker = /(?:[-*+]|\d{1,9}[.)])[ \t]+$/.exec(prefix);
  return (marker ? marker[0] : '') + line.slice(prefix.length);
}

/** Gives stages and steps their ids: explicit step ids first, then slugs, all unique. */
function finishStages(sections: readonly SectionDraft[], format: RunbookFormat, diagnostics: DiagnosticList): Stage[] {
  const stepIds = new UniqueIds();
  const explicitLines = new Map<string, number>();
  for (const step of sections.flatMap((s) => s.steps)) {
    const id = step.meta.id;
    if (id === undefined) continue;
    if (explicitLines.has(id)) {
      diagnostics.add('step-duplicate-id', `The step id ${JSON.stringify(id)} is already used on line ${explicitLines.get(id)}; step ids must be unique.`, step.line);
    } else {
      explicitLines.set(id, step.line);
      stepIds.claim(id);
    }
  }

  const stageIds = new UniqueIds();
  return sections.map((section) => {
    const base = section.canonical ?? section.customId ?? (slugify(section.title) || 'steps');
    if (stageIds.has(base) && !section.implicit && format === 'native') {
      diagnostics.add('stage-duplicate', `The stage ${JSON.stringify(base)} appears more than once; its steps stay in separate sections.`, section.line);
    }
    const id = stageIds.claim(base);
    const steps: Step[] = section.steps.map((draft) => {
      const explicit = draft.meta.id !== undefined && explicitLines.get(draft.meta.id) === draft.line;
      const stepId = explicit ? draft.meta.id! : stepIds.claim(slugify(draft.text) || 'step');
      const { meta } = draft;
      return {
        id: stepId,
        text: draft.text,
        detail: draft.detail,
        line: draft.line,
        required: meta.required,
        ...(meta.role !== undefined ? { role: meta.role } : {}),
        evidenceRequired: meta.evidenceRequired,
        csf: meta.csf,
        attack: meta.attack,
        ...(meta.deadline !== undefined ? { deadline: meta.deadline } : {}),
        ...(draft.command ? { command: draft.command } : {}),
      };
    });
    return { id, title: section.title, canonical: section.canonical, line: section.line, steps, ...(section.implicit ? { implicit: true } : {}) };
  });
}

/** The body's lines with the front-matter's own lines back in place of the blanked ones. */
function withFrontMatterLines(bodyLines: readonly string[], frontMatter: string): readonly string[] {
  if (frontMatter === '') return bodyLines;
  const own = frontMatter.split('\n');
  own.pop(); // the block ends with a line end: the body's line after it is not front-matter
  return [...own, ...bodyLines.slice(own.length)];
}

/** Every `{{name}}` in the front-matter (escalation contacts, owners…) and the body, with the line it first appears on. */
function findPlaceholders(lines: readonly string[]): { name: string; line: number }[] {
  const seen = new Map<string, number>();
  lines.forEach((text, index) => {
    if (!text.includes('{{')) return;
    for (const match of text.matchAll(/\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g)) {
      if (!seen.has(match[1]!)) seen.set(match[1]!, index + 1);
    }
  });
  return [...seen].map(([name, line]) => ({ name, line }));
}
