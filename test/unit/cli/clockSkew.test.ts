import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseEventLog } from '../../../src/core/incident';
import { IncidentFixture } from './incidentFixture';

describe('cli: a slow clock', function () {
  this.timeout(60_000);

  it('stamps after the latest event it has seen, so its change still wins', async () => {
    const fx = new IncidentFixture();
    try {
      const id = await fx.ok('start', 'tiny', '--title', 'Skew');
      fx.now = new Date('2026-11-28T10:30:00.000Z');
      await fx.ok('severity', id, 'SEV1');
      fx.now = new Date('2026-11-28T10:20:00.000Z'); // ten minutes slow
      await fx.ok('severity', id, 'SEV2');
      const { events } = parseEventLog(fs.readFileSync(fx.file('incidents', id, 'events.jsonl'), 'utf8'));
      const [first, second] = events.filter((e) => e.type === 'severity.changed');
      assert.ok(second!.at > first!.at, `${second!.at} after ${first!.at}`);
      const view = JSON.parse(await fx.ok('status', id, '--json')) as { severity: string };
      assert.equal(view.severity, 'SEV2');
    } finally {
      fx.cleanup();
    }
  });
});

describe('cli: two clones, one with a clock ten minutes slow', function () {
  this.timeout(120_000);

  it('after syncing, the slow clone stamps its change after what it has seen, so the change wins on both clones', async () => {
    const fx = new IncidentFixture();
    try {
      const id = await fx.ok('start', 'tiny', '--title', 'Skew across clones');
      const slow = fx.cloneThroughBareRemote('Sam Slow', 'sam@example.com');
      fx.now = new Date('2026-11-28T10:30:00.000Z');
      await fx.ok('severity', id, 'SEV1');
      await fx.ok('sync');
      slow.now = new Date('2026-11-28T10:20:00.000Z'); // ten minutes behind, and later in real time
      await slow.ok('sync');
      await slow.ok('severity', id, 'SEV2');
      await slow.ok('sync');
      await fx.ok('sync');

      for (const clone of [fx, slow]) {
        const { events } = parseEventLog(fs.readFileSync(clone.file('incidents', id, 'events.jsonl'), 'utf8'));
        const changes = events.filter((e) => e.type === 'severity.changed');
        assert.deepEqual(changes.map((e) => e.actor.name), ['Ann Responder', 'Sam Slow']);
        assert.ok(changes[1]!.at > changes[0]!.at, `${changes[1]!.at} after ${changes[0]!.at}`);
        const view = JSON.parse(await clone.ok('status', id, '--json')) as { severity: string };
        assert.equal(view.severity, 'SEV2');
        assert.equal((await clone.run('verify', id)).code, 0);
      }
    } finally {
      fx.cleanup();
    }
  });
});
