// `lint --base REF`: a runbook whose steps changed since REF must bump its version, because
// incidents record the version they ran and teams compare runs across versions.
import type { Diagnostic, Runbook } from './model';

/** What counts as "the steps": stages and, per step, everything a responder acts on. */
export function stepsFingerprint(runbook: Runbook): string {
  return JSON.stringify(runbook.stages.map((stage) => [
    stage.id,
    stage.steps.map((s) => [s.id, s.text, s.detail, s.required, s.role ?? null, s.evidenceRequired, s.deadline ?? null, s.command?.code ?? null]),
  ]));
}

/** An error when the steps differ from `base` and the version did not increase. */
export function checkVersionBump(base: Runbook, head: Runbook, baseRef: string): Diagnostic | undefined {
  if (head.format !== 'native' || stepsFingerprint(base) === stepsFingerprint(head)) return undefined;
  const baseVersion = base.version ?? 0;
  if (head.version !== null && head.version > baseVersion) return undefined;
  return {
    severity: 'error',
    code: 'version-not-bumped',
    message: `The steps changed since ${baseRef} but the version did not increase (${base.version ?? 'none'} there, ${head.version ?? 'none'} here): set version: ${baseVersion + 1}.`,
    line: 1,
  };
}
