// Running a step's command through the service and the CLI: values reach it only as environment
// variables, a changed runbook copy refuses, output streams into evidence, cancellation and a
// declined confirmation are handled as the record needs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { main } from '../../../src/cli/main';
import { IncidentService } from '../../../src/service/incidentService';
import { RunFixture, RUN_RUNBOOK } from './runFixture';

describe('step commands', function () {
  this.timeout(60_000);
  let fx: RunFixture;

  beforeEach(async () => {
    fx = new RunFixture();
    await fx.startIncident();
  });
  afterEach(() => fx.cleanup());

  it('passes hostile indicator values as data: nothing in them executes', async () => {
    fs.mkdirSync(fx.file('keep'));
    const hostile = { host: '$(touch pwned-subst)', account: '`touch pwned-backtick`', other: `"; touch pwned-quote; echo "` };
    for (const [type, value] of Object.entries(hostile)) await fx.ok('indicator', fx.incidentId, type, '--', value);
    // A second value of a type makes FB_INDICATORS_OTHER span lines: a newline in a value.
    await fx.ok('indicator', fx.incidentId, 'other', '--', "';rm -rf keep; '$(touch pwned-list)");
    const before = fx.listWorkspace();
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'echo-values');
    assert.deepEqual(plan.env.find((v) => v.name === 'FB_HOST')?.value, hostile.host);
    let output = '';
    const result = await service.runStep(fx.incidentId, 'echo-values', { trusted: true, confirmed: plan, onOutput: (c) => { output += c.toString(); } });

    assert.equal(result.exitCode, 0);
    assert.deepEqual(fx.listWorkspace(), before, 'no file was created or removed by the values');
    assert.ok(fs.existsSync(fx.file('keep')));
    assert.ok(output.includes(`host=[${hostile.host}]`), output);
    assert.ok(output.includes(`user=[${hostile.account}]`), output);
    assert.ok(output.includes("other=[';rm -rf keep; '$(touch pwned-list)]"), output);
    assert.ok(output.includes(`unquoted ${hostile.host} ${hostile.account} ${hostile.other}`), output);
  });

  it('records a confirmed run as events, with its output as evidence, and verify passes', async () => {
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'fail');
    const commits = fx.commitCount();
    const result = await service.runStep(fx.incidentId, 'fail', { trusted: true, confirmed: plan });

    assert.equal(result.exitCode, 3);
    assert.equal(result.cancelled, false);
    assert.equal(fx.commitCount(), commits + 2, 'one commit for the start, one for the end');
    assert.deepEqual(fx.eventTypes().slice(-3), ['command.started', 'evidence.added', 'command.finished']);
    const stored = fs.readFileSync(fx.incidentDir('evidence', result.evidenceId));
    assert.equal(stored.toString(), 'failing\n');
    assert.equal(createHash('sha256').update(stored).digest('hex'), result.outputSha256);
    const state = await service.state(fx.incidentId);
    assert.equal(state.commands.length, 1);
    assert.equal(state.commands[0]!.command, plan.command);
    assert.equal(state.commands[0]!.ended?.exitCode, 3);
    assert.ok(fs.readFileSync(fx.incidentDir('incident.md'), 'utf8').includes('## Commands run'));
    const verify = await fx.run('verify', fx.incidentId);
    assert.equal(verify.code, 0, verify.out + verify.err);
  });

  it('refuses to run from a changed runbook.md, and records nothing', async () => {
    fs.appendFileSync(fx.incidentDir('runbook.md'), '\n- [ ] Sneaked in <!-- id: sneaked -->\n');
    const service = await fx.service();
    const commits = fx.commitCount();
    await assert.rejects(service.planRun(fx.incidentId, 'echo-values'), /runbook\.md of incident .* changed since the runbook joined/);
    const cli = await fx.run('run', fx.incidentId, 'echo-values', '--yes');
    assert.equal(cli.code, 1);
    assert.match(cli.err, /changed since the runbook joined/);
    assert.equal(fx.commitCount(), commits);
  });

  it('refuses when the command or its values changed since the confirmation', async () => {
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'echo-values');
    await fx.ok('indicator', fx.incidentId, 'host', 'db-7.example.com');
    const commits = fx.commitCount();
    await assert.rejects(service.runStep(fx.incidentId, 'echo-values', { trusted: true, confirmed: plan }), /changed since it was confirmed/);
    assert.equal(fx.commitCount(), commits);
  });

  it('refuses in an untrusted workspace, a step without a command, and a runbook with lint errors', async () => {
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'echo-values');
    await assert.rejects(service.runStep(fx.incidentId, 'echo-values', { trusted: false, confirmed: plan }), /not trusted/);
    await assert.rejects(service.planRun(fx.incidentId, 'manual'), /has no command/);

    const broken = RUN_RUNBOOK.replace('id: runny', 'id: broken').replace('"$FB_HOST"', '{{host}}');
    fs.writeFileSync(fx.file('runbooks', 'broken.md'), broken);
    const second = await fx.ok('start', fx.file('runbooks', 'broken.md'), '--title', 'Broken');
    await assert.rejects(service.planRun(second, 'echo-values'), /has 1 lint error/);
  });

  it('keeps 50 MB of output whole with its SHA-256, without holding it in memory', async function () {
    // Streaming 50 MB and collecting garbage while sampling takes long on a busy machine.
    this.timeout(240_000);
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'big-output');
    // Collect garbage while sampling, so the peak is memory held, not chunks the collector has not reached yet.
    // Held = the JS heap plus Buffers (external). Not RSS: freed 64 KB chunks stay in the C allocator's
    // arenas, so RSS measures the allocator's habits more than what the runner keeps.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const held = () => { const m = process.memoryUsage(); return m.heapUsed + m.external; };
    gc();
    const baseline = held();
    let peak = baseline;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, held());
    }, 100);
    let result;
    try {
      result = await service.runStep(fx.incidentId, 'big-output', { trusted: true, confirmed: plan });
    } finally {
      clearInterval(sampler);
    }
    const size = 50 * 1024 * 1024;
    const expected = createHash('sha256');
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 50; i++) expected.update(block);
    assert.equal(result.outputSize, size);
    assert.equal(result.outputSha256, expected.digest('hex'));
    assert.equal(result.outOfGit, true, 'over the 10 MB default it stays out of Git');
    const state = await service.state(fx.incidentId);
    const item = state.evidence.find((e) => e.evidence === result.evidenceId)!;
    assert.equal(fs.statSync(item.location!).size, size);
    const growth = peak - baseline;
    assert.ok(growth < 16 * 1024 * 1024, `memory held grew by ${(growth / 1024 / 1024).toFixed(1)} MB while streaming 50 MB`);
  });

  it('records a cancellation, with the output so far, and stops the process', async () => {
    const service = await fx.service();
    const plan = await service.planRun(fx.incidentId, 'wait');
    const controller = new AbortController();
    let output = '';
    const result = await service.runStep(fx.incidentId, 'wait', {
      trusted: true, confirmed: plan, signal: controller.signal,
      onOutput: (chunk) => {
        output += chunk.toString();
        if (output.includes('started')) controller.abort();
      },
    });
    assert.equal(result.cancelled, true);
    assert.deepEqual(fx.eventTypes().slice(-3), ['command.started', 'evidence.added', 'command.cancelled']);
    assert.equal(fs.readFileSync(fx.incidentDir('evidence', result.evidenceId), 'utf8'), 'started\n');
  });

  it('CLI: a declined confirmation or no terminal without --yes records nothing', async () => {
    const commits = fx.commitCount();
    let err = '';
    const asked: string[] = [];
    const declined = await main(['run', fx.incidentId, 'echo-values'], {
      cwd: fx.dir, stdout: () => {}, stderr: (t) => { err += t; }, now: () => fx.now,
      ask: async (q) => { asked.push(q); return 'n'; },
    });
    assert.equal(declined, 1);
    assert.equal(asked.length, 1);
    assert.match(err, /printf 'host=\[%s\]\\n' "\$FB_HOST"/, 'the exact command was shown before asking');
    assert.match(err, /FB_INCIDENT=/);
    const noTerminal = await fx.run('run', fx.incidentId, 'echo-values');
    assert.equal(noTerminal.code, 2);
    assert.match(noTerminal.err, /pass --yes/);
    assert.equal(fx.commitCount(), commits);
    assert.ok(!fx.eventTypes().includes('command.started'));
  });

  it('CLI: confirming with "y" runs and records it', async () => {
    let out = '';
    const code = await main(['run', fx.incidentId, 'echo-values'], {
      cwd: fx.dir, stdout: (t) => { out += t; }, stderr: () => {}, now: () => fx.now, env: { PATH: process.env.PATH },
      ask: async () => 'y',
    });
    assert.equal(code, 0);
    assert.match(out, /host=\[\]/);
    assert.deepEqual(fx.eventTypes().slice(-3), ['command.started', 'evidence.added', 'command.finished']);
  });
});

describe('step commands: output on the CLI', function () {
  this.timeout(60_000);
  let fx: RunFixture;
  beforeEach(async () => { fx = new RunFixture(); await fx.startIncident(); });
  afterEach(() => fx.cleanup());

  it('prints a character whose bytes arrive in two chunks whole', async () => {
    const chunks: string[] = [];
    const code = await main(['run', fx.incidentId, 'split-character', '--yes'], {
      cwd: fx.dir, stdout: (t) => { chunks.push(t); }, stderr: () => {}, now: () => fx.now, env: { PATH: process.env.PATH },
    });
    assert.equal(code, 0);
    const out = chunks.join('');
    assert.ok(out.endsWith('café\n'), JSON.stringify(out.slice(-20)));
    assert.ok(!out.includes('\uFFFD'), 'no replacement character');
  });
});

describe('step commands: checking a runnable step', function () {
  this.timeout(60_000);
  let fx: RunFixture;
  // The step's command would leave a file behind if it ever ran.
  const MARKING_RUNBOOK = RUN_RUNBOOK.replace("  echo unquoted", "  touch ran-on-check\n  echo unquoted");

  beforeEach(async () => {
    fx = new RunFixture();
    await fx.startIncident(MARKING_RUNBOOK);
  });
  afterEach(() => fx.cleanup());

  for (const [how, check] of [
    ['the service', async () => { await (await fx.service()).apply(fx.incidentId, { kind: 'check', step: 'echo-values' }); }],
    ['the CLI', async () => { await fx.ok('check', fx.incidentId, 'echo-values'); }],
  ] as const) {
    it(`through ${how} records one check and never runs the command`, async () => {
      assert.ok(fs.readFileSync(fx.incidentDir('runbook.md'), 'utf8').includes('touch ran-on-check'));
      const commits = fx.commitCount();
      await check();
      assert.equal(fx.commitCount(), commits + 1);
      assert.equal(fx.eventTypes().at(-1), 'step.checked');
      assert.ok(!fx.eventTypes().some((t) => t.startsWith('command.')), fx.eventTypes().join(', '));
      assert.equal(fs.existsSync(fx.file('ran-on-check')), false);
    });
  }
});

describe('step commands: secrets in the output', function () {
  this.timeout(60_000);

  it('warns before the output is committed when it looks like it holds a key', async () => {
    const fx = new RunFixture();
    try {
      await fx.startIncident(RUN_RUNBOOK.replace("echo failing >&2\n  exit 3", "printf 'aws_key=AKIA%s\\n' IOSFODNN7EXAMPLE"));
      const warned: { message: string; commits: number }[] = [];
      const service = await IncidentService.open({
        cwd: fx.dir, now: () => fx.now, env: { PATH: process.env.PATH },
        warn: (message) => warned.push({ message, commits: fx.commitCount() }),
      });
      const plan = await service.planRun(fx.incidentId, 'fail');
      const before = fx.commitCount();
      const result = await service.runStep(fx.incidentId, 'fail', { trusted: true, confirmed: plan });
      assert.equal(warned.length, 1);
      assert.match(warned[0]!.message, /line 1 may hold a secret \(AWS access key id\)/);
      assert.equal(warned[0]!.commits, before + 1, 'warned after the start commit and before the output commit');
      assert.ok(result.warnings.some((w) => w.includes('AWS access key id')));
    } finally {
      fx.cleanup();
    }
  });
});
