import * as assert from 'node:assert/strict';
import { incidentMetrics, median, percentile } from '../../../src/core/review';
import { exerciseD, incidentA, incidentB, incidentC, MINUTE } from './scenarios';

describe('review: metrics across incidents', () => {
  const states = [incidentA().state, incidentB().state, incidentC().state, exerciseD().state];
  const report = incidentMetrics(states);

  it('keeps exercises apart from real incidents', () => {
    assert.equal(report.real.overall.incidents, 3);
    assert.equal(report.exercises.overall.incidents, 1);
    assert.equal(report.exercises.overall.times.toAcknowledge.medianMs, 1 * MINUTE);
    assert.deepEqual(Object.keys(report.exercises.bySeverity), ['SEV2']);
  });

  it('counts open and closed incidents per runbook and per severity', () => {
    assert.deepEqual(Object.keys(report.real.byRunbook), ['phishing']);
    assert.equal(report.real.byRunbook['phishing']!.incidents, 3);
    assert.equal(report.real.overall.closed, 1);
    assert.equal(report.real.overall.open, 2);
    assert.equal(report.real.bySeverity['SEV2']!.incidents, 2);
    assert.equal(report.real.bySeverity['SEV1']!.incidents, 1);
  });

  it('gives the median and nearest-rank p90 of each time', () => {
    const { times } = report.real.overall;
    assert.deepEqual(times.toAcknowledge, { count: 3, medianMs: 5 * MINUTE, p90Ms: 10 * MINUTE });
    assert.deepEqual(times.toContain, { count: 3, medianMs: 30 * MINUTE, p90Ms: 300 * MINUTE });
    assert.deepEqual(times.toClose, { count: 1, medianMs: 60 * MINUTE, p90Ms: 60 * MINUTE });
    assert.deepEqual(times.toDetect, { count: 0 });
    assert.deepEqual(report.real.bySeverity['SEV2']!.times.toContain, { count: 2, medianMs: 165 * MINUTE, p90Ms: 300 * MINUTE });
  });

  it('counts SLA misses per stage once per incident', () => {
    assert.equal(report.real.overall.slaMisses, 1);
    assert.equal(report.real.overall.incidentsMissingSla, 1);
    assert.deepEqual({ ...report.real.overall.slaMissesByStage }, { containment: 1 });
    assert.equal(report.real.bySeverity['SEV1']!.slaMisses, 0);
  });

  it('lists the steps most often skipped, not applicable and added by hand', () => {
    const overall = report.real.overall;
    assert.deepEqual(overall.skipped.map((s) => [s.key, s.count]), [['block-sender', 1], ['confirm-report', 1], ['reset-passwords', 1]]);
    assert.deepEqual(overall.notApplicable.map((s) => [s.key, s.count]), [['purge-mail', 1]]);
    assert.deepEqual(overall.added.map((s) => [s.key, s.text, s.count]), [['call the bank', 'Call the bank', 2]]);
  });

  it('filters by --since on the opening time', () => {
    const since = incidentMetrics(states, { since: '2026-11-10T00:00:00Z' });
    assert.equal(since.real.overall.incidents, 1);
    assert.equal(since.exercises.overall.incidents, 1);
    assert.equal(since.since, '2026-11-10T00:00:00Z');
  });

  it('is empty without incidents and treats hostile group names as plain keys', () => {
    const empty = incidentMetrics([]);
    assert.equal(empty.real.overall.incidents, 0);
    assert.deepEqual(empty.real.overall.times.toContain, { count: 0 });
    const hostile = incidentA().state;
    hostile.severity = '__proto__';
    const metrics = incidentMetrics([hostile]);
    assert.equal(metrics.real.bySeverity['__proto__']!.incidents, 1);
    assert.equal(JSON.parse(JSON.stringify(metrics)).real.bySeverity.__proto__.incidents, 1);
  });
});

describe('review: order statistics', () => {
  it('median averages the middle pair; p90 is an observed value', () => {
    assert.equal(median([]), undefined);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(percentile([], 0.9), undefined);
    assert.equal(percentile([5], 0.9), 5);
    assert.equal(percentile(Array.from({ length: 10 }, (_, i) => i + 1), 0.9), 9);
    assert.equal(percentile(Array.from({ length: 11 }, (_, i) => i + 1), 0.9), 10);
  });
});
