// The incident event model of PRODUCT.md §3: one JSON object per line of `events.jsonl`.
// Every event shares the envelope {v, id, at, actor, type}; the rest is the type's data.

import type { RunbookSnapshot } from './snapshot';

export const EVENT_VERSION = 1;

/** Who did it: the responder's Git identity. */
export interface Actor {
  readonly name: string;
  readonly email: string;
}

export interface EventEnvelope {
  readonly v: 1;
  /** A ULID (26 Crockford base-32 characters). */
  readonly id: string;
  /** ISO-8601 UTC with milliseconds, e.g. `2026-11-28T10:15:00.000Z`, stamped by the hybrid logical clock. */
  readonly at: string;
  readonly actor: Actor;
}

/** Where a runbook came from and the hash of its byte copy in the incident folder. */
export interface RunbookRef {
  readonly id: string;
  readonly version: number | null;
  /** The path it was read from when it joined, as given (for people; never re-read). */
  readonly path: string;
  /** The byte copy inside the incident folder: `runbook.md` for the opening runbook. */
  readonly file: string;
  /** SHA-256 (hex) of that byte copy. */
  readonly sha256: string;
}

export const MILESTONES = ['contained', 'eradicated', 'recovered'] as const;
export type MilestoneName = (typeof MILESTONES)[number];

/** Fields set with `field.set`. The first five are free text, the last two ISO times. */
export const FIELD_NAMES = ['summary', 'impact', 'related', 'contacts', 'next-steps', 'occurred-at', 'detected-at'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export const TEXT_FIELDS: readonly FieldName[] = ['summary', 'impact', 'related', 'contacts', 'next-steps'];
export const TIME_FIELDS: readonly FieldName[] = ['occurred-at', 'detected-at'];

export const INDICATOR_TYPES = ['ip', 'domain', 'url', 'hash', 'email', 'account', 'host', 'other'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Traffic Light Protocol 2.0 labels. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** The data of each event type, keyed by type. Extend with new types; never change a type's meaning. */
export interface EventData {
  'incident.opened': {
    /** The incident id (folder name), e.g. `20261128-k7f3qa`. */
    readonly incident: string;
    readonly title: string;
    readonly severity: string;
    readonly exercise: boolean;
    readonly runbook: RunbookRef;
    readonly snapshot: RunbookSnapshot;
    /** A link or short reference to the alert that started it. */
    readonly fromAlert?: string;
  };
  'step.checked': { readonly step: string; readonly note?: string };
  'step.unchecked': { readonly step: string; readonly note?: string };
  /** A task the runbook did not have. `step` is its new id, unique in the incident. */
  'step.added': { readonly step: string; readonly stage: string; readonly text: string; readonly owner?: string };
  /** Someone takes the step; `person` defaults to the actor's name. */
  'step.claimed': { readonly step: string; readonly person?: string; readonly reason?: string };
  'step.blocked': { readonly step: string; readonly reason?: string };
  'step.unblocked': { readonly step: string; readonly reason?: string };
  'step.na': { readonly step: string; readonly reason: string };
  'note.added': { readonly text: string };
  'severity.changed': { readonly severity: string };
  'role.assigned': { readonly role: string; readonly person: string };
  /** `skipped`: required steps of the stages left behind that were unchecked (recorded as skipped). */
  'stage.advanced': { readonly from: string; readonly to: string; readonly skipped: readonly string[] };
  /** `time` is when it happened (may be earlier than `at`: backdated). */
  'milestone.set': { readonly milestone: MilestoneName; readonly time: string };
  'field.set': { readonly field: FieldName; readonly value: string };
  'indicator.added': {
    readonly indicator: IndicatorType;
    readonly value: string;
    readonly firstSeen?: string;
    readonly source?: string;
    readonly tlp?: Tlp;
  };
  'indicator.retracted': { readonly indicator: IndicatorType; readonly value: string; readonly reason?: string };
  'decision.recorded': { readonly what: string; readonly approvedBy: string; readonly why?: string };
  'handoff': { readonly from: string; readonly to: string; readonly summary?: string };
  /** The incoming person acknowledges the hand-off event `handoff` (its id). */
  'handoff.acknowledged': { readonly handoff: string };
  'evidence.added': {
    /** Stable evidence id, a safe name, e.g. `e-3c72ac9e58-headers.eml` (older records: `e1-headers.eml`). */
    readonly evidence: string;
    /** The original file name as given (for people; may hold any text). */
    readonly name: string;
    /** Stored file name under `evidence/` (a safe name), absent when kept out of Git. */
    readonly file?: string;
    readonly sha256: string;
    readonly size: number;
    readonly description?: string;
    /** Where the file lives when it is kept out of Git. */
    readonly location?: string;
  };
  'evidence.transferred': { readonly evidence: string; readonly from: string; readonly to: string };
  /** Recorded once per stage when its SLA deadline passes at the then-current severity. */
  /** A stage's SLA at a severity, or (with `step`) a step's own deadline, missed; recorded once each (see `slaMissKey`). */
  'sla.missed': { readonly stage: string; readonly step?: string; readonly severity: string; readonly deadline: string };
  /** `uncheckedRequired`: the required steps still unchecked at closing (the warning given once). */
  'incident.closed': { readonly uncheckedRequired: readonly string[]; readonly reason?: string };
  'incident.reopened': { readonly reason?: string };
  /** A second runbook joins; step ids colliding with existing ones are prefixed `<runbook-id>.` in the snapshot. */
  'runbook.added': { readonly runbook: RunbookRef; readonly snapshot: RunbookSnapshot };
  /**
   * A responder confirmed and started a step's command (PRODUCT.md §7). `command` is the exact text
   * run through `/bin/sh -c`, read from `runbook` (the byte copy in the incident folder) after its
   * hash was checked; `env` names the FB_ variables it received (their values come from the events).
   */
  'command.started': {
    readonly step: string;
    readonly runbook: string;
    readonly command: string;
    /** SHA-256 (hex) of `command`. */
    readonly sha256: string;
    readonly env: readonly string[];
  };
  /** The command ended by itself. `started` is the id of its `command.started` event; `evidence` holds its output. */
  'command.finished': {
    readonly step: string;
    readonly started: string;
    /** Null when a signal ended it. */
    readonly exitCode: number | null;
    readonly signal?: string;
    readonly durationMs: number;
    readonly evidence?: string;
  };
  /** A responder stopped the command; the output until then is kept as evidence. */
  'command.cancelled': {
    readonly step: string;
    readonly started: string;
    readonly durationMs: number;
    readonly evidence?: string;
  };
}

export type EventType = keyof EventData;
export const EVENT_TYPES = [
  'incident.opened', 'step.checked', 'step.unchecked', 'step.added', 'step.claimed', 'step.blocked',
  'step.unblocked', 'step.na', 'note.added', 'severity.changed', 'role.assigned', 'stage.advanced',
  'milestone.set', 'field.set', 'indicator.added', 'indicator.retracted', 'decision.recorded', 'handoff',
  'handoff.acknowledged', 'evidence.added', 'evidence.transferred', 'sla.missed', 'incident.closed',
  'incident.reopened', 'runbook.added', 'command.started', 'command.finished', 'command.cancelled',
] as const satisfies readonly EventType[];

/** An event of one type: envelope + type + data. */
export type EventOf<T extends EventType> = EventEnvelope & { readonly type: T } & EventData[T];

/** Any event. Narrow on `type`. */
export type IncidentEvent = { [T in EventType]: EventOf<T> }[EventType];

/** An event before it is stamped: type + data, without the envelope. */
export type DraftOf<T extends EventType> = { readonly type: T } & EventData[T];
export type EventDraft = { [T in EventType]: DraftOf<T> }[EventType];

/** Adds the envelope to a draft. `at` comes from `stampAfter`, `id` from `newEventId`. */
export function stampEvent(draft: EventDraft, envelope: { id: string; at: string; actor: Actor }): IncidentEvent {
  return { v: EVENT_VERSION, id: envelope.id, at: envelope.at, actor: { name: envelope.actor.name, email: envelope.actor.email }, ...draft } as IncidentEvent;
}
