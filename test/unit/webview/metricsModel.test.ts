import * as assert from 'node:assert/strict';
import type { MetricsIncident, MetricsView } from '../../../src/shared/metricsProtocol';
import { asMetricsHostMessage } from '../../../src/webview/metricsHostMessage';
import { MAX_STAGE_ROWS, metricsModel, shortLabel } from '../../../src/webview/metricsModel';

const MINUTE = 60_000;

function incident(id: string, openedAt: string, overrides: Partial<MetricsIncident> = {}): MetricsIncident {
  return {
    id, title: `Incident ${id}`, runbook: 'phishing', severity: 'SEV2', exercise: false, closed: false, openedAt,
    stages: [
      { stage: 'detection', title: 'Detection', durationMs: 10 * MINUTE, completed: true },
      { stage: 'containment', title: 'Containment', durationMs: 20 * MINUTE, completed: false },
    ],
    slaMissedStages: [],
    ...overrides,
  };
}

const view: MetricsView = {
  incidents: [
    incident('a', '2026-11-01T10:00:00.000Z', { toContainMs: 30 * MINUTE, closed: true }),
    incident('b', '2026-11-05T10:00:00.000Z', {
      stages: [
        { stage: 'triage', title: 'Triage', durationMs: 5 * MINUTE, completed: true },
        { stage: 'containment', title: 'Containment', durationMs: 295 * MINUTE, completed: true },
      ],
      toContainMs: 300 * MINUTE,
    }),
    incident('c', '2026-11-10T10:00:00.000Z'),
    incident('d', '2026-11-12T10:00:00.000Z', { exercise: true, toContainMs: 15 * MINUTE }),
  ],
  slaMisses: {
    real: [{ runbook: 'malware', incidents: 1, misses: 0 }, { runbook: 'phishing', incidents: 3, misses: 1 }, { runbook: 'account', incidents: 2, misses: 1 }],
    exercises: [{ runbook: 'phishing', incidents: 1, misses: 0 }],
  },
  generatedAt: '2026-11-28T10:00:00.000Z',
};

describe('metrics view model for the charts', () => {
  it('charts real incidents apart from exercises, with counts of both for the toggle', () => {
    const real = metricsModel(view, false);
    assert.deepEqual(real.counts, { incidents: 3, open: 2, closed: 1, real: 3, exercises: 1 });
    assert.deepEqual(real.stageRows.map((r) => r.id), ['a', 'b', 'c']);
    const drills = metricsModel(view, true);
    assert.deepEqual(drills.counts, { incidents: 1, open: 1, closed: 0, real: 3, exercises: 1 });
    assert.deepEqual(drills.contain.map((p) => p.id), ['d']);
    assert.deepEqual(drills.slaMisses, view.slaMisses.exercises);
  });

  it('gives each stage one colour across incidents, in the order stages first appear', () => {
    const model = metricsModel(view, false);
    assert.deepEqual(model.stageLegend, [
      { stage: 'detection', title: 'Detection', series: 0 },
      { stage: 'containment', title: 'Containment', series: 1 },
      { stage: 'triage', title: 'Triage', series: 2 },
    ]);
    const b = model.stageRows[1]!;
    assert.deepEqual(b.segments.map((s) => [s.stage, s.series]), [['triage', 2], ['containment', 1]]);
    assert.equal(b.totalMs, 300 * MINUTE);
  });

  it('plots time to contain by opening date and counts the incidents not contained', () => {
    const model = metricsModel(view, false);
    assert.deepEqual(model.contain.map((p) => [p.id, p.openedMs, p.toContainMs]),
      [['a', Date.parse('2026-11-01T10:00:00.000Z'), 30 * MINUTE], ['b', Date.parse('2026-11-05T10:00:00.000Z'), 300 * MINUTE]]);
    assert.equal(model.notContained, 1);
  });

  it('orders runbooks by SLA misses, then by id', () => {
    assert.deepEqual(metricsModel(view, false).slaMisses.map((r) => r.runbook), ['account', 'phishing', 'malware']);
  });

  it('charts only the most recent incidents as stacked bars', () => {
    const many: MetricsView = { ...view, incidents: Array.from({ length: MAX_STAGE_ROWS + 5 }, (_, i) => incident(`i${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString())) };
    const rows = metricsModel(many, false).stageRows;
    assert.equal(rows.length, MAX_STAGE_ROWS);
    assert.equal(rows[0]!.id, 'i5');
    assert.equal(rows[rows.length - 1]!.id, `i${MAX_STAGE_ROWS + 4}`);
  });

  it('shortens labels on characters, never inside a surrogate pair, and folds whitespace', () => {
    assert.equal(shortLabel('Short'), 'Short');
    assert.equal(shortLabel('Line\nbreak  and   tabs'), 'Line break and tabs');
    assert.equal(shortLabel('🔥'.repeat(30), 5), '🔥🔥🔥🔥…');
  });

  it('labels each incident with its repository when the view names one (a multi-root window)', () => {
    const named: MetricsView = { ...view, incidents: [incident('a', '2026-11-01T10:00:00.000Z', { toContainMs: MINUTE, repository: 'payments' }), incident('a', '2026-11-02T10:00:00.000Z', { repository: 'website' })] };
    const model = metricsModel(named, false);
    assert.deepEqual(model.stageRows.map((r) => r.title), ['Incident a (payments)', 'Incident a (website)']);
    assert.deepEqual(model.contain.map((p) => p.title), ['Incident a (payments)']);
    assert.deepEqual(metricsModel(view, false).stageRows.map((r) => r.title).slice(0, 1), ['Incident a']);
  });

  it('accepts only well-formed messages from the host', () => {
    assert.equal(asMetricsHostMessage({ type: 'metrics', view })?.type, 'metrics');
    assert.deepEqual(asMetricsHostMessage({ type: 'error', message: 'No Git' }), { type: 'error', message: 'No Git' });
    for (const data of [null, 'metrics', { type: 'metrics' }, { type: 'metrics', view: { incidents: [] } }, { type: 'error', message: 1 }, { type: 'state', view }]) {
      assert.equal(asMetricsHostMessage(data), undefined, JSON.stringify(data));
    }
  });
});
