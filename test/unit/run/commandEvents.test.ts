// The command events in the record: validated when read, reduced into runs, rendered in
// incident.md, named in the timeline, and carried over in a hand-off while one has no end.
import assert from 'node:assert/strict';
import { formatHandoffSummary, handoffSummary, parseEventLog, reduceIncident, renderIncidentMarkdown } from '../../../src/core/incident';

const actor = { name: 'Ann', email: 'ann@example.com' };
const snapshot = { id: 'r', title: 'R', version: 1, roles: [], sla: {}, escalation: {}, stages: [{ id: 'analysis', title: 'Analysis', canonical: 'analysis', steps: [{ id: 'look', text: 'Look', required: false, command: { language: 'sh', line: 9, sha256: 'a'.repeat(64) } }] }] };
const opened = { v: 1, id: '01JDQ0000000000000000000B1', at: '2026-11-28T10:00:00.000Z', actor, type: 'incident.opened', incident: '20261128-abcdef', title: 'T', severity: 'SEV2', exercise: false, runbook: { id: 'r', version: 1, path: 'r.md', file: 'runbook.md', sha256: 'x' }, snapshot };
const started = { v: 1, id: '01JDQ0000000000000000000B2', at: '2026-11-28T10:01:00.000Z', actor, type: 'command.started', step: 'look', runbook: 'runbook.md', command: 'echo \u001b[31mhi\n', sha256: 'a'.repeat(64), env: ['FB_INCIDENT'] };
const finished = { v: 1, id: '01JDQ0000000000000000000B3', at: '2026-11-28T10:01:02.000Z', actor, type: 'command.finished', step: 'look', started: started.id, exitCode: 0, durationMs: 2000, evidence: 'e1-output-look.txt' };
const lines = (...events: object[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('command events', () => {
  it('parse, and malformed ones are reported by line', () => {
    assert.deepEqual(parseEventLog(lines(opened, started, finished)).errors, []);
    const bad = parseEventLog(lines(opened, { ...finished, exitCode: 'zero' }, { ...started, id: '01JDQ0000000000000000000B4', env: 'FB_HOST' }));
    assert.deepEqual(bad.errors.map((e) => e.line), [2, 3]);
  });

  it('reduce into runs, render the command visibly in incident.md, and describe the timeline', () => {
    const state = reduceIncident(parseEventLog(lines(opened, started, finished)).events);
    assert.equal(state.steps.get('look')!.runnable, true);
    assert.equal(state.commands.length, 1);
    assert.equal(state.commands[0]!.ended?.exitCode, 0);
    const md = renderIncidentMarkdown(state);
    assert.ok(md.includes('## Commands run'));
    assert.ok(md.includes('echo \u241b\\[31mhi'), 'the escape character is shown, never written raw');
    assert.ok(!md.includes('\u001b'));
    assert.match(md, /command of `look` exited with code 0 after 2s; output in `e1-output-look.txt`/);
  });

  it('an incident without commands renders without the section (older records are unchanged)', () => {
    assert.ok(!renderIncidentMarkdown(reduceIncident([opened as never])).includes('Commands run'));
  });

  it('a run with no end is carried over in the hand-off summary', () => {
    const summary = handoffSummary(reduceIncident(parseEventLog(lines(opened, started)).events));
    assert.equal(summary.runningCommands.length, 1);
    assert.match(formatHandoffSummary(summary), /Command of look started by Ann at 2026-11-28T10:01:00.000Z: no end recorded/);
  });
});

describe('command runs in the dashboard view', () => {
  it('marks a step with a run block runnable and names its last run', async () => {
    const { toDashboardView } = await import('../../../src/core/views/dashboardView');
    const view = (events: object[]) => toDashboardView(reduceIncident(parseEventLog(lines(...events)).events), { now: new Date('2026-11-28T11:00:00.000Z'), severities: ['SEV2'], canRecord: true });
    const before = view([opened]).stages[0]!.steps[0]!;
    assert.equal(before.runnable, true);
    assert.equal(before.lastRun, undefined);
    assert.equal(view([opened, started]).stages[0]!.steps[0]!.lastRun, 'started by Ann at 2026-11-28T10:01:00.000Z, no end recorded yet');
    assert.equal(view([opened, started, finished]).stages[0]!.steps[0]!.lastRun, 'exit code 0 at 2026-11-28T10:01:02.000Z (run by Ann)');
  });
});
