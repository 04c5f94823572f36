import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import type { IncidentFixture } from '../cli/incidentFixture';
import { useConfirmedIncident } from './startedAndConfirmed';

describe('review: firebreak status --update and verify --complete', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let id: string;
  useConfirmedIncident((started) => { ({ fx, id } = started); });

  it('prints the tactical and executive drafts as Markdown, recording nothing', async () => {
    const before = fx.commitCount();
    await fx.ok('set', id, 'impact', 'Two mailboxes read by the attacker');
    const tactical = await fx.ok('status', id, '--update', 'tactical');
    assert.match(tactical, new RegExp(`^## Tactical update: Suspicious login \\(${id}\\), 2026-11-28T10:05:00.000Z`));
    assert.match(tactical, /### Done\n- Confirm the alert \(Ann Responder, 2026-11-28T10:05:00\.\d+Z\)/);
    assert.match(tactical, /### Next\n- Declare the incident\n/);
    const executive = await fx.ok('status', id, '--update', 'executive');
    assert.match(executive, /\*\*Impact:\*\* Two mailboxes read by the attacker/);
    assert.match(executive, /\*\*ETA to recovery:\*\* not estimated/);
    assert.equal(fx.commitCount(), before + 1);
  });

  it('refuses an unknown kind, --update without an incident, and --update with --json', async () => {
    assert.equal((await fx.run('status', id, '--update', 'board')).code, 2);
    assert.equal((await fx.run('status', '--update', 'tactical')).code, 2);
    assert.equal((await fx.run('status', id, '--update', 'tactical', '--json')).code, 2);
  });

  it('verify --complete names the empty NIST fields and unchecked required steps, exit 1 until none', async () => {
    const first = await fx.run('verify', '--complete', id);
    assert.equal(first.code, 1);
    assert.match(first.out, /missing Summary \(summary\), Indicators \(indicators\), Related incidents \(related\), Chain of custody \(custody\), Impact \(impact\), Contacts \(contacts\), Evidence \(evidence\), Handler comments \(comments\), Next steps \(next-steps\)/);
    assert.match(first.out, /required step unchecked: isolate in containment: Isolate the host/);
    assert.doesNotMatch(first.out, /confirm in/);
    assert.match(first.out, /0 of 1 incident complete/);

    for (const [field, value] of [['summary', 'Phished login'], ['impact', 'none'], ['related', 'none'], ['contacts', 'SOC'], ['next-steps', 'Tune alert']]) {
      await fx.ok('set', id, field!, value!);
    }
    await fx.ok('indicator', id, 'ip', '203.0.113.7');
    await fx.ok('note', id, 'Session revoked');
    fs.writeFileSync(fx.file('login.log'), 'failed login\n');
    await fx.ok('evidence', id, 'login.log');
    const json = JSON.parse((await fx.run('verify', '--complete', id, '--json')).out);
    assert.deepEqual(json[0].missing, []);
    assert.deepEqual(json[0].uncheckedRequired.map((s: { step: string }) => s.step), ['isolate']);
    await fx.ok('na', id, 'isolate', '--reason', 'no host involved');
    assert.match(await fx.ok('verify', '--complete'), new RegExp(`^${id}: complete\n1 of 1 incident complete$`));
  });
});
