// Pure action builders: validate a responder's request against the incident state and return the
// event draft to record, with the commit's stage and action words (`<type> [<step-id>]`, safe names
// only, never typed text). Invalid requests throw an ActionError with a clear message.
import { createHash } from 'node:crypto';
import type { Runbook } from '../runbook/model';
import { slugify } from '../runbook/slug';
import { acceptText, ActionError, LONG_TEXT, ONE_LINE, optionalText } from './actionInput';
import { normaliseTime } from './clock';
import {
  FIELD_NAMES, INDICATOR_TYPES, MILESTONES, TIME_FIELDS, TLP_LEVELS,
  type Actor, type DraftOf, type EventDraft, type FieldName, type IndicatorType, type MilestoneName, type Tlp,
} from './events';
import { isSafeName } from './ids';
import { indicatorKey } from './indicators';
import { commanderOf } from './reduce';
import { snapshotRunbook, type RunbookSnapshot } from './snapshot';
import { CANONICAL_STAGE_TITLES } from './stages';
import type { IncidentState, StepState } from './state';
import { missedDeadlinesToRecord } from './times';

export { ActionError, type ActionErrorCode } from './actionInput';

/** What to record: one event draft, and the commit subject's stage and action. */
export interface BuiltAction {
  readonly draft: EventDraft;
  /** A safe name: the incident's current stage (after the action for `advance`). */
  readonly stage: string;
  /** One to three safe-name words: the event type, then the step id when there is one. */
  readonly action: string;
  /** Things to tell the responder (required steps skipped, unchecked at closing…). */
  readonly warnings: readonly string[];
}

/** One responder action (the service's `ActionRequest`); each becomes exactly one event and one commit. */
export type IncidentAction =
  | { readonly kind: 'check'; readonly step: string; readonly note?: string }
  | { readonly kind: 'uncheck'; readonly step: string; readonly note?: string }
  | { readonly kind: 'add-step'; readonly stage: string; readonly text: string; readonly owner?: string }
  | { readonly kind: 'claim'; readonly step: string; readonly person?: string; readonly reason?: string }
  | { readonly kind: 'block'; readonly step: string; readonly reason?: string }
  | { readonly kind: 'unblock'; readonly step: string; readonly reason?: string }
  | { readonly kind: 'na'; readonly step: string; readonly reason: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'set'; readonly field: string; readonly value: string }
  | { readonly kind: 'severity'; readonly level: string }
  | { readonly kind: 'assign'; readonly role: string; readonly person: string }
  | { readonly kind: 'advance'; readonly stage?: string }
  | { readonly kind: 'milestone'; readonly milestone: MilestoneName; readonly at?: string }
  | { readonly kind: 'indicator'; readonly type: string; readonly value: string; readonly source?: string; readonly tlp?: string; readonly firstSeen?: string }
  | { readonly kind: 'retract-indicator'; readonly type: string; readonly value: string; readonly reason?: string }
  | { readonly kind: 'decision'; readonly what: string; readonly approvedBy: string; readonly why?: string }
  | { readonly kind: 'handoff'; readonly to: string; readonly summary?: string }
  | { readonly kind: 'handoff-ack' }
  | { readonly kind: 'custody'; readonly evidenceId: string; readonly to: string }
  | { readonly kind: 'close'; readonly reason?: string }
  | { readonly kind: 'reopen'; readonly reason?: string };

export interface ActionContext {
  readonly actor: Actor;
  /** The clock (defaults for milestone times; future times are refused). */
  readonly now: Date;
}

/** Severity levels: `SEV1`, `high`, `P2`… */
const SEVERITY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/** Allowed clock difference for a time given by hand (a milestone is "now" or backdated, not in the future). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** Actions still allowed on a closed incident (comments and custody continue into the review). */
const ALLOWED_WHEN_CLOSED = new Set(['note', 'set', 'decision', 'indicator', 'retract-indicator', 'custody', 'reopen']);

export function buildAction(state: IncidentState, request: IncidentAction, context: ActionContext): BuiltAction {
  if (!state.opened) throw new ActionError('not-open', 'this incident has no opening event');
  if (state.status === 'closed' && !ALLOWED_WHEN_CLOSED.has(request.kind)) {
    throw new ActionError('closed', `incident ${state.id} is closed: reopen it first`);
  }
  const done = (draft: EventDraft, step?: string, warnings: string[] = [], stage = state.stage): BuiltAction => ({
    draft,
    stage: isSafeName(stage) ? stage : 'incident',
    action: step !== undefined && isSafeName(step) ? `${draft.type} ${step}` : draft.type,
    warnings,
  });
  switch (request.kind) {
    case 'check': {
      const step = findStep(state, request.step);
      if (step.checked) throw new ActionError('no-change', `step ${step.id} is already checked`);
      return done({ type: 'step.checked', step: step.id, ...optional('note', optionalText(request.note, 'note', LONG_TEXT)) }, step.id);
    }
    case 'uncheck': {
      const step = findStep(state, request.step);
      if (!step.checked) throw new ActionError('no-change', `step ${step.id} is not checked`);
      return done({ type: 'step.unchecked', step: step.id, ...optional('note', optionalText(request.note, 'note', LONG_TEXT)) }, step.id);
    }
    case 'add-step': {
      const stage = acceptText(request.stage, 'stage', ONE_LINE);
      if (!state.stages.some((s) => s.id === stage) && !(stage in CANONICAL_STAGE_TITLES)) {
        throw new ActionError('unknown-stage', `unknown stage "${stage.slice(0, 80)}" (stages: ${state.stages.map((s) => s.id).join(', ')})`);
      }
      const text = acceptText(request.text, 'step text', ONE_LINE);
      const id = newStepId(state, text, context);
      return done({ type: 'step.added', step: id, stage, text, ...optional('owner', optionalText(request.owner, 'owner')) }, id);
    }
    case 'claim': {
      const step = findStep(state, request.step);
      const person = optionalText(request.person, 'person');
      return done({ type: 'step.claimed', step: step.id, ...optional('person', person), ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) }, step.id);
    }
    case 'block': {
      const step = findStep(state, request.step);
      if (step.blocked) throw new ActionError('no-change', `step ${step.id} is already blocked`);
      return done({ type: 'step.blocked', step: step.id, ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) }, step.id);
    }
    case 'unblock': {
      const step = findStep(state, request.step);
      if (!step.blocked) throw new ActionError('no-change', `step ${step.id} is not blocked`);
      return done({ type: 'step.unblocked', step: step.id, ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) }, step.id);
    }
    case 'na': {
      const step = findStep(state, request.step);
      return done({ type: 'step.na', step: step.id, reason: acceptText(request.reason, 'reason', LONG_TEXT) }, step.id);
    }
    case 'note':
      return done({ type: 'note.added', text: acceptText(request.text, 'note', LONG_TEXT) });
    case 'set':
      return done(buildFieldSet(state, request.field, request.value, context.now));
    case 'severity': {
      const level = acceptText(request.level, 'severity', ONE_LINE);
      if (!SEVERITY.test(level)) throw new ActionError('invalid-input', 'severity must be letters, digits, ".", "_" or "-" (e.g. SEV1), at most 32');
      if (level === state.severity) throw new ActionError('no-change', `severity is already ${level}`);
      return done({ type: 'severity.changed', severity: level });
    }
    case 'assign':
      return done({ type: 'role.assigned', role: acceptText(request.role, 'role', { max: 100 }), person: acceptText(request.person, 'person', ONE_LINE) });
    case 'advance':
      return buildAdvance(state, request.stage);
    case 'milestone': {
      if (!(MILESTONES as readonly string[]).includes(request.milestone)) {
        throw new ActionError('invalid-input', `milestone must be one of ${MILESTONES.join(', ')}`);
      }
      const time = request.at !== undefined ? acceptTime(request.at, 'milestone time', context.now) : context.now.toISOString();
      return done({ type: 'milestone.set', milestone: request.milestone as MilestoneName, time });
    }
    case 'indicator': {
      const type = acceptIndicatorType(request.type);
      const value = acceptText(request.value, 'indicator value', { max: 4096 });
      const existing = state.indicators.find((i) => i.key === indicatorKey(type, value));
      if (existing && !existing.retracted) throw new ActionError('duplicate', `indicator ${type} is already recorded (${existing.added.at})`);
      const tlp = request.tlp !== undefined ? acceptTlp(request.tlp) : undefined;
      const firstSeen = request.firstSeen !== undefined ? acceptTime(request.firstSeen, 'first seen', context.now) : undefined;
      return done({
        type: 'indicator.added', indicator: type, value,
        ...optional('firstSeen', firstSeen), ...optional('source', optionalText(request.source, 'source')), ...optional('tlp', tlp),
      }, type);
    }
    case 'retract-indicator': {
      const type = acceptIndicatorType(request.type);
      const value = acceptText(request.value, 'indicator value', { max: 4096 });
      const existing = state.indicators.find((i) => i.key === indicatorKey(type, value));
      if (!existing || existing.retracted) throw new ActionError('no-change', `no active ${type} indicator with that value`);
      return done({ type: 'indicator.retracted', indicator: type, value: existing.value, ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) }, type);
    }
    case 'decision':
      return done({
        type: 'decision.recorded', what: acceptText(request.what, 'decision', LONG_TEXT),
        approvedBy: acceptText(request.approvedBy, 'approved by', ONE_LINE), ...optional('why', optionalText(request.why, 'why', LONG_TEXT)),
      });
    case 'handoff': {
      const to = acceptText(request.to, 'hand-off recipient', ONE_LINE);
      const from = commanderOf(state) ?? context.actor.name;
      return done({ type: 'handoff', from, to, ...optional('summary', optionalText(request.summary, 'summary', LONG_TEXT)) });
    }
    case 'handoff-ack': {
      const pending = [...state.handoffs].reverse().find((h) => !h.acknowledged);
      if (!pending) throw new ActionError('nothing-to-acknowledge', 'there is no hand-off waiting for acknowledgement');
      return done({ type: 'handoff.acknowledged', handoff: pending.event });
    }
    case 'custody': {
      const item = state.evidence.find((e) => e.evidence === request.evidenceId);
      if (!item) throw new ActionError('unknown-evidence', `unknown evidence "${String(request.evidenceId).slice(0, 80)}"`);
      const to = acceptText(request.to, 'recipient', ONE_LINE);
      if (to === item.holder) throw new ActionError('no-change', `${item.evidence} is already held by ${to}`);
      return done({ type: 'evidence.transferred', evidence: item.evidence, from: item.holder, to }, item.evidence);
    }
    case 'close': {
      if (state.status === 'closed') throw new ActionError('no-change', 'the incident is already closed');
      const unchecked = [...state.steps.values()].filter((s) => s.required && !s.checked && !s.na).map((s) => s.id);
      const warnings = unchecked.length ? [`closing with ${unchecked.length} required step(s) unchecked: ${unchecked.join(', ')}`] : [];
      return done({ type: 'incident.closed', uncheckedRequired: unchecked, ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) }, undefined, warnings);
    }
    case 'reopen':
      if (state.status !== 'closed') throw new ActionError('no-change', 'the incident is not closed');
      return done({ type: 'incident.reopened', ...optional('reason', optionalText(request.reason, 'reason', LONG_TEXT)) });
  }
}

export interface OpeningInput {
  /** From `newIncidentId`. */
  readonly incident: string;
  readonly title: string;
  /** Defaults to the runbook's severity, then `SEV3`. */
  readonly severity?: string;
  readonly exercise?: boolean;
  readonly runbook: Runbook;
  /** Where the runbook was read from (for people). */
  readonly path: string;
  /** SHA-256 of the byte copy `runbook.md`. */
  readonly sha256: string;
  readonly fromAlert?: string;
}

/** The opening event, with the runbook's normalised snapshot. */
export function buildOpening(input: OpeningInput): BuiltAction {
  if (!isSafeName(input.incident)) throw new ActionError('invalid-input', 'the incident id must be a safe name');
  const title = acceptText(input.title, 'title', { max: 300 });
  const severity = acceptText(input.severity ?? input.runbook.severity ?? 'SEV3', 'severity', ONE_LINE);
  if (!SEVERITY.test(severity)) throw new ActionError('invalid-input', 'severity must be letters, digits, ".", "_" or "-" (e.g. SEV1), at most 32');
  const snapshot = snapshotRunbook(input.runbook);
  const stage = snapshot.stages.some((s) => s.id === 'detection') ? 'detection' : (snapshot.stages[0]?.id ?? 'detection');
  return {
    draft: {
      type: 'incident.opened', incident: input.incident, title, severity, exercise: input.exercise === true,
      runbook: { id: input.runbook.id, version: input.runbook.version, path: input.path, file: 'runbook.md', sha256: input.sha256 },
      snapshot, ...optional('fromAlert', optionalText(input.fromAlert, 'alert reference', { max: 2000 })),
    },
    stage: isSafeName(stage) ? stage : 'incident',
    action: 'incident.opened',
    warnings: input.runbook.diagnostics.filter((d) => d.severity === 'error').map((d) => `runbook line ${d.line}: ${d.message}`),
  };
}

/**
 * A second runbook joining. Its step ids that collide with the incident's are prefixed with its
 * id (`<runbook-id>.<step>`) in the recorded snapshot, so every step id stays unique.
 */
export function buildRunbookAdded(state: IncidentState, input: { runbook: Runbook; path: string; file: string; sha256: string }): BuiltAction {
  if (!isSafeName(input.file)) throw new ActionError('invalid-input', 'the runbook copy must have a safe file name');
  if (state.runbooks.some((r) => r.id === input.runbook.id)) throw new ActionError('duplicate', `runbook ${input.runbook.id} is already part of this incident`);
  if (state.runbooks.some((r) => r.file === input.file)) throw new ActionError('duplicate', `${input.file} is already used by another runbook`);
  const raw = snapshotRunbook(input.runbook);
  const taken = new Set(state.steps.keys());
  const snapshot: RunbookSnapshot = {
    ...raw,
    stages: raw.stages.map((stage) => ({
      ...stage,
      steps: stage.steps.map((step) => {
        let id = step.id;
        if (taken.has(id)) id = `${raw.id}.${step.id}`;
        for (let n = 2; taken.has(id); n++) id = `${raw.id}.${step.id}-${n}`;
        taken.add(id);
        return { ...step, id };
      }),
    })),
  };
  return {
    draft: { type: 'runbook.added', runbook: { id: raw.id, version: raw.version, path: input.path, file: input.file, sha256: input.sha256 }, snapshot },
    stage: isSafeName(state.stage) ? state.stage : 'incident',
    action: isSafeName(raw.id) ? `runbook.added ${raw.id}` : 'runbook.added',
    warnings: [],
  };
}

export interface EvidenceInput {
  /** The original file name as given (any text; kept for people). */
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly description?: string;
  /** Set when the file stays out of Git: where it lives. */
  readonly location?: string;
}

/**
 * The evidence id (also the stored file name under `evidence/`): `e-<hash>-<safe version of the name>`,
 * the hash taken from the file's SHA-256 and name, so two clones or processes attaching different
 * files never pick the same id, and the same file under the same name gets the same one. Ids of
 * older records (`e<n>-<name>`) stay as they are: an id is only ever read back as an opaque name.
 */
export function evidenceIdFor(originalName: string, sha256: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const safe = base.toLowerCase().normalize('NFKD').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/\.{2,}/g, '.').slice(0, 60).replace(/[.-]+$/, '');
  const hash = createHash('sha256').update(`${sha256}\0${originalName}`).digest('hex').slice(0, 10);
  return safe ? `e-${hash}-${safe}` : `e-${hash}`;
}

/** The `evidence.added` event, and the id chosen for the item (its stored file name too). */
export function buildEvidenceAdded(state: IncidentState, input: EvidenceInput): BuiltAction & { readonly evidence: string } {
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw new ActionError('invalid-input', 'sha256 must be 64 lowercase hex digits');
  if (!Number.isSafeInteger(input.size) || input.size < 0) throw new ActionError('invalid-input', 'size must be a non-negative integer');
  const same = state.evidence.find((e) => e.sha256 === input.sha256);
  if (same) throw new ActionError('duplicate', `the same file is already attached as ${same.evidence}`);
  const name = acceptText(input.name, 'file name', { max: 1000 });
  const evidence = evidenceIdFor(name, input.sha256);
  const location = optionalText(input.location, 'location', { max: 2000 });
  return {
    evidence,
    draft: {
      type: 'evidence.added', evidence, name, ...(location === undefined ? { file: evidence } : {}), sha256: input.sha256, size: input.size,
      ...optional('description', optionalText(input.description, 'description', LONG_TEXT)), ...optional('location', location),
    },
    stage: isSafeName(state.stage) ? state.stage : 'incident',
    action: `evidence.added ${evidence}`,
    warnings: [],
  };
}

/** The `sla.missed` events due at `now` (each missed deadline once), with the commit words. */
export function buildSlaMissed(state: IncidentState, now: Date): BuiltAction[] {
  return missedDeadlinesToRecord(state, now).map((draft) => ({
    draft,
    stage: isSafeName(state.stage) ? state.stage : 'incident',
    action: isSafeName(draft.step ?? draft.stage) ? `sla.missed ${draft.step ?? draft.stage}` : 'sla.missed',
    warnings: [],
  }));
}

function buildFieldSet(state: IncidentState, field: string, value: string, now: Date): DraftOf<'field.set'> {
  if (!(FIELD_NAMES as readonly string[]).includes(field)) throw new ActionError('invalid-input', `field must be one of ${FIELD_NAMES.join(', ')}`);
  const name = field as FieldName;
  const text = TIME_FIELDS.includes(name) ? acceptTime(value, name, now) : acceptText(value, name, { ...LONG_TEXT, allowEmpty: true });
  if (state.fields.get(name)?.value === text) throw new ActionError('no-change', `${name} already has that value`);
  return { type: 'field.set', field: name, value: text };
}

function buildAdvance(state: IncidentState, target: string | undefined): BuiltAction {
  const current = state.stages.findIndex((s) => s.id === state.stage);
  let to: string;
  if (target === undefined) {
    const next = state.stages[current + 1];
    if (!next) throw new ActionError('unknown-stage', `${state.stage} is the last stage: close the incident instead`);
    to = next.id;
  } else {
    to = acceptText(target, 'stage', ONE_LINE);
    if (!state.stages.some((s) => s.id === to)) throw new ActionError('unknown-stage', `unknown stage "${to.slice(0, 80)}" (stages: ${state.stages.map((s) => s.id).join(', ')})`);
    if (to === state.stage) throw new ActionError('no-change', `the incident is already in ${to}`);
  }
  const targetIndex = state.stages.findIndex((s) => s.id === to);
  // Required steps of every stage left behind (moving forward) are recorded as skipped: never a gate.
  const leftBehind = current >= 0 && targetIndex > current ? state.stages.slice(current, targetIndex) : [];
  const skipped = leftBehind.flatMap((s) => s.steps.map((id) => state.steps.get(id)!)).filter((s: StepState) => s.required && !s.checked && !s.na).map((s) => s.id);
  const warnings = skipped.length ? [`${skipped.length} required step(s) recorded as skipped: ${skipped.join(', ')}`] : [];
  return {
    draft: { type: 'stage.advanced', from: state.stage, to, skipped },
    stage: isSafeName(to) ? to : 'incident',
    action: 'stage.advanced',
    warnings,
  };
}

function findStep(state: IncidentState, id: string): StepState {
  const step = typeof id === 'string' ? state.steps.get(id) : undefined;
  if (!step) throw new ActionError('unknown-step', `unknown step "${String(id).slice(0, 80)}" in incident ${state.id}`);
  return step;
}

/**
 * `added-<slug>-<4 characters>`: the suffix comes from who added it and when, so two responders
 * adding the same text on two clones at once get two steps after the merge, not one.
 */
function newStepId(state: IncidentState, text: string, context: ActionContext): string {
  const digest = createHash('sha256').update(`${context.actor.email}\0${context.actor.name}\0${context.now.toISOString()}\0${text}`).digest();
  const suffix = [...digest.subarray(0, 4)].map((byte) => (byte % 36).toString(36)).join('');
  const base = `added-${slugify(text, 40) || 'step'}-${suffix}`;
  let id = base;
  for (let n = 2; state.steps.has(id); n++) id = `${base}-${n}`;
  return id;
}

function acceptTime(value: string, what: string, now: Date): string {
  const time = normaliseTime(acceptText(value, what, ONE_LINE));
  if (time === undefined) throw new ActionError('invalid-input', `${what} must be an ISO-8601 time with a zone, e.g. 2026-11-28T09:30:00Z`);
  if (Date.parse(time) > now.getTime() + FUTURE_SLACK_MS) throw new ActionError('invalid-input', `${what} is in the future`);
  return time;
}

function acceptIndicatorType(type: string): IndicatorType {
  const lower = String(type).toLowerCase();
  if (!(INDICATOR_TYPES as readonly string[]).includes(lower)) throw new ActionError('invalid-input', `indicator type must be one of ${INDICATOR_TYPES.join(', ')}`);
  return lower as IndicatorType;
}

function acceptTlp(tlp: string): Tlp {
  const lower = String(tlp).trim().toLowerCase().replace(/^tlp:/, '').replace(/^white$/, 'clear');
  if (!(TLP_LEVELS as readonly string[]).includes(lower)) throw new ActionError('invalid-input', `TLP must be one of ${TLP_LEVELS.join(', ')}`);
  return lower as Tlp;
}

/** `{ [key]: value }` when value is defined, else `{}` (optional properties stay absent from the JSON). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
