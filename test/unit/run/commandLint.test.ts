// The run-block lint rules and the visible form of a command shown for confirmation.
import assert from 'node:assert/strict';
import { commandEnvironment, makeVisible } from '../../../src/core/run';
import { codes, diagnostic, native, parse } from '../runbook/helpers';
import { reduceIncident } from '../../../src/core/incident';

const withBlock = (info: string, code: string): string =>
  native('', `# T\n## Analysis\n- [ ] Look <!-- id: look -->\n  \`\`\`${info}\n${code.split('\n').map((l) => `  ${l}`).join('\n')}\n  \`\`\`\n`);

describe('run blocks: lint', () => {
  it('a plain sh command using known FB_ variables is clean', () => {
    for (const info of ['sh run', 'bash run', 'shell run', 'run']) {
      assert.deepEqual(codes(parse(withBlock(info, 'ss -tanp | grep -F -- "$FB_IP"\necho "${FB_INCIDENT}" $FB_INDICATORS_HOST'))), [], info);
    }
  });

  it('refuses other languages and empty commands', () => {
    assert.equal(diagnostic(parse(withBlock('python run', 'print(1)')), 'step-command-language')?.severity, 'error');
    assert.equal(diagnostic(parse(withBlock('powershell run', 'Get-Process')), 'step-command-language')?.severity, 'error');
    assert.equal(diagnostic(parse(withBlock('sh run', '')), 'step-command-empty')?.severity, 'error');
  });

  it('names unknown FB_ variables and values pasted into the text, on their own line', () => {
    const runbook = parse(withBlock('sh run', 'echo ok\necho "$FB_HOSTNAME"\nping {{host}}\ncurl {{team_wiki}}'));
    const unknown = diagnostic(runbook, 'step-command-variable-unknown')!;
    assert.match(unknown.message, /\$FB_HOSTNAME/);
    assert.equal(unknown.line, 11);
    const pasted = diagnostic(runbook, 'step-command-substitution')!;
    assert.match(pasted.message, /"\$FB_HOST"/);
    assert.equal(pasted.line, 12);
    assert.match(diagnostic(runbook, 'step-command-placeholder')!.message, /\{\{team_wiki\}\}/);
  });

  it('refuses control, escape and bidi characters in a command', () => {
    for (const hidden of ['\u001b[2K', '\u202e', '\u2066', '\u200b', '\u0007']) {
      const runbook = parse(withBlock('sh run', `echo safe${hidden} && id`));
      assert.equal(diagnostic(runbook, 'step-command-hidden-characters')?.severity, 'error', JSON.stringify(hidden));
    }
  });
});

describe('run blocks: visible command', () => {
  it('shows ANSI escapes, bidi overrides and carriage returns, and keeps everything else', () => {
    assert.equal(makeVisible('echo \u001b[31mred'), 'echo \u241b[31mred');
    assert.equal(makeVisible('rm -rf /tmp/x\rls'), 'rm -rf /tmp/x\u240dls');
    assert.equal(makeVisible('echo "\u202Eevil"'), 'echo "\u27E8U+202E\u27E9evil"');
    assert.equal(makeVisible('a\tb\nc'), 'a\tb\nc');
  });

  it('never shortens a long command', () => {
    const long = `echo ${'x'.repeat(100_000)}\u202E`;
    const shown = makeVisible(long);
    assert.ok(shown.startsWith(long.slice(0, -1)));
    assert.ok(shown.endsWith('\u27E8U+202E\u27E9'));
  });
});

describe('run blocks: environment', () => {
  it('gives incident values and the latest active indicator of each type; retracted ones are left out', () => {
    const actor = { name: 'Ann', email: 'ann@example.com' };
    const snapshot = { id: 'r', title: 'R', version: 1, roles: [], sla: {}, escalation: {}, stages: [{ id: 'detection', title: 'Detection', canonical: 'detection', steps: [{ id: 's', text: 'S', required: false }] }] };
    const state = reduceIncident([
      { v: 1, id: '01JDQ0000000000000000000A1', at: '2026-11-28T10:00:00.000Z', actor, type: 'incident.opened', incident: '20261128-abcdef', title: 'T', severity: 'SEV2', exercise: false, runbook: { id: 'r', version: 1, path: 'r.md', file: 'runbook.md', sha256: 'x' }, snapshot },
      { v: 1, id: '01JDQ0000000000000000000A2', at: '2026-11-28T10:01:00.000Z', actor, type: 'indicator.added', indicator: 'host', value: 'old.example' },
      { v: 1, id: '01JDQ0000000000000000000A3', at: '2026-11-28T10:02:00.000Z', actor, type: 'indicator.added', indicator: 'host', value: 'new.example' },
      { v: 1, id: '01JDQ0000000000000000000A4', at: '2026-11-28T10:03:00.000Z', actor, type: 'indicator.added', indicator: 'account', value: 'bob' },
      { v: 1, id: '01JDQ0000000000000000000A5', at: '2026-11-28T10:04:00.000Z', actor, type: 'indicator.retracted', indicator: 'account', value: 'bob' },
    ]);
    const env = Object.fromEntries(commandEnvironment(state, 's').map((v) => [v.name, v.value]));
    assert.deepEqual(env, {
      FB_INCIDENT: '20261128-abcdef', FB_TITLE: 'T', FB_SEVERITY: 'SEV2', FB_STAGE: 'detection', FB_STEP: 's',
      FB_HOST: 'new.example', FB_INDICATORS_HOST: 'old.example\nnew.example',
    });
  });
});
