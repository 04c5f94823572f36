// A throwaway Git repository with a small runbook, and a way to run the CLI in it in-process.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main';

export const RUNBOOK = `---
id: tiny
title: Tiny runbook
version: 1
severity: SEV3
roles: [commander, analyst]
sla: { SEV1: { containment: 1h } }
---
# Tiny runbook

## Detection
- [ ] Confirm the alert <!-- id: confirm; required -->
- [ ] Declare the incident <!-- id: declare -->

## Containment
- [ ] Isolate the host <!-- id: isolate; required -->

## Recovery
- [ ] Restore service <!-- id: restore -->
`;

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export class IncidentFixture {
  readonly dir: string;
  now = new Date('2026-11-28T10:00:00.000Z');
  private readonly extraDirs: string[] = [];

  constructor(options: { init?: boolean } = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-cli-'));
    if (options.init !== false) {
      this.git('init', '-q');
      this.git('config', 'user.name', 'Ann Responder');
      this.git('config', 'user.email', 'ann@example.com');
      this.git('config', 'commit.gpgsign', 'false');
      fs.mkdirSync(path.join(this.dir, 'runbooks'));
      fs.writeFileSync(path.join(this.dir, 'runbooks', 'tiny.md'), RUNBOOK);
      this.git('add', '--', 'runbooks');
      this.git('commit', '-q', '-m', 'runbooks');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' });
  }

  async run(...argv: string[]): Promise<CliRun> {
    let out = '';
    let err = '';
    const code = await main(argv, {
      cwd: this.dir,
      stdout: (t) => { out += t; },
      stderr: (t) => { err += t; },
      now: () => this.now,
    });
    return { code, out, err };
  }

  /** Runs and asserts exit 0, returning stdout trimmed. */
  async ok(...argv: string[]): Promise<string> {
    const result = await this.run(...argv);
    if (result.code !== 0) throw new Error(`firebreak ${argv.join(' ')} exited ${result.code}: ${result.err}`);
    return result.out.trim();
  }

  commitCount(): number {
    return Number(this.git('rev-list', '--count', 'HEAD').trim());
  }

  /** Paths changed by the last commit. */
  lastCommitFiles(): string[] {
    return this.git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean);
  }

  file(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  /**
   * Makes a bare repository beside this one its `origin` and clones it for a second responder
   * (its own identity and clock). `cleanup()` removes both.
   */
  cloneThroughBareRemote(name = 'Bob Responder', email = 'bob@example.com'): IncidentFixture {
    const remote = `${this.dir}-remote.git`;
    execFileSync('git', ['clone', '-q', '--bare', this.dir, remote]);
    this.git('remote', 'add', 'origin', remote);
    this.extraDirs.push(remote);
    const clone = new IncidentFixture({ init: false });
    fs.rmSync(clone.dir, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', remote, clone.dir]);
    clone.git('config', 'user.name', name);
    clone.git('config', 'user.email', email);
    clone.git('config', 'commit.gpgsign', 'false');
    this.extraDirs.push(clone.dir);
    return clone;
  }

  cleanup(): void {
    for (const dir of [this.dir, ...this.extraDirs]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Mocha hooks for the enclosing `describe`: before each test, a fresh repository with one incident
 * started from the `tiny` runbook, handed to `ready` (which may add more); removed after each test.
 */
export function useStartedIncident(title: string, ready: (started: { fx: IncidentFixture; id: string }) => void | Promise<void>): void {
  let fx: IncidentFixture | undefined;
  beforeEach(async () => {
    fx = new IncidentFixture();
    await ready({ fx, id: await fx.ok('start', 'tiny', '--title', title) });
  });
  afterEach(() => fx?.cleanup());
}
