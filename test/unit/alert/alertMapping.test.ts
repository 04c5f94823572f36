import * as assert from 'node:assert/strict';
import { AlertError, DEFAULT_ALERT_MAPPING, mapAlert, type AlertMapping } from '../../../src/core/alert';
import { parseConfig } from '../../../src/core/config';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const generic = (alert: unknown) => mapAlert(JSON.stringify(alert), DEFAULT_ALERT_MAPPING, SEVERITIES);

describe('alert: mapping an alert JSON onto an incident', () => {
  it('maps the generic alert: title, severity, source, occurred time and typed indicators', () => {
    const mapped = generic({
      title: 'Impossible travel for j.doe', severity: 'High', source: 'https://siem.example.com/alerts/42',
      occurred_at: '2026-11-28T09:30:00+01:00',
      indicators: [{ type: 'ip', value: '203.0.113.7' }, { type: 'ACCOUNT', value: 'j.doe' }, { type: 'ip', value: ' 203.0.113.7 ' }],
    });
    assert.deepEqual(mapped, {
      title: 'Impossible travel for j.doe', severity: 'SEV2', source: 'https://siem.example.com/alerts/42',
      occurredAt: '2026-11-28T08:30:00.000Z',
      indicators: [{ type: 'ip', value: '203.0.113.7' }, { type: 'account', value: 'j.doe' }],
    });
  });

  it('follows a configured mapping with dotted paths, list indexes and a severity map', () => {
    const mapping: AlertMapping = {
      title: '$.rule.name', severity: { path: '$.level', map: { crit: 'SEV1' } }, source: '$.links.0', occurredAt: '$.ts',
      indicators: [{ type: 'ip', path: '$.src_ip' }, { type: 'domain', path: '$.domains' }],
    };
    const mapped = mapAlert(JSON.stringify({ rule: { name: 'Beaconing' }, level: 'CRIT', links: ['https://x.example/1'], src_ip: '10.0.0.5', domains: ['evil.example', 'EVIL.example.'] }), mapping, SEVERITIES);
    assert.equal(mapped.title, 'Beaconing');
    assert.equal(mapped.severity, 'SEV1');
    assert.equal(mapped.source, 'https://x.example/1');
    assert.equal(mapped.occurredAt, undefined);
    assert.deepEqual(mapped.indicators, [{ type: 'ip', value: '10.0.0.5' }, { type: 'domain', value: 'evil.example' }]);
  });

  it('keeps a severity that already is one of the team levels, and gives nothing for absent values', () => {
    assert.equal(generic({ severity: 'SEV3' }).severity, 'SEV3');
    assert.deepEqual(generic({}), { indicators: [] });
    assert.deepEqual(generic({ title: null, indicators: null }), { indicators: [] });
  });

  const refusals: [string, string, RegExp][] = [
    ['not JSON', '{"title": ', /not valid JSON/],
    ['a list', '[]', /must be a JSON object/],
    ['a string', '"alert"', /must be a JSON object/],
    ['a title that is an object', '{"title": {"a": 1}}', /\$\.title must be a string, not object/],
    ['a title with a line break', '{"title": "a\\nb"}', /\$\.title contains a control character/],
    ['a title with an escape sequence', '{"title": "\\u001b[31mred"}', /control character/],
    ['an over-long title', JSON.stringify({ title: 'x'.repeat(301) }), /longer than 300/],
    ['an unmapped severity', '{"severity": "apocalyptic"}', /severity "apocalyptic" \(\$\.severity\) is not mapped: add it to alert\.severity\.map/],
    ['a time without a zone', '{"occurred_at": "2026-11-28 09:30"}', /must be an ISO-8601 time with a zone/],
    ['an unknown indicator type', '{"indicators": [{"type": "bitcoin", "value": "x"}]}', /\$\.indicators\.0\.type must be one of ip, domain/],
    ['an indicator that is not an object', '{"indicators": ["1.2.3.4"]}', /\$\.indicators\.0 must be an indicator object/],
    ['an indicator value that is a list', '{"indicators": [{"type": "ip", "value": ["a"]}]}', /\$\.indicators\.0\.value must be a string, not a list/],
  ];
  for (const [what, text, message] of refusals) {
    it(`refuses ${what} with a clear message`, () => {
      assert.throws(() => mapAlert(text, DEFAULT_ALERT_MAPPING, SEVERITIES), (error: unknown) => error instanceof AlertError && message.test(error.message));
    });
  }

  it('finds nothing through prototype keys', () => {
    const mapping: AlertMapping = { ...DEFAULT_ALERT_MAPPING, title: '$.__proto__.constructor', source: '$.constructor' };
    assert.deepEqual(mapAlert('{"__proto__": {"polluted": 1}}', mapping, SEVERITIES), { indicators: [] });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses more than 500 indicators and an alert over 1 MB', () => {
    const indicators = Array.from({ length: 501 }, (_, i) => ({ type: 'ip', value: `10.0.${Math.floor(i / 256)}.${i % 256}` }));
    assert.throws(() => generic({ indicators }), /more than 500 indicators/);
    assert.throws(() => mapAlert(`{"title": "${'x'.repeat(1024 * 1024)}"}`, DEFAULT_ALERT_MAPPING, SEVERITIES), /larger than 1 MB/);
  });
});

describe('alert: the mapping in .firebreak.yml', () => {
  it('reads a configured mapping; keys not configured keep the generic alert', () => {
    const { config, diagnostics } = parseConfig([
      'alert:',
      '  title: "$.rule.name"',
      '  severity: { path: "$.level", map: { critical: SEV1, high: SEV2 } }',
      '  indicators: [{ type: ip, path: "$.src_ip" }, { path: "$.iocs" }]',
    ].join('\n'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.alert, {
      title: '$.rule.name', severity: { path: '$.level', map: { critical: 'SEV1', high: 'SEV2' } }, source: '$.source', occurredAt: '$.occurred_at',
      indicators: [{ type: 'ip', path: '$.src_ip' }, { path: '$.iocs' }],
    });
    assert.deepEqual(parseConfig('alert: { severity: "$.sev" }').config.alert.severity, { path: '$.sev', map: DEFAULT_ALERT_MAPPING.severity.map });
  });

  it('reports a bad mapping and keeps the default for that key', () => {
    const { config, diagnostics } = parseConfig([
      'alert:',
      '  title: "rule.name"',
      '  severity: { path: "$.level", map: { critical: P0 } }',
      '  indicators: [{ type: bitcoin, path: "$.wallet" }]',
      '  colour: red',
    ].join('\n'));
    assert.deepEqual(config.alert, DEFAULT_ALERT_MAPPING);
    assert.deepEqual(diagnostics.map((d) => d.severity), ['error', 'error', 'error', 'error']);
    const messages = diagnostics.map((d) => d.message).join('\n');
    for (const expected of [/Unknown alert setting "colour"/, /alert "title" must be a dotted path/, /mapping to SEV1, SEV2, SEV3, SEV4/, /alert "indicators" must be a list/]) {
      assert.match(messages, expected);
    }
  });
});
