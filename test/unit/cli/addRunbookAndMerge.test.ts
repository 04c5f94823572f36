import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { IncidentFixture, useStartedIncident } from './incidentFixture';

const SECOND = `---
id: extra
title: Extra checks
version: 2
---
# Extra checks

## Containment
- [ ] Isolate the host <!-- id: isolate -->
- [ ] Snapshot the disk <!-- id: snapshot -->
`;

describe('cli: add-runbook and merge-driver', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let id: string;
  useStartedIncident('Two runbooks', (started) => { ({ fx, id } = started); });

  it('joins a second runbook by path: byte copy, colliding step ids prefixed, one commit', async () => {
    fs.writeFileSync(fx.file('extra.md'), SECOND);
    const before = fx.commitCount();
    assert.match(await fx.ok('add-runbook', id, 'extra.md'), new RegExp(`^${id}: detection: runbook.added extra`));
    assert.equal(fx.commitCount(), before + 1);
    assert.equal(fs.readFileSync(fx.file('incidents', id, 'runbook-extra.md'), 'utf8'), SECOND);
    await fx.ok('check', id, 'extra.isolate');
    await fx.ok('check', id, 'snapshot');
    assert.equal((await fx.run('verify', id)).code, 0);
    const again = await fx.run('add-runbook', id, 'extra.md');
    assert.equal(again.code, 1);
    assert.match(again.err, /already part of this incident/);
  });

  it('reports an unknown runbook id clearly', async () => {
    const result = await fx.run('add-runbook', id, 'no-such-runbook');
    assert.equal(result.code, 1);
    assert.match(result.err, /no runbook with id "no-such-runbook"/);
  });

  it('merge-driver writes the union of both sides\' events to %A, each id once', async () => {
    const line = (n: number) => JSON.stringify({ v: 1, id: `01J00000000000000000000${n}AA`.slice(0, 26), at: `2026-11-28T10:00:0${n}.000Z` });
    fs.writeFileSync(fx.file('O'), `${line(1)}\n`);
    fs.writeFileSync(fx.file('A'), `${line(1)}\n${line(2)}\n`);
    fs.writeFileSync(fx.file('B'), `${line(1)}\n${line(3)}\n`);
    await fx.ok('merge-driver', 'O', 'A', 'B', `incidents/${id}/events.jsonl`);
    assert.equal(fs.readFileSync(fx.file('A'), 'utf8'), `${line(1)}\n${line(2)}\n${line(3)}\n`);
    const other = await fx.run('merge-driver', 'O', 'A', 'B', 'src/app.ts');
    assert.equal(other.code, 1);
  });
});
