// Small native pickers shared by the commands: which incident, which step, free text.
import * as vscode from 'vscode';
import type { IncidentsNode, IncidentsView } from '../incidentsView';
import type { IncidentStore } from '../incidentStore';
import type { Repository } from '../repositories';
import type { StepView } from '../../shared/dashboardProtocol';
import { UserFacingError } from '../trust';

/** An incident and the repository (store) that records it: ids can repeat in two repositories. */
export interface IncidentRef {
  readonly store: IncidentStore;
  readonly incidentId: string;
}

/** The incident a command acts on: its argument, the tree selection, else a quick pick (across repositories). */
export async function pickIncident(view: IncidentsView, arg: unknown, activeOnly = true): Promise<IncidentRef> {
  const given = incidentArgument(arg);
  if (given !== undefined) return resolveIncident(view.repositories(), given.incidentId, given.root);
  const selected = view.selectedIncident();
  if (selected) return resolveIncident(view.repositories(), selected.incidentId, selected.root);
  const candidates = view.incidents.filter((e) => !activeOnly || e.view.incident.status === 'active');
  if (candidates.length === 0) throw new UserFacingError(activeOnly ? 'No active incident. Start one with “Firebreak: Start Incident…”.' : 'No incident yet.');
  const several = view.repositories().length > 1;
  const pick = candidates.length === 1 ? { entry: candidates[0]! } : await vscode.window.showQuickPick(candidates.map((e) => ({
    label: e.view.incident.title,
    description: `${e.view.incident.severity} · ${e.view.incident.stageTitle}${several ? ` · ${view.repositoryName(e.root)}` : ''}`,
    detail: e.summary.id,
    entry: e,
  })), { placeHolder: 'Which incident?', matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return resolveIncident(view.repositories(), pick.entry.summary.id, pick.entry.root);
}

/**
 * The repository of an incident: the one `root` names, the only one, else the ones that hold the
 * id (asking when the id is in several).
 */
export async function resolveIncident(repositories: readonly Repository[], incidentId: string, root?: string): Promise<IncidentRef> {
  if (repositories.length === 0) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
  if (root !== undefined) {
    const named = repositories.find((r) => r.root === root);
    if (!named) throw new UserFacingError(`The repository ${root} is no longer open in this window.`);
    return { store: named.store, incidentId };
  }
  if (repositories.length === 1) return { store: repositories[0]!.store, incidentId };
  const holding = (await Promise.all(repositories.map(async (r) => ((await r.store.get(incidentId)) ? r : undefined)))).filter((r) => r !== undefined);
  if (holding.length === 0) throw new UserFacingError(`No incident ${incidentId} in this window's repositories.`);
  const repository = holding.length === 1 ? holding[0]! : await pickRepository(holding, `Incident ${incidentId} is in several repositories: which one?`);
  return { store: repository.store, incidentId };
}

/** The repository a command works in: the only one, else a quick pick. */
export async function pickRepository(repositories: readonly Repository[], placeHolder = 'In which repository?'): Promise<Repository> {
  if (repositories.length === 0) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
  if (repositories.length === 1) return repositories[0]!;
  const pick = await vscode.window.showQuickPick(repositories.map((r) => ({ label: `$(repo) ${r.name}`, description: r.root, repository: r })), { placeHolder });
  if (!pick) throw new CancelledError();
  return pick.repository;
}

/** The incident a command was invoked on (an id, a tree node, or a request naming one), if any. */
export function incidentArgument(arg: unknown): { incidentId: string; root?: string } | undefined {
  if (typeof arg === 'string') return { incidentId: arg };
  if (typeof arg !== 'object' || arg === null || typeof (arg as { incidentId?: unknown }).incidentId !== 'string') return undefined;
  const { incidentId, repository } = arg as { incidentId: string; repository?: unknown };
  return typeof repository === 'string' ? { incidentId, root: repository } : { incidentId };
}

/** The step a command acts on: its tree node, else a quick pick of the incident's steps. */
export async function pickStep(view: IncidentsView, arg: unknown, filter: (state: string, step?: StepView) => boolean = () => true): Promise<IncidentRef & { stepId: string }> {
  if (isNode(arg) && arg.kind === 'step') return { ...await resolveIncident(view.repositories(), arg.incidentId, arg.repository), stepId: arg.stepId };
  const ref = await pickIncident(view, arg);
  const entry = await ref.store.get(ref.incidentId);
  const items = (entry?.view.stages ?? []).flatMap((stage) => stage.steps.filter((s) => filter(s.state, s)).map((step) => ({
    label: step.text,
    description: `${stage.title}${step.required ? ' · required' : ''}`,
    id: step.id,
  })));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Which step?', matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return { ...ref, stepId: pick.id };
}

export async function askText(prompt: string, options: { value?: string; placeHolder?: string; optional?: boolean } = {}): Promise<string> {
  const text = await vscode.window.showInputBox({
    prompt,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.placeHolder !== undefined ? { placeHolder: options.placeHolder } : {}),
    ignoreFocusOut: true,
    validateInput: (value) => (options.optional || value.trim() ? undefined : 'Required'),
  });
  if (text === undefined) throw new CancelledError();
  return text;
}

export async function pickOne<T extends string>(placeHolder: string, options: readonly T[]): Promise<T> {
  const pick = await vscode.window.showQuickPick([...options], { placeHolder });
  if (!pick) throw new CancelledError();
  return pick as T;
}

/** The user dismissed a picker: the command ends quietly. */
export class CancelledError extends Error {}

function isNode(arg: unknown): arg is Exclude<IncidentsNode, { kind: 'repository' }> {
  return typeof arg === 'object' && arg !== null && 'incidentId' in arg && 'kind' in arg;
}
