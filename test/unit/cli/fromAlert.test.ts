// `firebreak start --from-alert`, through the built bundle (plain Node, as CI and SIEM scripts run it).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { IncidentFixture } from './incidentFixture';

const bundle = path.join(__dirname, '../../../dist/cli.js');

describe('cli: start --from-alert (built bundle)', function () {
  this.timeout(120_000);
  let fx: IncidentFixture;
  before(() => { execFileSync(process.execPath, [path.join(__dirname, '../../../esbuild.mjs')], { stdio: 'pipe' }); });
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  const cli = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: fx.dir, encoding: 'utf8' });
  const events = (id: string) => fs.readFileSync(fx.file('incidents', id, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  it('maps a configured alert onto the incident in the opening commit', () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), [
      'alert:',
      '  title: "$.rule.name"',
      '  severity: { path: "$.level", map: { critical: SEV1, high: SEV2 } }',
      '  source: "$.link"',
      '  occurred-at: "$.time"',
      '  indicators: [{ type: ip, path: "$.src_ip" }, { type: account, path: "$.users" }]',
    ].join('\n'));
    fs.writeFileSync(fx.file('alert.json'), JSON.stringify({
      rule: { name: 'Impossible travel' }, level: 'critical', link: 'https://siem.example.com/a/42', time: '2026-11-28T09:00:00Z',
      src_ip: '203.0.113.7', users: ['j.doe', 'a.admin'],
    }));
    const result = cli('start', 'tiny', '--from-alert', 'alert.json');
    assert.equal(result.status, 0, result.stderr);
    const id = result.stdout.trim();
    assert.equal(fx.git('log', '--format=%H', '--', `incidents/${id}`).trim().split('\n').length, 1, 'one commit for the opening and what the alert gave');
    const [opened, ...rest] = events(id);
    assert.equal(opened!.type, 'incident.opened');
    assert.equal(opened!.title, 'Impossible travel');
    assert.equal(opened!.severity, 'SEV1');
    assert.equal(opened!.fromAlert, 'https://siem.example.com/a/42');
    assert.deepEqual(rest.map((e) => [e.type, e.field ?? e.indicator, e.value]), [
      ['field.set', 'occurred-at', '2026-11-28T09:00:00.000Z'],
      ['indicator.added', 'ip', '203.0.113.7'],
      ['indicator.added', 'account', 'j.doe'],
      ['indicator.added', 'account', 'a.admin'],
    ]);
    const record = fs.readFileSync(fx.file('incidents', id, 'incident.md'), 'utf8');
    assert.match(record, /https:\/\/siem\.example\.com\/a\/42/);
    assert.match(record, /203\.0\.113\.7/);
    assert.equal(cli('verify').status, 0);
  });

  it('lets --title and --severity win over the alert', () => {
    fs.writeFileSync(fx.file('alert.json'), JSON.stringify({ title: 'From the SIEM', severity: 'low' }));
    const result = cli('start', 'tiny', '--from-alert', 'alert.json', '--title', 'Named by me', '--severity', 'SEV2');
    assert.equal(result.status, 0, result.stderr);
    const [opened] = events(result.stdout.trim());
    assert.equal(opened!.title, 'Named by me');
    assert.equal(opened!.severity, 'SEV2');
  });

  it('refuses a malformed alert with a clear message and records nothing', () => {
    const commitsBefore = fx.commitCount();
    fs.writeFileSync(fx.file('bad.json'), '{"title": "x", "severity": "apocalyptic"}');
    const unmapped = cli('start', 'tiny', '--from-alert', 'bad.json');
    assert.equal(unmapped.status, 1);
    assert.match(unmapped.stderr, /severity "apocalyptic" \(\$\.severity\) is not mapped/);
    fs.writeFileSync(fx.file('notitle.json'), '{"severity": "high"}');
    assert.match(cli('start', 'tiny', '--from-alert', 'notitle.json').stderr, /the alert has no title at \$\.title: give one \(--title\)/);
    fs.writeFileSync(fx.file('broken.json'), '{"title": ');
    assert.match(cli('start', 'tiny', '--from-alert', 'broken.json').stderr, /not valid JSON/);
    const missing = cli('start', 'tiny', '--from-alert', 'nope.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /"nope\.json" does not exist/);
    assert.equal(fx.commitCount(), commitsBefore);
    assert.ok(!fs.existsSync(fx.file('incidents')));
  });
});
