// The start link handler (`vscode://firebreak.firebreak/start?runbook=<id>&title=&severity=&source=&repository=`):
// checks the link (src/shared/startLink), then runs the start flow pre-filled and always asks the
// responder to confirm. Refused in Restricted Mode, like every recording. In a window with several
// repositories, `repository=<folder name>` picks one; without it the responder is asked.
import * as vscode from 'vscode';
import type { StartResult } from '../service/types';
import { parseStartLink, StartLinkError } from '../shared/startLink';
import { listRunbooks } from './commands/startCommands';
import { ensureIncidentsLocation } from './commands/incidentsLocation';
import { CancelledError } from './commands/pickers';
import { nativeStartPrompts, severityLevels, type StartPrompts } from './commands/startPrompts';
import type { Firebreak } from './firebreak';
import { requireTrust, UserFacingError } from './trust';

export async function startFromLink(firebreak: Firebreak, uri: vscode.Uri, prompts: Partial<StartPrompts> = {}): Promise<StartResult> {
  requireTrust();
  const ask: StartPrompts = { ...nativeStartPrompts, ...prompts };
  let link;
  try {
    link = parseStartLink(uri.path, uri.query);
  } catch (error) {
    if (error instanceof StartLinkError) throw new UserFacingError(`Refused a start link: ${error.message}`);
    throw error;
  }
  const repositories = firebreak.repositories.all;
  if (repositories.length === 0) throw new UserFacingError('Open a folder inside a Git repository to start incidents from a link.');
  const named = link.repository;
  const choices = named === undefined ? repositories : repositories.filter((r) => r.answersTo(named));
  if (choices.length === 0) throw new UserFacingError(`Refused a start link: no workspace folder named “${named}” is in a Git repository in this window.`);
  let repository = choices.length === 1 ? choices[0] : undefined;
  if (!repository) {
    const name = await ask.repository(choices.map((r) => r.name));
    repository = choices.find((r) => r.name === name);
    if (!repository) throw new CancelledError();
  }
  const opened = repository.store;
  const runbook = (await listRunbooks(opened.root, firebreak.builtinRunbooksDir)).runbooks.find((r) => r.id === link.runbook);
  if (!runbook) throw new UserFacingError(`Refused a start link: no runbook with id “${link.runbook}” in this repository or the built-in library.`);
  const levels = await severityLevels(opened.root);
  if (link.severity !== undefined && !levels.includes(link.severity)) {
    throw new UserFacingError(`Refused a start link: severity “${link.severity}” is not one of ${levels.join(', ')}.`);
  }
  // A checked link on the first start: where incidents live is asked (once) before the link's questions.
  const store = await ensureIncidentsLocation(firebreak, opened, ask);
  const title = await ask.title(link.title);
  const severity = await ask.severity(levels, link.severity ?? runbook.severity, link.severity ? 'from the link' : 'runbook default');
  const exercise = await ask.exercise();
  const summary = { runbookTitle: runbook.title, runbookId: runbook.id, title, severity, exercise, ...(link.source ? { source: link.source } : {}) };
  if (!(await ask.confirm(summary))) throw new CancelledError();
  const result = await store.start({
    runbook: runbook.builtin ? runbook.id : runbook.file, title, severity, exercise, ...(link.source ? { fromAlert: link.source } : {}),
  });
  if (vscode.workspace.getConfiguration('firebreak').get<boolean>('dashboard.openOnStart', true)) firebreak.showDashboard(store.root, result.incidentId);
  return result;
}
