// The normalised runbook snapshot kept in the opening event (and in `runbook.added`): everything an
// incident needs from its runbook, so the runbook is never re-parsed once the incident is open.
import type { Runbook, SlaTable } from '../runbook/model';
import { sha256Hex } from './verify';

export interface SnapshotStep {
  readonly id: string;
  /** The task text (Markdown) without its metadata comment. */
  readonly text: string;
  /** The runbook's indented detail under the step (Markdown); absent when empty and in older events. */
  readonly detail?: string;
  readonly required: boolean;
  readonly role?: string;
  readonly evidenceRequired?: boolean;
  /** A deadline relative to detection (`72h`). */
  readonly deadline?: string;
  /** The step's run block, so a run can be checked against the runbook copy (the command text itself stays in that copy). */
  readonly command?: SnapshotCommand;
}

export interface SnapshotCommand {
  /** The fence's info-string language (`sh`, or '' for a bare `run`). */
  readonly language: string;
  /** 1-based line of the fence in the runbook file. */
  readonly line: number;
  /** SHA-256 (hex) of the command text (UTF-8). */
  readonly sha256: string;
}

export interface SnapshotStage {
  readonly id: string;
  readonly title: string;
  readonly canonical: string | null;
  readonly steps: readonly SnapshotStep[];
}

export interface RunbookSnapshot {
  readonly id: string;
  readonly title: string;
  readonly version: number | null;
  readonly roles: readonly string[];
  readonly sla: SlaTable;
  readonly escalation: Readonly<Record<string, readonly string[]>>;
  /** Stages in runbook order, without `preparation` (readiness, not part of a started incident). */
  readonly stages: readonly SnapshotStage[];
}

/** Plain JSON data from a parsed runbook; fields are copied in a fixed order so the JSON is stable. */
export function snapshotRunbook(runbook: Runbook): RunbookSnapshot {
  return {
    id: runbook.id,
    title: runbook.title,
    version: runbook.version,
    roles: [...runbook.roles],
    sla: sortedRecord(runbook.sla, (perStage) => sortedRecord(perStage, (duration) => duration)),
    escalation: sortedRecord(runbook.escalation, (contacts) => [...contacts]),
    stages: runbook.stages
      .filter((stage) => stage.id !== 'preparation')
      .map((stage) => ({
        id: stage.id,
        title: stage.title,
        canonical: stage.canonical,
        steps: stage.steps.map((step) => ({
          id: step.id,
          text: step.text,
          ...(step.detail.trim() !== '' ? { detail: step.detail } : {}),
          required: step.required,
          ...(step.role !== undefined ? { role: step.role } : {}),
          ...(step.evidenceRequired ? { evidenceRequired: true } : {}),
          ...(step.deadline !== undefined ? { deadline: step.deadline } : {}),
          ...(step.command ? { command: { language: step.command.language, line: step.command.line, sha256: sha256Hex(step.command.code) } } : {}),
        })),
      })),
  };
}

function sortedRecord<V, W>(record: Readonly<Record<string, V>>, map: (value: V) => W): Record<string, W> {
  const out: Record<string, W> = {};
  for (const key of Object.keys(record).sort()) out[key] = map(record[key]!);
  return out;
}
