// An incident in a throwaway repository, started from a runbook whose steps have run blocks.
import fs from 'node:fs';
import path from 'node:path';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

export const RUN_RUNBOOK = `---
id: runny
title: Runnable runbook
version: 1
severity: SEV3
roles: [commander, analyst]
---
# Runnable runbook

## Detection
- [ ] Confirm the alert <!-- id: confirm -->

## Analysis
- [ ] Echo the values <!-- id: echo-values; role: analyst -->
  Prints what Firebreak passes, quoted and unquoted.

  \`\`\`sh run
  printf 'host=[%s]\\n' "$FB_HOST"
  printf 'user=[%s]\\n' "$FB_USER"
  printf 'other=[%s]\\n' "$FB_OTHER"
  echo unquoted $FB_HOST $FB_USER $FB_INDICATORS_OTHER
  \`\`\`
- [ ] Write fifty megabytes <!-- id: big-output -->
  \`\`\`sh run
  head -c 52428800 /dev/zero | tr '\\000' 'a'
  \`\`\`
- [ ] Wait a long time <!-- id: wait -->
  \`\`\`sh run
  echo started
  sleep 30
  \`\`\`
- [ ] Print a character in two writes <!-- id: split-character -->
  \`\`\`sh run
  printf 'caf\\303'; sleep 0.3; printf '\\251\\n'
  \`\`\`
- [ ] Fail <!-- id: fail -->
  \`\`\`sh run
  echo failing >&2
  exit 3
  \`\`\`
- [ ] Look around by hand <!-- id: manual -->
`;

export class RunFixture extends IncidentFixture {
  incidentId = '';

  async startIncident(runbook = RUN_RUNBOOK): Promise<string> {
    fs.writeFileSync(this.file('runbooks', 'runny.md'), runbook);
    this.git('add', '--', 'runbooks');
    this.git('commit', '-q', '-m', 'runny');
    this.incidentId = await this.ok('start', 'runny', '--title', 'Run test');
    return this.incidentId;
  }

  service(): Promise<IncidentService> {
    return IncidentService.open({ cwd: this.dir, now: () => this.now, env: { PATH: process.env.PATH, HOME: this.dir } });
  }

  incidentDir(...parts: string[]): string {
    return this.file('incidents', this.incidentId, ...parts);
  }

  eventTypes(): string[] {
    return fs.readFileSync(this.incidentDir('events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).type as string);
  }

  listWorkspace(): string[] {
    return fs.readdirSync(this.dir).filter((name) => name !== '.git').sort();
  }

  static path = path;
}
