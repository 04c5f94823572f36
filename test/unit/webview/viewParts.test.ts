import * as assert from 'node:assert/strict';
import type { DashboardView, StepView } from '../../../src/shared/dashboardProtocol';
import { changedParts, PART_KEYS, partSignatures, READ_ONLY_WHEN_CLOSED, type PartState } from '../../../src/webview/viewParts';

const step = (id: string, state: StepView['state'] = 'open'): StepView =>
  ({ id, text: id, detailHtml: '', required: true, evidenceRequired: false, state, added: false });

function view(): DashboardView {
  return {
    incident: { id: '20261128-k7f3qa', title: 'Phishing', severity: 'SEV2', status: 'active', exercise: false, stageTitle: 'Detection', openedAt: '2026-11-28T09:00:00.000Z', runbookTitle: 'Phishing' },
    now: '2026-11-28T10:00:00.000Z',
    severities: ['SEV1', 'SEV2'],
    stages: [{ id: 'detection', title: 'Detection', state: 'current', done: 0, total: 2, steps: [step('confirm'), step('notify')] }],
    sla: [{ label: 'Containment', deadline: '2026-11-28T11:00:00.000Z', state: 'ok' }],
    roles: [{ role: 'commander' }],
    escalation: [],
    fields: { summary: '', impact: '', related: '', contacts: '', 'next-steps': '', 'occurred-at': '', 'detected-at': '' },
    milestones: {},
    indicators: [],
    decisions: [],
    timeline: [{ at: '2026-11-28T09:00:00.000Z', actor: 'Ana', text: 'Opened' }],
    evidence: [],
    advance: { nextStageTitle: 'Analysis', skippedRequired: [] },
    canRecord: true,
  };
}

const state = (v: DashboardView, ui: PartState['ui'] = { confirmingAdvance: false }, error?: string): PartState => ({ view: v, ui, error });

describe('dashboard parts are rebuilt only when what they show changes', () => {
  it('builds every part the first time', () => {
    assert.deepEqual(changedParts(undefined, partSignatures(state(view()))), PART_KEYS);
  });

  it('rebuilds nothing when only the host clock moved', () => {
    const before = partSignatures(state(view()));
    assert.deepEqual(changedParts(before, partSignatures(state({ ...view(), now: '2026-11-28T10:00:05.000Z' }))), []);
  });

  it('a checked step touches the checklist, the stepper and the timeline, not the rest', () => {
    const before = partSignatures(state(view()));
    const after = view();
    const checked: DashboardView = {
      ...after,
      stages: [{ ...after.stages[0]!, done: 1, steps: [step('confirm', 'checked'), step('notify')] }],
      timeline: [...after.timeline, { at: '2026-11-28T09:05:00.000Z', actor: 'Ana', text: 'Checked confirm' }],
    };
    assert.deepEqual(changedParts(before, partSignatures(state(checked))), ['stepper', 'checklists', 'timeline']);
  });

  it('opening an editor or a prompt rebuilds only its part', () => {
    const before = partSignatures(state(view()));
    assert.deepEqual(changedParts(before, partSignatures(state(view(), { confirmingAdvance: false, editingField: 'impact' }))), ['fields']);
    assert.deepEqual(changedParts(before, partSignatures(state(view(), { confirmingAdvance: false, stepPrompt: { stepId: 'confirm', kind: 'na' } }))), ['checklists']);
    assert.deepEqual(changedParts(before, partSignatures(state(view(), { confirmingAdvance: true }))), ['header']);
    assert.deepEqual(changedParts(before, partSignatures(state(view(), { confirmingAdvance: false, showFullTimeline: true }))), ['timeline']);
    assert.deepEqual(changedParts(before, partSignatures(state(view(), undefined, 'No Git identity'))), ['banners']);
  });

  it('Restricted Mode rebuilds every part (all controls get disabled)', () => {
    const before = partSignatures(state(view()));
    assert.deepEqual(changedParts(before, partSignatures(state({ ...view(), canRecord: false }))), PART_KEYS);
  });

  it('closing rebuilds every part, and steps, roles and milestones become read-only', () => {
    const before = partSignatures(state(view()));
    const closed: DashboardView = { ...view(), incident: { ...view().incident, status: 'closed' } };
    assert.deepEqual(changedParts(before, partSignatures(state(closed))), PART_KEYS);
    assert.deepEqual([...READ_ONLY_WHEN_CLOSED].sort(), ['checklists', 'milestones', 'people']);
  });
});
