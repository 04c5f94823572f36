// A runbook with a runnable step, written into the test workspace, for the step-command suites.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { firebreak, waitFor, workspaceRoot } from './firebreak';

export const RUNNABLE_RUNBOOK = `---
id: run-check
title: Runnable check
version: 1
severity: SEV3
roles: [commander, analyst]
---
# Runnable check

## Detection
- [ ] Confirm the alert <!-- id: confirm -->

## Analysis
- [ ] Show the values Firebreak passes <!-- id: show-values; role: analyst -->
  \`\`\`sh run
  printf 'incident=%s host=%s\\n' "$FB_INCIDENT" "$FB_HOST"
  \`\`\`
`;

/** Writes the runbook into the workspace; its path. */
export function writeRunnableRunbook(): string {
  const file = path.join(workspaceRoot(), 'runbooks', 'run-check.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, RUNNABLE_RUNBOOK);
  return file;
}

/** Writes the runbook into the workspace and starts an incident from it through the command. */
export async function startRunnableIncident(title: string): Promise<string> {
  const file = writeRunnableRunbook();
  const api = await firebreak();
  await vscode.commands.executeCommand('firebreak.startIncident', { runbook: file, title, severity: 'SEV3' });
  const incident = await waitFor('the incident in the store', async () => (await api.incidents()).find((i) => i.view.incident.title === title));
  return incident.id;
}
