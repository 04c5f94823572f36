import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, matchesPattern, parseConfig, parseSize } from '../../../src/core/config';

describe('core/config (.firebreak.yml)', () => {
  it('gives the defaults for an empty file', () => {
    assert.deepEqual(parseConfig(''), { config: DEFAULT_CONFIG, diagnostics: [] });
  });

  it('reads every setting', () => {
    const { config, diagnostics } = parseConfig([
      'incidents: security/incidents',
      'runbooks: [runbooks, playbooks/ir]',
      'severities: [P1, P2, P3]',
      'branch: {mode: per-incident, prefix: ir}',
      'sync: manual',
      'remote: upstream',
      'commit-batch: 10s',
      'evidence:',
      '  max-size: 5MB',
      '  out-of-git: ["*.pcap", "*.mem"]',
      'secret-scan: false',
    ].join('\n'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config, {
      incidentsFolder: 'security/incidents',
      runbookFolders: ['runbooks', 'playbooks/ir'],
      severities: ['P1', 'P2', 'P3'],
      branch: { kind: 'per-incident', prefix: 'ir' },
      sync: 'manual',
      remote: 'upstream',
      commitBatchSeconds: 10,
      evidence: { maxBytes: 5 * 1024 * 1024, outOfGit: ['*.pcap', '*.mem'] },
      secretScan: false,
      alert: {
        title: '$.title', severity: { path: '$.severity', map: { critical: 'P1', high: 'P2', medium: 'P3' } }, source: '$.source',
        occurredAt: '$.occurred_at', indicators: [{ path: '$.indicators' }],
      },
    });
  });

  it('reads the branch modes', () => {
    assert.deepEqual(parseConfig('branch: incidents').config.branch, { kind: 'dedicated', branch: 'incidents' });
    assert.deepEqual(parseConfig('branch: {mode: dedicated}').config.branch, { kind: 'dedicated', branch: 'incidents' });
    assert.deepEqual(parseConfig('branch: per-incident').config.branch, { kind: 'per-incident', prefix: 'incident' });
    assert.deepEqual(parseConfig('branch: {mode: repository, path: ../ir-records}').config.branch, { kind: 'repository', path: '../ir-records' });
  });

  it('reports invalid YAML with its line and keeps the defaults, never throwing', () => {
    const { config, diagnostics } = parseConfig('incidents: x\nrunbooks: [a\nsync: auto\n');
    assert.equal(config, DEFAULT_CONFIG);
    assert.equal(diagnostics[0]!.code, 'config-yaml-invalid');
    assert.ok(diagnostics[0]!.line >= 2);
  });

  it('validates types and names, with the line of the bad setting', () => {
    const { config, diagnostics } = parseConfig('sync: auto\nincidents: ../outside\nbranch: --upload-pack=x\nevidence:\n  max-size: 200MB\nsecret-scan: "no"\ncolour: red\n');
    assert.equal(config.incidentsFolder, 'incidents');
    assert.deepEqual(config.branch, { kind: 'current' });
    assert.equal(config.evidence.maxBytes, 10 * 1024 * 1024);
    assert.equal(config.secretScan, true);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [
      ['config-unknown-key', 7],
      ['config-invalid-value', 2],
      ['config-invalid-value', 3],
      ['config-invalid-value', 5],
      ['config-invalid-value', 6],
    ]);
  });

  it('does not turn YAML 1.1 lookalikes into dates or octal numbers, and runs no code', () => {
    assert.equal(parseConfig('remote: 2024-01-01').config.remote, '2024-01-01');
    const { diagnostics } = parseConfig('remote: !!js/function "function () {}"');
    assert.equal(diagnostics[0]!.code, 'config-yaml-invalid');
    assert.equal(parseConfig('a: 1\nb: 2\n<<: {c: 3}').diagnostics.every((d) => d.code === 'config-unknown-key'), true);
    assert.equal(({} as Record<string, unknown>).c, undefined);
  });

  it('rejects a non-mapping document', () => {
    assert.equal(parseConfig('- a\n- b').diagnostics[0]!.code, 'config-not-a-mapping');
  });

  it('parses sizes and out-of-git patterns', () => {
    assert.equal(parseSize('10MB'), 10 * 1024 * 1024);
    assert.equal(parseSize('512 kb'), 512 * 1024);
    assert.equal(parseSize('lots'), null);
    assert.ok(matchesPattern('capture.PCAP', '*.pcap'));
    assert.ok(!matchesPattern('notes.txt', '*.pcap'));
  });
});
