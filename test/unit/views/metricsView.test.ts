import * as assert from 'node:assert/strict';
import { toMetricsView } from '../../../src/core/views/metricsView';
import { exerciseD, incidentA, incidentB, incidentC, MINUTE } from '../review/scenarios';

describe('metrics view from incident records', () => {
  const now = new Date('2026-11-28T12:00:00.000Z');
  // Given newest first, as the store lists them: the view is oldest first.
  const view = toMetricsView([exerciseD().state, incidentC().state, incidentB().state, incidentA().state], now);

  it('lists every incident oldest first, exercises marked', () => {
    assert.deepEqual(view.incidents.map((i) => [i.openedAt, i.exercise, i.severity]), [
      ['2026-11-01T10:00:00.000Z', false, 'SEV2'],
      ['2026-11-05T10:00:00.000Z', false, 'SEV2'],
      ['2026-11-10T10:00:00.000Z', false, 'SEV1'],
      ['2026-11-12T10:00:00.000Z', true, 'SEV2'],
    ]);
    assert.equal(view.generatedAt, now.toISOString());
  });

  it('carries each incident stage spans and its time to contain from the record', () => {
    const [a, b, , d] = view.incidents;
    assert.deepEqual(a!.stages.map((s) => [s.stage, s.durationMs, s.completed]), [['detection', 10 * MINUTE, true], ['containment', 20 * MINUTE, true]]);
    assert.equal(a!.toContainMs, 30 * MINUTE);
    assert.equal(a!.closed, true);
    assert.equal(b!.toContainMs, 300 * MINUTE);
    assert.deepEqual(b!.slaMissedStages, ['containment']);
    assert.equal(d!.toContainMs, undefined, 'the drill was never contained');
  });

  it('counts SLA misses per runbook, exercises apart', () => {
    assert.deepEqual(view.slaMisses.real, [{ runbook: 'phishing', incidents: 3, misses: 1 }]);
    assert.deepEqual(view.slaMisses.exercises, [{ runbook: 'phishing', incidents: 1, misses: 0 }]);
  });

  it('is empty without incidents', () => {
    assert.deepEqual(toMetricsView([], now), { incidents: [], slaMisses: { real: [], exercises: [] }, generatedAt: now.toISOString() });
  });

  it('says which repository each incident is in when asked (a multi-root window), and nothing otherwise', () => {
    const a = incidentA().state;
    const b = incidentB().state;
    const named = toMetricsView([a, b], now, (state) => (state === a ? 'payments' : 'web'));
    assert.deepEqual(named.incidents.map((i) => [i.id, i.repository]), [[a.id, 'payments'], [b.id, 'web']]);
    assert.equal('repository' in toMetricsView([a, b], now).incidents[0]!, false);
  });
});
