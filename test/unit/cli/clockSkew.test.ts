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
