// The dashboard's view model (src/shared/dashboardProtocol.ts) from an incident's reduced state.
// Pure: the clock, the severity list and the detail renderer are passed in.
import type { DashboardView, StageState as StageViewState, StepState as StepViewState, StepView, TimelineEntry } from '../../shared/dashboardProtocol';
import type { FieldName } from '../incident/events';
import type { CommandRunState, IncidentState, StepState } from '../incident/state';
import { slaStatus } from '../incident/times';
import { describeEvent } from './describeEvent';

export interface DashboardViewOptions {
  readonly now: Date;
  readonly severities: readonly string[];
  readonly canRecord: boolean;
  /** Renders a step's Markdown detail to safe HTML (markdown-it, html: false). */
  readonly renderDetail?: (markdown: string) => string;
  readonly lastSync?: DashboardView['lastSync'];
}

const TEXT_FIELDS: readonly FieldName[] = ['summary', 'impact', 'related', 'contacts', 'next-steps', 'occurred-at', 'detected-at'];

export function stepViewState(step: StepState): StepViewState {
  if (step.checked) return 'checked';
  if (step.na) return 'na';
  if (step.blocked) return 'blocked';
  if (step.skipped) return 'skipped';
  return 'open';
}

/** Who made the step's current state, and when. */
function stepStamp(step: StepState) {
  const stamp = step.checked ? step.checkedChange : step.na ?? step.blocked ?? step.skipped;
  return stamp ? { by: stamp.actor.name, at: stamp.at } : {};
}

/** The latest run of a step's command, in words. */
export function lastRunText(runs: readonly CommandRunState[]): string | undefined {
  const run = runs[runs.length - 1];
  if (!run) return undefined;
  const end = run.ended;
  if (!end) return `started by ${run.actor.name} at ${run.at}, no end recorded yet`;
  if (end.outcome === 'cancelled') return `cancelled by ${end.actor.name} at ${end.at}`;
  return `${end.exitCode !== null && end.exitCode !== undefined ? `exit code ${end.exitCode}` : `ended by ${end.signal ?? 'a signal'}`} at ${end.at} (run by ${run.actor.name})`;
}

export function toStepView(step: StepState, renderDetail?: (markdown: string) => string, runs: readonly CommandRunState[] = []): StepView {
  const lastRun = lastRunText(runs);
  const reason = step.na?.reason ?? step.blocked?.reason;
  return {
    id: step.id,
    text: step.text,
    detailHtml: step.detail && renderDetail ? renderDetail(step.detail) : '',
    ...(step.detail ? { detail: step.detail } : {}),
    required: step.required,
    ...(step.role ? { role: step.role } : {}),
    evidenceRequired: step.evidenceRequired,
    state: stepViewState(step),
    ...stepStamp(step),
    ...(step.claimed ? { claimedBy: step.claimed.person } : {}),
    ...(reason ? { reason } : {}),
    added: step.origin === 'added',
    ...(step.deadline ? { deadline: step.deadline } : {}),
    ...(step.runnable ? { runnable: true } : {}),
    ...(lastRun !== undefined ? { lastRun } : {}),
  };
}

/** A stage is done when every step is checked or marked not applicable, or the incident moved past it. */
export function stageProgress(state: IncidentState) {
  const currentIndex = state.stages.findIndex((s) => s.id === state.stage);
  return state.stages.map((stage, index) => {
    const steps = stage.steps.map((id) => state.steps.get(id)).filter((s): s is StepState => s !== undefined);
    const done = steps.filter((s) => s.checked || s.na).length;
    const viewState: StageViewState = index < currentIndex || (state.status === 'closed') ? 'done' : index === currentIndex ? 'current' : 'pending';
    return { stage, steps, done, total: steps.length, state: viewState };
  });
}

/** SLA deadlines at the current severity, from the core's SLA function. */
export function slaView(state: IncidentState, now: Date): DashboardView['sla'] {
  return slaStatus(state, now).entries.map((entry) => ({
    label: state.stages.find((s) => s.id === entry.stage || s.canonical === entry.stage)?.title ?? entry.stage,
    deadline: entry.deadline,
    state: entry.status === 'pending' ? 'ok' : entry.status,
  }));
}

export function toDashboardView(state: IncidentState, options: DashboardViewOptions): DashboardView {
  const progress = stageProgress(state);
  const current = progress.find((p) => p.state === 'current');
  const currentIndex = state.stages.findIndex((s) => s.id === state.stage);
  const next = currentIndex >= 0 ? state.stages[currentIndex + 1] : undefined;
  const runbook = state.runbooks[0];
  const escalation = runbook?.snapshot.escalation[state.severity] ?? [];
  const roleNames = new Set<string>([...(runbook?.snapshot.roles ?? []), ...state.roles.keys()]);
  const fields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, state.fields.get(f)?.value ?? ''])) as Record<FieldName, string>;
  const timeline: TimelineEntry[] = state.events
    .map((event) => ({ at: event.at, actor: event.actor.name, text: describeEvent(event, state) }))
    .reverse();
  return {
    incident: {
      id: state.id,
      title: state.title,
      severity: state.severity,
      status: state.status === 'closed' ? 'closed' : 'active',
      exercise: state.exercise,
      stageTitle: current?.stage.title ?? state.stages.find((s) => s.id === state.stage)?.title ?? state.stage,
      openedAt: state.opened?.at ?? '',
      ...(state.closed ? { closedAt: state.closed.at } : {}),
      runbookTitle: runbook?.snapshot.title ?? '',
      ...(state.fromAlert !== undefined ? { source: state.fromAlert } : {}),
    },
    now: options.now.toISOString(),
    severities: options.severities,
    stages: progress.map((p) => ({
      id: p.stage.id,
      title: p.stage.title,
      state: p.state,
      done: p.done,
      total: p.total,
      steps: p.steps.map((step) => toStepView(step, options.renderDetail, state.commands.filter((c) => c.step === step.id))),
    })),
    sla: slaView(state, options.now),
    roles: [...roleNames].map((role) => {
      const person = state.roles.get(role)?.person;
      return person ? { role, person } : { role };
    }),
    escalation,
    fields,
    milestones: Object.fromEntries([...state.milestones].map(([name, m]) => [name, m.time])),
    indicators: state.indicators.filter((i) => !i.retracted).map((i) => ({
      type: i.indicator,
      value: i.value,
      ...(i.source ? { source: i.source } : {}),
      ...(i.tlp ? { tlp: i.tlp } : {}),
      ...(i.firstSeen ? { firstSeen: i.firstSeen } : {}),
    })),
    decisions: state.decisions.map((d) => ({ at: d.at, what: d.what, approvedBy: d.approvedBy, ...(d.why ? { why: d.why } : {}), by: d.actor.name })),
    timeline,
    evidence: state.evidence.map((e) => ({
      id: e.evidence,
      name: e.name,
      sha256: e.sha256,
      size: e.size,
      inGit: e.file !== undefined,
      ...(e.description ? { description: e.description } : {}),
      collectedBy: e.actor.name,
      collectedAt: e.at,
      holder: e.holder,
      custody: e.custody.map((c) => ({ at: c.at, from: c.from, to: c.to })),
    })),
    advance: {
      ...(next ? { nextStageTitle: next.title } : {}),
      skippedRequired: (current?.steps ?? []).filter((s) => s.required && !s.checked && !s.na).map((s) => s.text),
    },
    ...(options.lastSync ? { lastSync: options.lastSync } : {}),
    ...pendingHandoff(state),
    canRecord: options.canRecord,
  };
}

/** The last hand-off while it waits for the incoming person's acknowledgement. */
function pendingHandoff(state: IncidentState): Pick<DashboardView, 'pendingHandoff'> {
  const last = state.handoffs.at(-1);
  if (!last || last.acknowledged) return {};
  return { pendingHandoff: { at: last.at, from: last.from, to: last.to, ...(last.summary ? { summary: last.summary } : {}) } };
}
