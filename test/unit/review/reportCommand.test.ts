import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import type { IncidentFixture } from '../cli/incidentFixture';
import { useConfirmedIncident } from './startedAndConfirmed';

describe('review: firebreak report', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let id: string;
  useConfirmedIncident((started) => { ({ fx, id } = started); });

  it('writes postmortem.md in one commit touching only that file, and is idempotent', async () => {
    const before = fx.commitCount();
    await fx.ok('report', id);
    assert.equal(fx.commitCount(), before + 1);
    assert.deepEqual(fx.lastCommitFiles(), [`incidents/${id}/postmortem.md`]);
    assert.match(fx.git('log', '-1', '--format=%s').trim(), new RegExp(`^${id}: post-incident: postmortem\\.generated$`));
    const text = fs.readFileSync(fx.file('incidents', id, 'postmortem.md'), 'utf8');
    assert.match(text, /```mermaid\ngantt\n/);
    assert.match(await fx.ok('report', id), /is up to date/);
    assert.equal(fx.commitCount(), before + 1);
  });

  it('regenerates keeping what people wrote', async () => {
    await fx.ok('report', id);
    const file = fx.file('incidents', id, 'postmortem.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('- [ ] \n', '- [ ] Tune the login alert\n'));
    fx.now = new Date('2026-11-28T10:20:00.000Z');
    await fx.ok('note', id, 'Attacker session revoked');
    await fx.ok('report', id);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes('- [ ] Tune the login alert'));
    assert.ok(text.includes('Attacker session revoked'));
    assert.match(fx.git('log', '-1', '--format=%s').trim(), /postmortem\.regenerated$/);
  });

  it('prints the review as data with --json, writing nothing', async () => {
    const before = fx.commitCount();
    const model = JSON.parse(await fx.ok('report', id, '--json'));
    assert.equal(model.incident, id);
    assert.equal(model.times.acknowledged, '2026-11-28T10:05:00.000Z');
    assert.equal(fx.commitCount(), before);
  });

  it('gives metrics across incidents with --all, --json and --since', async () => {
    const metrics = JSON.parse(await fx.ok('report', '--all', '--json'));
    assert.equal(metrics.real.overall.incidents, 1);
    assert.equal(metrics.real.byRunbook.tiny.times.toAcknowledge.medianMs, 5 * 60_000);
    assert.match(await fx.ok('report', '--all'), /toAcknowledge: median 5m, p90 5m \(n=1\)/);
    const later = JSON.parse(await fx.ok('report', '--all', '--json', '--since', '2026-11-29'));
    assert.equal(later.real.overall.incidents, 0);
  });

  it('refuses unclear arguments as usage errors', async () => {
    assert.equal((await fx.run('report')).code, 2);
    assert.equal((await fx.run('report', id, '--all')).code, 2);
    assert.equal((await fx.run('report', id, '--since', '2026-11-01')).code, 2);
    assert.equal((await fx.run('report', '--all', '--since', 'yesterday')).code, 2);
    assert.equal((await fx.run('report', '../etc')).code, 2);
  });
});
