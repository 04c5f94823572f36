// The reducer of PRODUCT.md §3: events in (at, id) order, the last event wins per state field,
// duplicate ids count once. Pure; never throws; the result does not depend on the input order.
import type { EventOf, IncidentEvent, RunbookRef } from './events';
import { serializeEvent } from './eventLog';
import { slaMissKey } from './times';
import { indicatorKey } from './indicators';
import type { RunbookSnapshot } from './snapshot';
import { CANONICAL_STAGE_TITLES, isSamePerson } from './stages';
import type { IncidentState, Stamp, StageState, StepState } from './state';

/** Distinct events (by id) sorted by (at, id); among same-id events the first in that order is kept. */
export function orderEvents(events: readonly IncidentEvent[]): IncidentEvent[] {
  // Same (at, id) with different content only happens in a tampered log: serialise just then, so
  // which copy is kept still does not depend on file order.
  const sorted = [...events].sort((a, b) => compare(a.at, b.at) || compare(a.id, b.id) || compare(serializeEvent(a), serializeEvent(b)));
  const seen = new Set<string>();
  const out: IncidentEvent[] = [];
  for (const event of sorted) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    out.push(event);
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function emptyState(): IncidentState {
  return {
    id: '', title: '', severity: '', exercise: false, status: 'open', runbooks: [], stages: [], stage: 'detection',
    steps: new Map(), roles: new Map(), fields: new Map(), notes: [], indicators: [], decisions: [], handoffs: [],
    evidence: [], milestones: new Map(), advances: [], severityChanges: [], slaMissed: [], reopened: [], commands: [], events: [], ignored: [],
  };
}

export function reduceIncident(events: readonly IncidentEvent[]): IncidentState {
  const state = emptyState();
  for (const event of orderEvents(events)) {
    state.events.push(event);
    state.latestAt = event.at;
    apply(state, event);
  }
  return state;
}

/** Steps in stage order, then runbook order, added steps last within their stage. */
export function stepsInOrder(state: IncidentState): StepState[] {
  return state.stages.flatMap((stage) => stage.steps.map((id) => state.steps.get(id)!));
}

/** The person holding the commander role: the assigned one, else whoever opened the incident. */
export function commanderOf(state: IncidentState): string | undefined {
  return state.roles.get('commander')?.person ?? state.opened?.actor.name;
}

function stampOf(event: IncidentEvent): Stamp {
  return { at: event.at, actor: event.actor, event: event.id };
}

function ignoreEvent(state: IncidentState, event: IncidentEvent, reason: string): void {
  state.ignored.push({ event: event.id, reason });
}

function stepOf(state: IncidentState, event: IncidentEvent, id: string): StepState | undefined {
  const found = state.steps.get(id);
  if (!found) ignoreEvent(state, event, `unknown step "${id.slice(0, 80)}"`);
  return found;
}

function apply(state: IncidentState, event: IncidentEvent): void {
  const stamp = stampOf(event);
  switch (event.type) {
    case 'incident.opened': {
      if (state.opened) return ignoreEvent(state, event, 'a second opening event');
      state.id = event.incident;
      state.title = event.title;
      state.severity = event.severity;
      state.exercise = event.exercise;
      state.opened = stamp;
      if (event.fromAlert !== undefined) state.fromAlert = event.fromAlert;
      addRunbook(state, event.runbook, event.snapshot, stamp);
      state.stage = state.stages.some((s) => s.id === 'detection') ? 'detection' : (state.stages[0]?.id ?? 'detection');
      return;
    }
    case 'runbook.added':
      if (state.runbooks.some((r) => r.id === event.runbook.id)) return ignoreEvent(state, event, `runbook "${event.runbook.id}" already joined`);
      addRunbook(state, event.runbook, event.snapshot, stamp);
      return;
    case 'step.checked':
    case 'step.unchecked': {
      const target = stepOf(state, event, event.step);
      if (!target) return;
      target.checked = event.type === 'step.checked';
      target.checkedChange = { ...stamp, ...(event.note !== undefined ? { note: event.note } : {}) };
      return;
    }
    case 'step.added': {
      if (state.steps.has(event.step)) return ignoreEvent(state, event, `step "${event.step}" already exists`);
      const stage = ensureStage(state, event.stage);
      state.steps.set(event.step, {
        id: event.step, text: event.text, stage: stage.id, required: false, evidenceRequired: false, origin: 'added',
        ...(event.owner !== undefined ? { owner: event.owner } : {}), checked: false, addedBy: stamp,
      });
      stage.steps.push(event.step);
      return;
    }
    case 'step.claimed': {
      const target = stepOf(state, event, event.step);
      if (target) target.claimed = { ...stamp, person: event.person ?? event.actor.name, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
      return;
    }
    case 'step.blocked': {
      const target = stepOf(state, event, event.step);
      if (target) target.blocked = { ...stamp, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
      return;
    }
    case 'step.unblocked': {
      const target = stepOf(state, event, event.step);
      if (target) delete target.blocked;
      return;
    }
    case 'step.na': {
      const target = stepOf(state, event, event.step);
      if (target) target.na = { ...stamp, reason: event.reason };
      return;
    }
    case 'note.added':
      state.notes.push({ ...stamp, text: event.text });
      return;
    case 'severity.changed':
      state.severity = event.severity;
      state.severityChanges.push({ ...stamp, severity: event.severity });
      return;
    case 'role.assigned':
      state.roles.set(event.role, { ...stamp, person: event.person });
      return;
    case 'stage.advanced':
      applyAdvance(state, event, stamp);
      return;
    case 'milestone.set':
      state.milestones.set(event.milestone, { ...stamp, time: event.time });
      return;
    case 'field.set':
      state.fields.set(event.field, { ...stamp, value: event.value });
      return;
    case 'indicator.added': {
      const key = indicatorKey(event.indicator, event.value);
      const existing = state.indicators.find((i) => i.key === key);
      if (!existing) {
        state.indicators.push({
          indicator: event.indicator, value: event.value, key, added: stamp,
          ...(event.firstSeen !== undefined ? { firstSeen: event.firstSeen } : {}),
          ...(event.source !== undefined ? { source: event.source } : {}),
          ...(event.tlp !== undefined ? { tlp: event.tlp } : {}),
        });
        return;
      }
      // The same indicator again: it is live again, keeps the earliest first-seen, later details win.
      delete existing.retracted;
      if (event.firstSeen !== undefined && (existing.firstSeen === undefined || event.firstSeen < existing.firstSeen)) existing.firstSeen = event.firstSeen;
      if (event.source !== undefined) existing.source = event.source;
      if (event.tlp !== undefined) existing.tlp = event.tlp;
      return;
    }
    case 'indicator.retracted': {
      const key = indicatorKey(event.indicator, event.value);
      const existing = state.indicators.find((i) => i.key === key);
      if (!existing) return ignoreEvent(state, event, 'retracting an indicator that was never added');
      existing.retracted = { ...stamp, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
      return;
    }
    case 'decision.recorded':
      state.decisions.push({ ...stamp, what: event.what, approvedBy: event.approvedBy, ...(event.why !== undefined ? { why: event.why } : {}) });
      return;
    case 'handoff':
      state.handoffs.push({ ...stamp, from: event.from, to: event.to, ...(event.summary !== undefined ? { summary: event.summary } : {}) });
      return;
    case 'handoff.acknowledged': {
      const handoff = state.handoffs.find((h) => h.event === event.handoff);
      if (!handoff) return ignoreEvent(state, event, 'acknowledging an unknown hand-off');
      handoff.acknowledged = stamp;
      // The incoming person now holds the incident.
      state.roles.set('commander', { ...stamp, person: handoff.to });
      return;
    }
    case 'evidence.added':
      if (state.evidence.some((e) => e.evidence === event.evidence)) return ignoreEvent(state, event, `evidence "${event.evidence}" already added`);
      state.evidence.push({
        ...stamp, evidence: event.evidence, name: event.name, sha256: event.sha256, size: event.size,
        ...(event.file !== undefined ? { file: event.file } : {}),
        ...(event.description !== undefined ? { description: event.description } : {}),
        ...(event.location !== undefined ? { location: event.location } : {}),
        holder: event.actor.name, custody: [],
      });
      return;
    case 'evidence.transferred': {
      const item = state.evidence.find((e) => e.evidence === event.evidence);
      if (!item) return ignoreEvent(state, event, `unknown evidence "${event.evidence.slice(0, 80)}"`);
      item.custody.push({ ...stamp, from: event.from, to: event.to });
      item.holder = event.to;
      return;
    }
    case 'sla.missed':
      // Two writers racing (processes, clones) may both record the same miss: it counts once.
      if (state.slaMissed.some((m) => slaMissKey(m) === slaMissKey(event))) return ignoreEvent(state, event, `${slaMissKey(event)} already recorded`);
      state.slaMissed.push({ ...stamp, stage: event.stage, ...(event.step !== undefined ? { step: event.step } : {}), severity: event.severity, deadline: event.deadline });
      return;
    case 'incident.closed': {
      const commander = commanderOf(state);
      state.status = 'closed';
      state.closed = {
        ...stamp, uncheckedRequired: event.uncheckedRequired, ...(event.reason !== undefined ? { reason: event.reason } : {}),
        ...(commander !== undefined ? { commander } : {}), byCommander: commander !== undefined && isSamePerson(commander, event.actor),
      };
      return;
    }
    case 'incident.reopened':
      state.status = 'open';
      delete state.closed;
      state.reopened.push(stamp);
      return;
    case 'command.started':
      state.commands.push({ ...stamp, step: event.step, runbook: event.runbook, command: event.command, sha256: event.sha256, env: event.env });
      return;
    case 'command.finished':
    case 'command.cancelled': {
      const run = state.commands.find((c) => c.event === event.started);
      if (!run) return ignoreEvent(state, event, 'the end of a command that was never started');
      if (run.ended) return ignoreEvent(state, event, 'a command that already ended');
      run.ended = {
        ...stamp, outcome: event.type === 'command.finished' ? 'finished' : 'cancelled', durationMs: event.durationMs,
        ...(event.type === 'command.finished' ? { exitCode: event.exitCode, ...(event.signal !== undefined ? { signal: event.signal } : {}) } : {}),
        ...(event.evidence !== undefined ? { evidence: event.evidence } : {}),
      };
      return;
    }
  }
}

function applyAdvance(state: IncidentState, event: EventOf<'stage.advanced'>, stamp: Stamp): void {
  ensureStage(state, event.to);
  state.stage = event.to;
  state.advances.push({ ...stamp, from: event.from, to: event.to, skipped: event.skipped });
  for (const id of event.skipped) {
    const skipped = state.steps.get(id);
    if (skipped && !skipped.checked) skipped.skipped = stamp;
  }
}

/** The stage with this id, created (titled from the canonical table or the id) when missing. */
function ensureStage(state: IncidentState, id: string): StageState {
  let stage = state.stages.find((s) => s.id === id);
  if (!stage) {
    const canonical = id in CANONICAL_STAGE_TITLES ? id : null;
    stage = { id, title: CANONICAL_STAGE_TITLES[id] ?? id, canonical, steps: [] };
    state.stages.push(stage);
  }
  return stage;
}

/**
 * Merges a snapshot's stages into the incident's: a known stage id gets the steps appended; a new
 * stage goes right after the stage that precedes it in the joining runbook (or first).
 */
function addRunbook(state: IncidentState, ref: RunbookRef, snapshot: RunbookSnapshot, stamp: Stamp): void {
  state.runbooks.push({ ...ref, snapshot, added: stamp });
  let previous: StageState | undefined;
  for (const snapStage of snapshot.stages) {
    let stage = state.stages.find((s) => s.id === snapStage.id);
    if (!stage) {
      stage = { id: snapStage.id, title: snapStage.title, canonical: snapStage.canonical, steps: [] };
      state.stages.splice(previous ? state.stages.indexOf(previous) + 1 : 0, 0, stage);
    }
    for (const snapStep of snapStage.steps) {
      if (state.steps.has(snapStep.id)) {
        state.ignored.push({ event: stamp.event, reason: `step "${snapStep.id}" already exists` });
        continue;
      }
      state.steps.set(snapStep.id, {
        id: snapStep.id, text: snapStep.text, stage: stage.id, required: snapStep.required,
        ...(snapStep.detail ? { detail: snapStep.detail } : {}),
        ...(snapStep.role !== undefined ? { role: snapStep.role } : {}),
        ...(snapStep.deadline !== undefined ? { deadline: snapStep.deadline } : {}),
        ...(snapStep.command ? { runnable: true } : {}),
        evidenceRequired: snapStep.evidenceRequired === true, origin: 'runbook', runbook: snapshot.id, checked: false,
      });
      stage.steps.push(snapStep.id);
    }
    previous = stage;
  }
}
