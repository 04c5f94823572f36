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

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
