// Shared fixtures for the incident model tests: a hand-built runbook (no parser needed) and a
// small event factory with a fixed clock and deterministic ids.
import type { Runbook, Stage, Step } from '../../../src/core/runbook/model';
import {
  buildAction, buildOpening, newEventId, reduceIncident, stampAfter, stampEvent,
  type Actor, type EventDraft, type IncidentAction, type IncidentEvent, type IncidentState,
} from '../../../src/core/incident';

export const ALICE: Actor = { name: 'Alice Analyst', email: 'alice@example.com' };
export const BOB: Actor = { name: 'Bob Builder', email: 'bob@example.com' };

function step(id: string, text: string, required = false, role?: string): Step {
  return { id, text, detail: '', line: 1, required, ...(role ? { role } : {}), evidenceRequired: false, csf: [], attack: [] };
}

function stage(id: string, title: string, steps: Step[]): Stage {
  return { id, title, canonical: id as Stage['canonical'], line: 1, steps };
}

export function phishingRunbook(overrides: Partial<Runbook> = {}): Runbook {
  return {
    id: 'phishing', title: 'Phishing email response', version: 4, severity: 'SEV3', tags: [], owners: [], roles: ['commander', 'analyst'],
    sla: { SEV1: { containment: '1h', recovery: '24h' }, SEV2: { containment: '4h' } },
    escalation: { SEV1: ['ciso@example.com'] }, customise: [], file: 'runbooks/phishing.md', format: 'native',
    stages: [
      stage('preparation', 'Preparation', [step('train-users', 'Train users')]),
      stage('detection', 'Detection', [step('confirm-report', 'Confirm the report is a phishing email', true, 'analyst'), step('find-recipients', 'Find all recipients')]),
      stage('containment', 'Containment', [step('block-sender', 'Block the sender domain', true), step('purge-mail', 'Purge the email from mailboxes')]),
      stage('eradication', 'Eradication', [step('reset-passwords', 'Reset exposed passwords', true)]),
      stage('recovery', 'Recovery', [step('restore-access', 'Restore access')]),
    ],
    placeholders: [], diagnostics: [],
    ...overrides,
  };
}

/** Builds events one action at a time on a fake clock (ms since the opening), like the service does. */
export class Scenario {
  readonly events: IncidentEvent[] = [];
  private counter = 0;
  constructor(readonly start = new Date('2026-11-28T10:00:00.000Z')) {}

  /** A deterministic "random" source so ids are stable across runs. */
  private random = (count: number): Uint8Array => {
    this.counter++;
    return Uint8Array.from({ length: count }, (_, i) => (this.counter * 31 + i * 7) % 256);
  };

  at(minutes: number): Date {
    return new Date(this.start.getTime() + minutes * 60_000);
  }

  get state(): IncidentState {
    return reduceIncident(this.events);
  }

  record(draft: EventDraft, actor: Actor, now: Date): IncidentEvent {
    const at = stampAfter(this.state.latestAt, now);
    const event = stampEvent(draft, { id: newEventId(new Date(at), this.random), at, actor });
    this.events.push(event);
    return event;
  }

  open(options: { exercise?: boolean; severity?: string; runbook?: Runbook; incident?: string; title?: string } = {}): IncidentEvent {
    const built = buildOpening({
      incident: options.incident ?? '20261128-k7f3qa', title: options.title ?? 'Phishing wave against finance', runbook: options.runbook ?? phishingRunbook(),
      path: 'runbooks/phishing.md', sha256: 'a'.repeat(64),
      ...(options.exercise !== undefined ? { exercise: options.exercise } : {}), ...(options.severity ? { severity: options.severity } : {}),
    });
    return this.record(built.draft, ALICE, this.start);
  }

  act(request: IncidentAction, minutes: number, actor: Actor = ALICE): IncidentEvent {
    const now = this.at(minutes);
    const built = buildAction(this.state, request, { actor, now });
    return this.record(built.draft, actor, now);
  }
}
