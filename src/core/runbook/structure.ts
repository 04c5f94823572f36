// Builds stages and steps from markdown-it's flat token stream (PRODUCT.md §2). The walk is a
// single loop with an explicit stack, so deeply nested input cannot overflow the call stack.
import type { Token } from 'markdown-it';
import { DiagnosticList } from './diagnostics';
import type { RunbookFormat } from './frontMatter';
import { plainInline } from './frontMatter';
import { CANONICAL_STAGES, type CanonicalStage, type StepCommand } from './model';
import { recogniseStage, stripLabels } from './stageNames';
import { slugify } from './slug';
import { parseStepMeta, splitMetaComment, type StepMeta } from './stepMeta';

export interface StepDraft {
  readonly text: string;
  readonly line: number;
  readonly meta: StepMeta;
  detail: string;
  command?: StepCommand;
}

export interface SectionDraft {
  readonly title: string;
  readonly canonical: CanonicalStage | null;
  /** A declared custom stage id, for sections that are custom stages. */
  readonly customId?: string;
  readonly line: number;
  /** The heading level that closes this stage: its own, or its enclosing stage's when nested; one below its heading for a bold label. */
  readonly level: number;
  /** True for the implicit section holding task items outside any stage. */
  readonly implicit: boolean;
  readonly steps: StepDraft[];
}

export interface StructureInput {
  readonly tokens: readonly Token[];
  readonly lines: readonly string[];
  readonly format: RunbookFormat;
  readonly declaredStages?: readonly string[];
  readonly diagnostics: DiagnosticList;
}

const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;
const BOLD_LABEL = /^(?:\*\*([^*\n]+)\*\*|__([^_\n]+)__)[ \t]*:?$/;

interface OpenItem {
  readonly step: StepDraft | undefined;
  readonly startLine: number;
  /** Line after the item's last line. */
  readonly endLine: number;
  /** Line ranges [from, to) of nested steps, left out of this step's detail. */
  readonly nested: [number, number][];
  /** True when this item is a step or inside one (so its fences may be that step's command). */
  readonly ownerIndex: number;
}

export function buildSections(input: StructureInput): SectionDraft[] {
  const { tokens, lines, format, diagnostics } = input;
  const declared = new Set(input.declaredStages ?? []);
  const hasTaskItems = tokens.some((t, i) => t.type === 'list_item_open' && isTaskItem(tokens, i));
  const listItemsAreSteps = format === 'imported' && !hasTaskItems;

  const sections: SectionDraft[] = [];
  let current: SectionDraft | undefined;
  let heading: { title: string; line: number; level: number } | undefined;
  let implicit: SectionDraft | undefined;
  const openItems: OpenItem[] = [];

  const openStage = (title: string, canonical: CanonicalStage | null, customId: string | undefined, line: number, level: number) => {
    current = { title, canonical, line, level, implicit: false, steps: [], ...(customId ? { customId } : {}) };
    sections.push(current);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        const title = plainInline(tokens[i + 1]?.content ?? '');
        const line = (token.map?.[0] ?? 0) + 1;
        const level = Number(token.tag.slice(1)) || 1;
        heading = { title, line, level };
        implicit = undefined;
        const titleSlug = slugify(stripLabels(title));
        const customId = declared.has(titleSlug) && !isCanonical(titleSlug) ? titleSlug : undefined;
        const match = customId ? undefined : recogniseStage(title);
        const nested = current !== undefined && level > current.level;
        if (customId) {
          if (!current || current.customId !== customId) openStage(title, null, customId, line, nested ? current!.level : level);
        } else if (match) {
          const differs = !current || current.canonical !== match.canonical;
          const opens = !nested || (differs && (match.bare || stageOrder(match.canonical) > stageOrder(current!.canonical)));
          // A stage opened by a nested heading stays open until its enclosing stage's level closes it.
          if (opens && differs) openStage(title, match.canonical, undefined, line, nested ? current!.level : level);
        } else if (!nested) {
          current = undefined;
        }
        break;
      }
      case 'paragraph_open': {
        if (openItems.length > 0) break;
        const label = boldLabel(tokens[i + 1]);
        const match = label === undefined ? undefined : recogniseStage(label);
        if (match?.bare && (!current || current.canonical !== match.canonical)) {
          openStage(plainInline(label!), match.canonical, undefined, (token.map?.[0] ?? 0) + 1, current?.level ?? (heading?.level ?? 0) + 1);
        }
        break;
      }
      case 'list_item_open': {
        const isTask = isTaskItem(tokens, i);
        const topLevel = openItems.length === 0;
        let step: StepDraft | undefined;
        if (isTask || (listItemsAreSteps && topLevel && current)) {
          step = makeStep(tokens, i, isTask, diagnostics);
          if (step) {
            let target = current;
            if (!target) {
              if (!implicit) {
                implicit = { title: heading?.title || 'Steps', canonical: null, line: heading?.line ?? step.line, level: heading?.level ?? 1, implicit: true, steps: [] };
                sections.push(implicit);
              }
              target = implicit;
            }
            target.steps.push(step);
          }
        }
        const parentOwner = openItems.length > 0 ? openItems[openItems.length - 1]!.ownerIndex : -1;
        // A plain literal (no conditional spread): this runs for every list item and spreads are slow here.
        openItems.push({ step, startLine: token.map?.[0] ?? 0, endLine: Math.min(token.map?.[1] ?? lines.length, lines.length), nested: [], ownerIndex: step ? openItems.length : parentOwner });
        if (token.map) {
          // Record this item's range in the nearest enclosing step, to leave it out of that step's detail.
          if (step && parentOwner >= 0) openItems[parentOwner]!.nested.push([token.map[0], token.map[1]]);
        }
        break;
      }
      case 'list_item_close': {
        const item = openItems.pop();
        if (item?.step) item.step.detail = detailOf(lines, item.startLine + 1, item.endLine, item.nested);
        break;
      }
      case 'fence': {
        const owner = openItems.length > 0 ? openItems[openItems.length - 1]!.ownerIndex : -1;
        const step = owner >= 0 ? openItems[owner]!.step : undefined;
        if (step && /(?:^|\s)run(?:\s|$)/.test(token.info)) {
          const line = (token.map?.[0] ?? 0) + 1;
          if (step.command) diagnostics.add('step-command-multiple', 'This step already has a run block; only its first one is the step\'s command.', line);
          else {
            const firstWord = token.info.trim().split(/\s+/)[0] ?? '';
            step.command = { language: firstWord === 'run' ? '' : firstWord, code: token.content, line };
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return sections;
}

function isCanonical(id: string): boolean {
  return (CANONICAL_STAGES as readonly string[]).includes(id);
}

function stageOrder(stage: CanonicalStage | null): number {
  return stage === null ? -1 : CANONICAL_STAGES.indexOf(stage);
}

/** A list item whose first paragraph starts with `[ ]` or `[x]`. */
function isTaskItem(tokens: readonly Token[], i: number): boolean {
  const paragraph = tokens[i + 1];
  const inline = tokens[i + 2];
  return paragraph?.type === 'paragraph_open' && inline?.type === 'inline' && TASK_MARKER.test(inline.content);
}

function makeStep(tokens: readonly Token[], i: number, isTask: boolean, diagnostics: DiagnosticList): StepDraft | undefined {
  const inline = tokens[i + 2];
  const line = (tokens[i]!.map?.[0] ?? 0) + 1;
  if (tokens[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') return undefined;
  const firstLine = inline.content.split('\n', 1)[0]!;
  const { text, comment } = splitMetaComment(isTask ? firstLine.replace(TASK_MARKER, '') : firstLine);
  if (text === '' && isTask) diagnostics.add('step-text-empty', 'This task item has no text.', line);
  if (text === '' && !isTask) return undefined;
  return { text, line, meta: parseStepMeta(comment, line, diagnostics), detail: '' };
}

/** The item's lines after its first, without nested steps, dedented and trimmed. */
function detailOf(lines: readonly string[], from: number, to: number, nested: readonly [number, number][]): string {
  const kept: string[] = [];
  for (let n = from; n < to; n++) {
    if (nested.some(([a, b]) => n >= a && n < b)) continue;
    kept.push(lines[n] ?? '');
  }
  while (kept.length > 0 && kept[0]!.trim() === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  const indents = kept.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return kept.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

/** The text of a paragraph that is a single bold span (`**(C) Containment**`), else undefined. */
function boldLabel(inline: Token | undefined): string | undefined {
  if (inline?.type !== 'inline') return undefined;
  const match = BOLD_LABEL.exec(inline.content.trim());
  if (!match) return undefined;
  const label = (match[1] ?? match[2] ?? '').trim();
  return label.split(/\s+/).length <= 6 ? label : undefined;
}
