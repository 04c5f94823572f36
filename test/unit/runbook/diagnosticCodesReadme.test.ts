import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { DIAGNOSTIC_CODES } from '../../../src/core/runbook/diagnosticCodes';
import { diagnosticCodesTable, README, readmeTable } from '../../harness/diagnostic-codes';

describe('runbook: the README lists every diagnostic code', () => {
  const table = readmeTable(fs.readFileSync(README, 'utf8'));

  it('has the generated table, with no code missing and none that does not exist', () => {
    assert.ok(table !== undefined, 'README.md lost its diagnostic-codes markers');
    const listed = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    const known = Object.keys(DIAGNOSTIC_CODES);
    assert.deepEqual(known.filter((code) => !listed.includes(code)), [], 'codes missing from README.md');
    assert.deepEqual(listed.filter((code) => !known.includes(code!)), [], 'README.md lists codes that do not exist');
  });

  it('matches diagnosticCodes.ts row for row (severity and meaning too): run `npx tsx test/harness/diagnostic-codes.ts --write`', () => {
    assert.equal(table, diagnosticCodesTable());
  });
});
