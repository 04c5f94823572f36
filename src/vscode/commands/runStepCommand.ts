// "Run Step Command": a step's command runs only after a native modal that shows the exact
// command (hidden characters made visible, never shortened) and every value it receives — every
// time. It runs in a Pseudoterminal the extension owns, named after the step: the output is
// written through, the end is shown, and closing the terminal (or Ctrl+C in it) cancels the run.
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { RunPlan, RunResult } from '../../service/types';
import { makeVisible } from '../../core/run/visible';
import type { IncidentsView } from '../incidentsView';
import { requireTrust, UserFacingError } from '../trust';
import { pickStep } from './pickers';

/** Asks a person to confirm a run; true runs it. The command always uses the native modal. */
export type ConfirmRun = (plan: RunPlan, description: string) => Promise<boolean>;

const RUN = 'Run Command';

export const confirmWithModal: ConfirmRun = async (plan, description) => {
  const answer = await vscode.window.showWarningMessage(
    `Run this command for “${makeVisible(plan.stepText)}”?`,
    { modal: true, detail: `${description}\n\nThe output is saved as evidence, and the run is recorded in the incident.` },
    RUN,
  );
  return answer === RUN;
};

/** Picks the step, checks and shows its command, and runs it when confirmed. Undefined when declined. */
export async function runStepCommand(view: IncidentsView, arg: unknown, confirm: ConfirmRun): Promise<RunResult | undefined> {
  requireTrust();
  if (view.repositories().length === 0) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
  const { incidentId, stepId, store } = await pickStep(view, arg, (_state, step) => step?.runnable === true);
  const service = await store.service();
  const { describeRunPlan } = await import('../../service');
  const plan = await service.planRun(incidentId, stepId);
  if (!(await confirm(plan, describeRunPlan(plan)))) return undefined;
  return runInTerminal(plan, async (options) => {
    try {
      return await service.runStep(incidentId, plan.step, { trusted: vscode.workspace.isTrusted, confirmed: plan, ...options, onStarted: () => store.invalidate() });
    } finally {
      store.invalidate();
    }
  });
}

type Runner = (options: { signal: AbortSignal; onOutput: (chunk: Buffer) => void }) => Promise<RunResult>;

async function runInTerminal(plan: RunPlan, run: Runner): Promise<RunResult> {
  const controller = new AbortController();
  const write = new vscode.EventEmitter<string>();
  let finished = false;
  let opened!: () => void;
  const open = new Promise<void>((resolve) => { opened = resolve; });
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open: () => opened(),
    close: () => { if (!finished) controller.abort(); },
    handleInput: (data) => { if (data === '\u0003' && !finished) controller.abort(); },
  };
  const name = `Firebreak: ${plan.stepText.replace(/\s+/g, ' ').slice(0, 60)}`;
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('play') });
  terminal.show(true);
  // Output written before the terminal opens would be lost; the run does not wait long for it.
  await Promise.race([open, new Promise((resolve) => setTimeout(resolve, 3000))]);
  const decoder = new StringDecoder('utf8');
  const show = (text: string) => write.fire(text.replace(/\r?\n/g, '\r\n'));
  show(`\u001b[2m$ /bin/sh -c … (step ${plan.step}; Ctrl+C or closing this terminal cancels)\u001b[0m\n`);
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Firebreak: running the command of “${plan.stepText.slice(0, 60)}”`, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return run({ signal: controller.signal, onOutput: (chunk) => show(decoder.write(chunk)) });
      },
    );
    show(decoder.end());
    const ending = result.cancelled ? 'cancelled' : result.exitCode !== null ? `exit code ${result.exitCode}` : `ended by ${result.signal ?? 'a signal'}`;
    show(`\n\u001b[2m[${ending} · output saved as evidence ${result.evidenceId}${result.outOfGit ? ' (kept out of Git)' : ''} · sha256 ${result.outputSha256.slice(0, 12)}…]\u001b[0m\n`);
    for (const warning of result.warnings) void vscode.window.showWarningMessage(warning);
    return result;
  } catch (error) {
    show(`\n[not run: ${error instanceof Error ? error.message : String(error)}]\n`);
    throw error;
  } finally {
    finished = true;
  }
}
