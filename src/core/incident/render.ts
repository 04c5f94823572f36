// incident.md as a pure function of the state (PRODUCT.md §3 "Rendering"): the NIST SP 800-61
// record fields, the checklist per stage as reconcilable task items, and free-text field sections.
// Nothing here reads the clock or the locale: the same events always give the same bytes.
import { makeVisible } from '../run/visible';
import { actorLabel, describeEvent } from './describe';
import type { FieldName, IncidentEvent } from './events';
import { formatDuration, formatSize } from './format';
import { escapeBlock, escapeInline, runbookInline, yamlString } from './markdownText';
import { EMPTY_FIELD, fieldClose, fieldOpen, stepLine } from './recordSyntax';
import { commanderOf, reduceIncident } from './reduce';
import { CANONICAL_STAGE_TITLES } from './stages';
import type { IncidentState, Stamp, StepState } from './state';
import { incidentTimes, slaLimits, stageCompletion, stepDeadlines } from './times';

/** Written in the front-matter; bump when the output changes (old incidents are re-rendered in a commit of their own). */
export const RENDERER_VERSION = 1;

const FIELD_TITLES: Record<FieldName, string> = {
  summary: 'Summary',
  impact: 'Impact',
  related: 'Related incidents',
  contacts: 'Contacts',
  'next-steps': 'Next steps',
  'occurred-at': 'Occurred',
  'detected-at': 'Detected',
};

/** Renders from events (any order, duplicates allowed) or from an already reduced state. */
export function renderIncidentMarkdown(input: IncidentState | readonly IncidentEvent[]): string {
  const state = Array.isArray(input) ? reduceIncident(input as readonly IncidentEvent[]) : (input as IncidentState);
  const out: string[] = [];
  frontMatter(state, out);
  out.push(`# ${escapeInline(state.title || state.id || 'Untitled incident')}`, '');
  if (state.exercise) out.push('> **Exercise**: a drill, not a real incident. Kept apart in metrics.', '');
  status(state, out);
  times(state, out);
  sla(state, out);
  deadlines(state, out);
  field(state, 'summary', out);
  field(state, 'impact', out);
  indicators(state, out);
  field(state, 'related', out);
  roles(state, out);
  contacts(state, out);
  checklist(state, out);
  commandsRun(state, out);
  decisions(state, out);
  handoffs(state, out);
  evidence(state, out);
  custody(state, out);
  comments(state, out);
  field(state, 'next-steps', out);
  timeline(state, out);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

const by = (stamp: Stamp): string => `${stamp.at} by ${actorLabel(stamp.actor)}`;
const stageTitle = (state: IncidentState, id: string): string =>
  escapeInline(state.stages.find((s) => s.id === id)?.title ?? CANONICAL_STAGE_TITLES[id] ?? id);
const cell = (text: string | undefined): string => (text === undefined || text === '' ? '—' : text);

function frontMatter(state: IncidentState, out: string[]): void {
  out.push(
    '---',
    `renderer: ${RENDERER_VERSION}`,
    `id: ${yamlString(state.id)}`,
    `title: ${yamlString(state.title)}`,
    `status: ${state.status}`,
    `severity: ${yamlString(state.severity)}`,
    `stage: ${yamlString(state.stage)}`,
    `exercise: ${state.exercise}`,
    `opened: ${yamlString(state.opened?.at ?? '')}`,
    '---',
    '',
  );
}

function status(state: IncidentState, out: string[]): void {
  const commander = commanderOf(state);
  out.push('## Status', '', '| | |', '| --- | --- |');
  out.push(`| Status | ${state.status === 'open' ? 'Open' : 'Closed'} |`);
  out.push(`| Severity | ${cell(escapeInline(state.severity))} |`);
  out.push(`| Stage | ${stageTitle(state, state.stage)} |`);
  out.push(`| Commander | ${cell(commander !== undefined ? escapeInline(commander) : undefined)} |`);
  if (state.opened) out.push(`| Opened | ${by(state.opened)} |`);
  if (state.closed) {
    const who = state.closed.byCommander
      ? by(state.closed)
      : `${by(state.closed)}, not the commander${state.closed.commander !== undefined ? ` (${escapeInline(state.closed.commander)})` : ''}`;
    out.push(`| Closed | ${who} |`);
    if (state.closed.uncheckedRequired.length) out.push(`| Closed with required steps unchecked | ${state.closed.uncheckedRequired.map(escapeInline).join(', ')} |`);
  }
  for (const reopened of state.reopened) out.push(`| Reopened | ${by(reopened)} |`);
  for (const runbook of state.runbooks) {
    out.push(`| Runbook | ${escapeInline(runbook.snapshot.title || runbook.id)} (${escapeInline(runbook.id)} v${runbook.version ?? '?'}, ${escapeInline(runbook.file)}, sha256 ${escapeInline(runbook.sha256)}) |`);
  }
  if (state.fromAlert !== undefined) out.push(`| Alert | ${escapeInline(state.fromAlert)} |`);
  out.push('');
}

function times(state: IncidentState, out: string[]): void {
  const t = incidentTimes(state);
  out.push('## Times', '', '| | When |', '| --- | --- |');
  const rows: [string, string | undefined][] = [
    ['Occurred', t.occurred], ['Detected', t.detected], ['Opened', t.opened], ['Acknowledged', t.acknowledged],
    ['Contained', t.contained], ['Eradicated', t.eradicated], ['Recovered', t.recovered], ['Closed', t.closed],
  ];
  for (const [label, value] of rows) out.push(`| ${label} | ${cell(value !== undefined ? escapeInline(value) : undefined)} |`);
  const d = t.durations;
  const spans: [string, number | undefined][] = [
    ['Time to detect', d.toDetect], ['Time to acknowledge', d.toAcknowledge], ['Time to contain', d.toContain],
    ['Time to eradicate', d.toEradicate], ['Time to recover', d.toRecover], ['Time to close', d.toClose],
  ];
  const known = spans.filter(([, ms]) => ms !== undefined && Number.isFinite(ms));
  if (known.length) {
    out.push('', '| | Duration |', '| --- | --- |');
    for (const [label, ms] of known) out.push(`| ${label} | ${formatDuration(ms!)} |`);
  }
  out.push('');
}

/** Deadlines at the current severity, judged from events only (a pending deadline is shown as such, never by the clock). */
function sla(state: IncidentState, out: string[]): void {
  const limits = [...slaLimits(state, state.severity)].sort(([a], [b]) => (a < b ? -1 : 1));
  const stageMisses = state.slaMissed.filter((m) => m.step === undefined);
  if (!limits.length && !stageMisses.length) return;
  const detected = incidentTimes(state).detected;
  out.push(`## SLA at ${escapeInline(state.severity)}`, '', '| Stage | Limit | Deadline | Completed | Result |', '| --- | --- | --- | --- | --- |');
  for (const [stage, { limit, minutes }] of limits) {
    const deadlineMs = detected !== undefined ? Date.parse(detected) + minutes * 60_000 : Number.NaN;
    const deadline = Number.isNaN(deadlineMs) ? undefined : new Date(deadlineMs).toISOString();
    const completed = stageCompletion(state, stage);
    const missed = stageMisses.find((m) => m.stage === stage);
    const result = completed !== undefined
      ? Date.parse(completed) <= deadlineMs ? 'Met' : 'Missed'
      : missed ? `Missed (recorded ${missed.at})` : 'Open';
    out.push(`| ${stageTitle(state, stage)} | ${escapeInline(limit)} | ${cell(deadline)} | ${cell(completed !== undefined ? escapeInline(completed) : undefined)} | ${result} |`);
  }
  const otherMisses = stageMisses.filter((m) => !limits.some(([stage]) => stage === m.stage));
  for (const miss of otherMisses) out.push(`| ${stageTitle(state, miss.stage)} | — | ${escapeInline(miss.deadline)} | — | Missed at ${escapeInline(miss.severity)} (recorded ${miss.at}) |`);
  out.push('');
}

/** Steps with their own clock (e.g. a regulator's 72 h), judged from events only. */
function deadlines(state: IncidentState, out: string[]): void {
  const list = stepDeadlines(state);
  if (!list.length) return;
  out.push('## Step deadlines', '', '| Step | Limit | Deadline | Done | Result |', '| --- | --- | --- | --- | --- |');
  for (const d of list) {
    const result = d.status === 'met' ? 'Met' : d.status === 'missed' ? 'Missed' : 'Open';
    out.push(`| ${escapeInline(d.step)} | ${escapeInline(d.limit)} | ${d.deadline} | ${cell(d.completedAt)} | ${result} |`);
  }
  out.push('');
}

/** A free-text field between markers: reconcile turns an edit in there into `field.set`. */
function field(state: IncidentState, name: FieldName, out: string[]): void {
  const value = state.fields.get(name);
  out.push(`## ${FIELD_TITLES[name]}`, '', fieldOpen(name));
  out.push(value && value.value.trim() !== '' ? escapeBlock(value.value) : EMPTY_FIELD);
  out.push(fieldClose(name), '');
}

function indicators(state: IncidentState, out: string[]): void {
  out.push('## Indicators', '');
  if (!state.indicators.length) {
    out.push('None recorded.', '');
    return;
  }
  out.push('| Type | Value | First seen | Source | TLP | Added | Status |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const i of state.indicators) {
    const live = i.retracted ? `Retracted ${by(i.retracted)}${i.retracted.reason !== undefined ? `: ${escapeInline(i.retracted.reason, 200)}` : ''}` : 'Active';
    out.push(`| ${i.indicator} | ${escapeInline(i.value, 2000)} | ${cell(i.firstSeen)} | ${cell(i.source !== undefined ? escapeInline(i.source, 200) : undefined)} | ${cell(i.tlp !== undefined ? `TLP:${i.tlp.toUpperCase()}` : undefined)} | ${by(i.added)} | ${live} |`);
  }
  out.push('');
}

function roles(state: IncidentState, out: string[]): void {
  out.push('## Roles', '');
  const names = [...new Set([...state.runbooks.flatMap((r) => r.snapshot.roles), ...state.roles.keys()])].sort();
  if (!names.includes('commander')) names.unshift('commander');
  for (const role of names) {
    const held = state.roles.get(role);
    const person = held ? `${escapeInline(held.person)} (since ${by(held)})` : role === 'commander' && state.opened ? `${escapeInline(state.opened.actor.name)} (opened the incident)` : 'unassigned';
    out.push(`- ${escapeInline(role)}: ${person}`);
  }
  out.push('');
}

function contacts(state: IncidentState, out: string[]): void {
  field(state, 'contacts', out);
  const escalation = [...new Set(state.runbooks.flatMap((r) => r.snapshot.escalation[state.severity] ?? []))];
  if (escalation.length) {
    out.pop();
    out.push('', `Escalation at ${escapeInline(state.severity)}: ${escalation.map((c) => escapeInline(c)).join(', ')}`, '');
  }
}

function checklist(state: IncidentState, out: string[]): void {
  out.push('## Checklist', '');
  const current = state.stages.findIndex((s) => s.id === state.stage);
  state.stages.forEach((stage, index) => {
    const where = index === current ? ' (current)' : index < current ? ' (passed)' : '';
    out.push(`### ${escapeInline(stage.title || stage.id)}${where}`, '');
    if (!stage.steps.length) out.push('No steps.');
    for (const id of stage.steps) renderStep(state.steps.get(id)!, out);
    out.push('');
  });
}

function renderStep(step: StepState, out: string[]): void {
  const text = step.origin === 'added' ? escapeInline(step.text) : runbookInline(step.text);
  out.push(stepLine(step.checked, step.na && !step.checked ? `~~${text}~~` : text, step.id));
  const facts: string[] = [];
  if (step.required) facts.push('required');
  if (step.role !== undefined) facts.push(`role ${escapeInline(step.role)}`);
  if (step.owner !== undefined) facts.push(`owner ${escapeInline(step.owner)}`);
  if (step.addedBy) facts.push(`added ${by(step.addedBy)}`);
  if (step.checkedChange) {
    const note = step.checkedChange.note !== undefined ? `: ${escapeInline(step.checkedChange.note, 300)}` : '';
    facts.push(`${step.checked ? 'checked' : 'unchecked'} ${by(step.checkedChange)}${note}`);
  }
  if (step.claimed) facts.push(`claimed by ${escapeInline(step.claimed.person)} at ${step.claimed.at}`);
  if (step.blocked) facts.push(`blocked ${by(step.blocked)}${step.blocked.reason !== undefined ? `: ${escapeInline(step.blocked.reason, 300)}` : ''}`);
  if (step.na) facts.push(`not applicable ${by(step.na)}: ${escapeInline(step.na.reason, 300)}`);
  if (step.skipped && !step.checked) facts.push(`skipped when the stage was advanced at ${step.skipped.at}`);
  if (facts.length) out.push(`  - ${facts.join('; ')}`);
}

/** Only incidents that ran a command have this section, so older records render as before. */
function commandsRun(state: IncidentState, out: string[]): void {
  if (!state.commands.length) return;
  out.push('## Commands run', '');
  for (const run of state.commands) {
    const shown = escapeInline(makeVisible(run.command).replace(/\n/g, ' ⏎ '), 20_000);
    const end = run.ended;
    const outcome = !end
      ? 'no end recorded (still running, or the runner stopped)'
      : end.outcome === 'cancelled'
        ? `cancelled ${by(end)} after ${formatDuration(end.durationMs)}`
        : `${end.exitCode !== null && end.exitCode !== undefined ? `exit code ${end.exitCode}` : `ended by ${escapeInline(end.signal ?? 'a signal')}`} after ${formatDuration(end.durationMs)}`;
    const output = end?.evidence !== undefined ? `; output ${escapeInline(end.evidence)}` : '';
    out.push(`- ${escapeInline(run.step)}: ${by(run)}; ${outcome}${output}; sha256 ${escapeInline(run.sha256)}`, `  - command: ${shown}`);
  }
  out.push('');
}

function decisions(state: IncidentState, out: string[]): void {
  out.push('## Decisions', '');
  if (!state.decisions.length) out.push('None recorded.');
  for (const d of state.decisions) {
    out.push(`- ${d.at}: ${escapeInline(d.what, 1000)}; approved by ${escapeInline(d.approvedBy)}${d.why !== undefined ? `; why: ${escapeInline(d.why, 1000)}` : ''} (recorded by ${actorLabel(d.actor)})`);
  }
  out.push('');
}

function handoffs(state: IncidentState, out: string[]): void {
  if (!state.handoffs.length) return;
  out.push('## Hand-offs', '');
  for (const h of state.handoffs) {
    const ack = h.acknowledged ? `acknowledged ${by(h.acknowledged)}` : 'not yet acknowledged';
    out.push(`- ${h.at}: ${escapeInline(h.from)} to ${escapeInline(h.to)}; ${ack}${h.summary !== undefined ? `; summary: ${escapeInline(h.summary, 2000)}` : ''}`);
  }
  out.push('');
}

function evidence(state: IncidentState, out: string[]): void {
  out.push('## Evidence', '');
  if (!state.evidence.length) {
    out.push('None attached.', '');
    return;
  }
  out.push('| Id | Original name | Stored | SHA-256 | Size | Collected | Description |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const e of state.evidence) {
    const stored = e.file !== undefined ? `evidence/${escapeInline(e.file)}` : `out of Git: ${cell(e.location !== undefined ? escapeInline(e.location) : undefined)}`;
    out.push(`| ${escapeInline(e.evidence)} | ${escapeInline(e.name)} | ${stored} | ${escapeInline(e.sha256)} | ${formatSize(e.size)} | ${by(e)} | ${cell(e.description !== undefined ? escapeInline(e.description) : undefined)} |`);
  }
  out.push('');
}

function custody(state: IncidentState, out: string[]): void {
  if (!state.evidence.length) return;
  out.push('## Chain of custody', '');
  for (const e of state.evidence) {
    const trail = [`collected ${by(e)}`, ...e.custody.map((t) => `${escapeInline(t.from)} to ${escapeInline(t.to)} at ${t.at} (recorded by ${actorLabel(t.actor)})`)];
    out.push(`- ${escapeInline(e.evidence)}: ${trail.join('; then ')}; held by ${escapeInline(e.holder)}`);
  }
  out.push('');
}

function comments(state: IncidentState, out: string[]): void {
  out.push('## Handler comments', '');
  if (!state.notes.length) out.push('None.');
  for (const note of state.notes) {
    out.push(`- ${by(note)}:`);
    for (const line of escapeBlock(note.text).split('\n')) out.push(line === '' ? '' : `  ${line}`);
  }
  out.push('');
}

function timeline(state: IncidentState, out: string[]): void {
  out.push('## Actions taken', '');
  for (const event of state.events) out.push(`- ${event.at}: ${actorLabel(event.actor)} ${describeEvent(event)}`);
  out.push('');
}

