// What a run of a step's command will do, checked before anyone is asked to confirm it
// (PRODUCT.md §7): the command comes from the incident's own runbook copy, whose SHA-256 must still
// be the one recorded when it joined, which must lint without errors, and whose run block must
// hash to what the snapshot recorded. The values come from the events, as FB_ variables.
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex, type IncidentState } from '../core/incident';
import { commandEnvironment, makeVisible } from '../core/run';
import { parseRunbook } from '../core/runbook/parse';
import { ServiceError, shown } from './errors';
import type { RunPlan } from './types';

export function planRun(state: IncidentState, stepId: string, incidentDir: string, cwd: string): RunPlan {
  const step = typeof stepId === 'string' ? state.steps.get(stepId) : undefined;
  if (!step) throw new ServiceError(`unknown step ${shown(String(stepId))} in incident ${state.id}`);
  if (state.status === 'closed') throw new ServiceError(`incident ${state.id} is closed: reopen it first`);
  const ref = step.origin === 'runbook' ? state.runbooks.find((r) => r.snapshot.id === step.runbook) : undefined;
  const snapStep = ref?.snapshot.stages.flatMap((s) => s.steps).find((s) => s.id === step.id);
  if (!ref || !snapStep?.command) throw new ServiceError(`step ${step.id} has no command to run (no run block in its runbook when it joined the incident)`);

  const bytes = readRunbookCopy(incidentDir, ref.file);
  const actual = sha256Hex(bytes);
  if (actual !== ref.sha256) {
    throw new ServiceError(`${ref.file} of incident ${state.id} changed since the runbook joined (recorded sha256 ${ref.sha256.slice(0, 12)}…, now ${actual.slice(0, 12)}…): commands run only from the unchanged copy. Restore it from Git first.`);
  }
  const runbook = parseRunbook(bytes, { file: ref.file });
  const errors = runbook.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new ServiceError(`${ref.file} of incident ${state.id} has ${errors.length} lint error(s) (line ${first.line}: ${first.message}): commands from it do not run.`);
  }
  const command = runbook.stages.flatMap((s) => s.steps).map((s) => s.command).find((c) => c?.line === snapStep.command!.line);
  if (!command || sha256Hex(command.code) !== snapStep.command.sha256) {
    throw new ServiceError(`the run block of step ${step.id} in ${ref.file} does not match the one recorded when the incident started: it does not run.`);
  }
  const env = commandEnvironment(state, step.id);
  return {
    incidentId: state.id, step: step.id, stepText: step.text, runbook: ref.file, language: command.language,
    command: command.code, visibleCommand: makeVisible(command.code), sha256: snapStep.command.sha256, env, cwd,
  };
}

/**
 * What a person confirms, as plain text: the step, where it runs, the exact command (hidden
 * characters made visible, each line behind a bar so leading spaces show) and every value. Never shortened.
 */
export function describeRunPlan(plan: RunPlan): string {
  const env = plan.env.length > 0 ? plan.env.map((v) => `  ${v.name}=${JSON.stringify(makeVisible(v.value))}`) : ['  (none)'];
  return [
    `Step ${plan.step} of incident ${plan.incidentId}: ${makeVisible(plan.stepText)}`,
    `Runs with /bin/sh -c in ${makeVisible(plan.cwd)}:`,
    ...plan.visibleCommand.replace(/\n$/, '').split('\n').map((line) => `  | ${line}`),
    'With these values (environment variables):',
    ...env,
  ].join('\n');
}

/** True when the two plans would run the same command with the same values (what was confirmed is what runs). */
export function samePlan(a: RunPlan, b: RunPlan): boolean {
  return a.sha256 === b.sha256 && a.step === b.step && JSON.stringify(a.env) === JSON.stringify(b.env) && a.cwd === b.cwd;
}

function readRunbookCopy(incidentDir: string, file: string): Buffer {
  const full = path.join(incidentDir, file);
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    throw new ServiceError(`${file} is missing from the incident folder (or is a symbolic link): commands do not run without it`);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new ServiceError(`${file} is not a regular file: commands do not run from it`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
