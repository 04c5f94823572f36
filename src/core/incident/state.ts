// The state of an incident, as reduced from its events. Plain JSON data (for `status --json`).
import type { Actor, EventData, FieldName, IncidentEvent, IndicatorType, MilestoneName, RunbookRef, Tlp } from './events';
import type { RunbookSnapshot } from './snapshot';

/** Who did something, when, and in which event. */
export interface Stamp {
  readonly at: string;
  readonly actor: Actor;
  readonly event: string;
}

export interface StepState {
  readonly id: string;
  readonly text: string;
  /** The runbook's detail under the step (Markdown), when its snapshot has one. */
  readonly detail?: string;
  readonly stage: string;
  readonly required: boolean;
  readonly role?: string;
  readonly deadline?: string;
  readonly evidenceRequired: boolean;
  /** True when the runbook gave the step a run block (its command stays in the runbook copy). */
  readonly runnable?: boolean;
  /** `runbook`: from a snapshot (with its runbook id); `added`: a `step.added` task. */
  readonly origin: 'runbook' | 'added';
  readonly runbook?: string;
  readonly owner?: string;
  checked: boolean;
  /** The last check or uncheck. */
  checkedChange?: Stamp & { readonly note?: string };
  claimed?: Stamp & { readonly person: string; readonly reason?: string };
  blocked?: Stamp & { readonly reason?: string };
  na?: Stamp & { readonly reason: string };
  /** Set when a stage advance left it unchecked while required. */
  skipped?: Stamp;
  readonly addedBy?: Stamp;
}

export interface StageState {
  readonly id: string;
  readonly title: string;
  readonly canonical: string | null;
  readonly steps: string[];
}

export interface IndicatorState {
  readonly indicator: IndicatorType;
  /** The value as first recorded. */
  readonly value: string;
  /** The de-duplication key: type + normalised value. */
  readonly key: string;
  firstSeen?: string;
  source?: string;
  tlp?: Tlp;
  added: Stamp;
  retracted?: Stamp & { readonly reason?: string };
}

export interface DecisionState extends Stamp {
  readonly what: string;
  readonly approvedBy: string;
  readonly why?: string;
}

export interface HandoffState extends Stamp {
  readonly from: string;
  readonly to: string;
  readonly summary?: string;
  acknowledged?: Stamp;
}

export interface CustodyTransfer extends Stamp {
  readonly from: string;
  readonly to: string;
}

/** An `evidence.added` event's fields, with who holds the item now and its custody trail. */
export interface EvidenceState extends Stamp, Readonly<EventData['evidence.added']> {
  /** Who holds it now: the collector until a transfer. */
  holder: string;
  readonly custody: CustodyTransfer[];
}

/** One run of a step's command: started, then finished or cancelled (neither while it runs, or when the runner died). */
export interface CommandRunState extends Stamp {
  readonly step: string;
  readonly runbook: string;
  readonly command: string;
  readonly sha256: string;
  readonly env: readonly string[];
  ended?: Stamp & {
    readonly outcome: 'finished' | 'cancelled';
    readonly exitCode?: number | null;
    readonly signal?: string;
    readonly durationMs: number;
    readonly evidence?: string;
  };
}

export interface StageAdvance extends Stamp {
  readonly from: string;
  readonly to: string;
  readonly skipped: readonly string[];
}

export interface ClosedState extends Stamp {
  readonly uncheckedRequired: readonly string[];
  readonly reason?: string;
  /** The commander at closing time, and whether the closer was that person. */
  readonly commander?: string;
  readonly byCommander: boolean;
}

export interface IncidentState {
  /** The incident id, from the opening event ('' when there is none). */
  id: string;
  title: string;
  severity: string;
  exercise: boolean;
  status: 'open' | 'closed';
  opened?: Stamp;
  fromAlert?: string;
  readonly runbooks: (RunbookRef & { readonly snapshot: RunbookSnapshot; readonly added: Stamp })[];
  readonly stages: StageState[];
  /** The stage the incident is in. */
  stage: string;
  /** Every step, keyed by id (a Map keeps hostile ids like `__proto__` harmless); see `stepsInOrder`. */
  readonly steps: Map<string, StepState>;
  /** Current holder of each role, by role name (commander included). */
  readonly roles: Map<string, Stamp & { readonly person: string }>;
  readonly fields: Map<FieldName, Stamp & { readonly value: string }>;
  readonly notes: (Stamp & { readonly text: string })[];
  readonly indicators: IndicatorState[];
  readonly decisions: DecisionState[];
  readonly handoffs: HandoffState[];
  readonly evidence: EvidenceState[];
  readonly milestones: Map<MilestoneName, Stamp & { readonly time: string }>;
  readonly advances: StageAdvance[];
  readonly severityChanges: (Stamp & { readonly severity: string })[];
  readonly slaMissed: (Stamp & { readonly stage: string; readonly step?: string; readonly severity: string; readonly deadline: string })[];
  closed?: ClosedState;
  readonly reopened: Stamp[];
  /** Step commands run, in start order. */
  readonly commands: CommandRunState[];
  /** The distinct events in (at, id) order: the timeline. */
  readonly events: IncidentEvent[];
  /** The latest `at` seen (the hybrid logical clock's input for the next event). */
  latestAt?: string;
  /** Events that could not apply (unknown step, second opening…), with why. Never fatal. */
  readonly ignored: { readonly event: string; readonly reason: string }[];
}
