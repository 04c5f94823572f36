// Shared by the built-in runbook suite: loading a runbook of runbooks/ as the library ships it,
// reading its step details (query blocks, platform labels), and driving a drill through the CLI.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Runbook, Step } from '../../../src/core/runbook/model';
import { parseRunbook } from '../../../src/core/runbook/parse';

export const projectRoot = path.join(__dirname, '../../..');
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
// Fixed, so the stale-review rule gives the same answer whatever day the suite runs.
export const FIXED_CLOCK = new Date('2026-11-28T00:00:00Z');
/**
 * Steps that send a responder to logs must show how to search them on at least two platforms.
 * Only the action is read (the text before "— done when "), so a "repeat search" in the done-when
 * clause does not count. A step searches logs when it names logs outright; when it looks (search,
 * review, check, trace, watch…) at a source that is a log by another name (EDR, audit events,
 * CloudTrail, sign-ins, a SIEM); or when its verb is log work by itself (hunt for, search for,
 * monitor, heightened monitoring). "Block sign-in" or "isolate through the EDR" only act.
 */
const NAMES_LOGS = /\blogs?\b|\blogging\b|audit trail/i;
const LOG_SOURCE = /\baudit (?:events?|records?)\b|\bCloudTrail\b|\bSIEM\b|\bEDR\b|\bsign-ins?\b|\btelemetry\b/i;
const LOOKS_AT = /\b(?:search(?:es|ing)?|hunt(?:s|ing)?|review|check|look|find|query|trace|watch(?:ing)?|monitor(?:s|ing)?|alert(?:s|ing)? on)\b/i;
const LOG_WORK = /\b(?:search(?:es)?|hunt) (?:for|the|all|every|across)\b|\bmonitor (?:the|every|all|for)\b|\bwatch (?:the|for)\b|\b(?:heightened|elevated|increased) monitoring\b/i;

/** Whether a step's action sends the responder to search, watch or alert on logs. */
export function searchesLogs(stepText: string): boolean {
  const action = stepText.split(' — done when ')[0];
  return NAMES_LOGS.test(action) || LOG_WORK.test(action) || (LOOKS_AT.test(action) && LOG_SOURCE.test(action));
}

export interface LoadedRunbook {
  readonly file: string;
  readonly source: string;
  readonly runbook: Runbook;
  readonly steps: readonly Step[];
}

/** runbooks/<id>.md, parsed as a built-in with the fixed clock. */
export function loadBuiltin(id: string): LoadedRunbook {
  const file = path.join('runbooks', `${id}.md`);
  const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  const runbook = parseRunbook(source, { file, now: FIXED_CLOCK, builtin: true });
  return { file, source, runbook, steps: runbook.stages.flatMap((stage) => stage.steps) };
}

export function stepCount(runbook: Runbook, stageId: string): number {
  return runbook.stages.find((stage) => stage.id === stageId)?.steps.length ?? 0;
}

/** Fenced blocks in a step's detail: opening and closing fence lines, paired. */
export function fencedBlockCount(detail: string): number {
  return Math.floor(detail.split('\n').filter((line) => /^\s*(```|~~~)/.test(line)).length / 2);
}

/** Lines that label a platform, such as `**Microsoft 365 (KQL):**`. */
export function platformLabelCount(detail: string): number {
  return detail.split('\n').filter((line) => /^\s*\*\*[^*]+:\*\*\s*$/.test(line)).length;
}

/** Runs the CLI in-process in `cwd`, collecting what it prints. */
export async function firebreak(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

/** A fresh Git repository with an identity and one commit, for a drill. */
export function makeDrillRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-drill-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.name', 'Drill Runner');
  git('config', 'user.email', 'drill@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('commit', '-q', '--allow-empty', '-m', 'Start the drill repository');
  return dir;
}

export interface DrillStatus {
  readonly status: string;
  readonly exercise: boolean;
  readonly steps: { readonly total: number; readonly checked: number; readonly requiredOpen: number };
  readonly stages: readonly { readonly id: string; readonly steps: readonly { readonly id: string }[] }[];
}

export async function drillStatus(repo: string, incident: string): Promise<DrillStatus> {
  const result = await firebreak(repo, 'status', incident, '--json');
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as DrillStatus;
}

/** The nearest heading above a 1-based line of a runbook's source, without its `#` marks. */
export function headingAbove(source: string, line: number): string {
  const lines = source.split('\n').slice(0, line - 1).reverse();
  return lines.find((text) => /^#{1,6}\s/.test(text))?.replace(/^#+\s+/, '') ?? '';
}

/** A conditional variant such as "When credentials were entered…" or "If the person is leaving". */
export const VARIANT_HEADING = /^(?:If|When|With)\b/;

/** Positions in a runbook's lifecycle order (stages, then steps within them), by step id. */
export function stepOrder(steps: readonly Step[]): (id: string) => number {
  const ids = steps.map((step) => step.id);
  return (id) => {
    const index = ids.indexOf(id);
    assert.ok(index >= 0, `no step ${id}`);
    return index;
  };
}

export function stepById(steps: readonly Step[], id: string): Step {
  const step = steps.find((s) => s.id === id);
  assert.ok(step !== undefined, `no step ${id}`);
  return step;
}
