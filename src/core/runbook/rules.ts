// Lint rules that look at the whole parsed runbook (the per-field and per-step checks run while
// parsing). Severity is softened for imported playbooks, which were not written for Firebreak.
import { checkStepCommands } from './commandRules';
import { DiagnosticList } from './diagnostics';
import { parseDurationMinutes } from './duration';
import type { RunbookFormat } from './frontMatter';
import type { MutableMeta } from './metaFields';
import { CANONICAL_STAGES, type Stage } from './model';

export interface RuleInput {
  readonly meta: MutableMeta;
  readonly format: RunbookFormat;
  readonly stages: readonly Stage[];
  readonly placeholders: readonly { readonly name: string; readonly line: number }[];
  readonly diagnostics: DiagnosticList;
  readonly builtin: boolean;
  readonly now?: Date;
}

export function checkRunbook(input: RuleInput): void {
  checkSteps(input);
  checkStageList(input);
  checkRoles(input);
  checkSla(input);
  checkReview(input);
  checkPlaceholders(input);
  checkStepCommands(input.stages, input.diagnostics);
}

function checkSteps({ format, stages, diagnostics }: RuleInput): void {
  const native = format === 'native';
  if (stages.every((s) => s.steps.length === 0)) {
    diagnostics.add('runbook-empty', native ? 'This runbook has no steps: add task items (- [ ] …) under stage headings.' : 'No steps found: no task items (- [ ] …), and no list under a stage heading.', 1, native ? 'error' : 'warning');
  }
  for (const stage of stages) {
    if (stage.implicit) {
      if (stage.steps.length > 0) {
        diagnostics.add('step-outside-stage', `${stage.steps.length} step(s) under ${JSON.stringify(stage.title)} are not under any stage heading (Detection, Containment…); they form a section of their own.`, stage.steps[0]!.line, native ? 'warning' : 'info');
      }
      continue;
    }
    if (stage.steps.length === 0) {
      diagnostics.add('stage-empty', `The stage ${JSON.stringify(stage.title)} has no steps.`, stage.line, native ? 'warning' : 'info');
    }
  }
}

function checkStageList(input: RuleInput): void {
  const { meta, stages, diagnostics } = input;
  const declared = meta.declaredStages;
  if (!declared) return;
  const seen = new Set<string>();
  for (const id of declared) {
    if (seen.has(id)) diagnostics.add('stage-duplicate', `The stage ${JSON.stringify(id)} is listed twice in stages.`, 1);
    seen.add(id);
    const canonical = (CANONICAL_STAGES as readonly string[]).includes(id);
    if (!canonical && !stages.some((s) => s.id === id)) {
      diagnostics.add('stage-unknown', `The stage ${JSON.stringify(id)} in stages is not a standard stage and has no "## ${id}" section in the runbook.`, 1);
    }
  }
  for (const stage of stages) {
    if (stage.canonical !== null && !seen.has(stage.canonical)) {
      diagnostics.add('stage-not-declared', `The section ${JSON.stringify(stage.title)} is the ${stage.canonical} stage, which the stages list leaves out.`, stage.line);
    }
  }
}

function checkRoles({ meta, format, stages, diagnostics }: RuleInput): void {
  if (format !== 'native') return;
  for (const step of stages.flatMap((s) => s.steps)) {
    if (step.role !== undefined && !meta.roles.includes(step.role)) {
      const known = meta.roles.length > 0 ? `roles are: ${meta.roles.join(', ')}` : 'the front-matter declares no roles';
      diagnostics.add('role-unknown', `The role ${JSON.stringify(step.role)} is not declared (${known}).`, step.line);
    }
  }
}

function checkSla({ meta, stages, diagnostics }: RuleInput): void {
  const stageIds = new Set(stages.map((s) => s.id));
  for (const [severity, row] of Object.entries(meta.sla)) {
    for (const stage of Object.keys(row)) {
      if (!stageIds.has(stage)) {
        diagnostics.add('sla-unknown-stage', `sla.${severity} sets a deadline for ${JSON.stringify(stage)}, a stage this runbook does not have.`, 1);
      }
    }
  }
}

function checkReview({ meta, diagnostics, now }: RuleInput): void {
  const last = meta.review?.last;
  const every = meta.review?.every;
  if (!now || !last || !every) return;
  const minutes = parseDurationMinutes(every);
  const lastTime = Date.parse(`${last}T00:00:00Z`);
  if (minutes === undefined || Number.isNaN(lastTime)) return;
  const due = lastTime + minutes * 60_000;
  if (now.getTime() > due) {
    diagnostics.add('review-stale', `Last reviewed ${last}; a review was due every ${every}, by ${new Date(due).toISOString().slice(0, 10)}.`, 1);
  }
}

function checkPlaceholders({ meta, format, placeholders, diagnostics, builtin }: RuleInput): void {
  if (builtin) {
    for (const { name, line } of placeholders) {
      if (!meta.customise.includes(name)) diagnostics.add('placeholder-undeclared', `{{${name}}} is not in the customise list.`, line);
    }
  } else if (format === 'native') {
    for (const { name, line } of placeholders) {
      diagnostics.add('placeholder-unfilled', `{{${name}}} is still a placeholder: replace it with your team's value.`, line);
    }
  }
  // Only the library must keep its customise list and body in step. In a team's copy an entry with
  // no {{placeholder}} left means it was filled in, which is the point of the list.
  if (!builtin) return;
  for (const name of meta.customise) {
    if (!placeholders.some((p) => p.name === name)) diagnostics.add('customise-unused', `customise lists ${JSON.stringify(name)} but the runbook has no {{${name}}}.`, 1);
  }
}
