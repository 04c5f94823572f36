// Small native pickers shared by the commands: which incident, which step, free text.
import * as vscode from 'vscode';
import type { IncidentsNode, IncidentsView } from '../incidentsView';
import type { StepView } from '../../shared/dashboardProtocol';
import { UserFacingError } from '../trust';

/** The incident a command acts on: its argument, the tree selection, else a quick pick. */
export async function pickIncident(view: IncidentsView, arg: unknown, activeOnly = true): Promise<string> {
  const given = incidentArgument(arg);
  if (given !== undefined) return given;
  const selected = view.selectedIncidentId();
  if (selected) return selected;
  const candidates = view.incidents.filter((e) => !activeOnly || e.view.incident.status === 'active');
  if (candidates.length === 0) throw new UserFacingError(activeOnly ? 'No active incident. Start one with “Firebreak: Start Incident…”.' : 'No incident yet.');
  if (candidates.length === 1) return candidates[0]!.summary.id;
  const pick = await vscode.window.showQuickPick(candidates.map((e) => ({
    label: e.view.incident.title,
    description: `${e.view.incident.severity} · ${e.view.incident.stageTitle}`,
    detail: e.summary.id,
    id: e.summary.id,
  })), { placeHolder: 'Which incident?' });
  if (!pick) throw new CancelledError();
  return pick.id;
}

/** The incident a command was invoked on (an id, or a tree node), if any. */
export function incidentArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  return isNode(arg) ? arg.incidentId : undefined;
}

/** The step a command acts on: its tree node, else a quick pick of the incident's steps. */
export async function pickStep(view: IncidentsView, arg: unknown, filter: (state: string, step?: StepView) => boolean = () => true): Promise<{ incidentId: string; stepId: string }> {
  if (isNode(arg) && arg.kind === 'step') return { incidentId: arg.incidentId, stepId: arg.stepId };
  const incidentId = await pickIncident(view, arg);
  const entry = view.incidents.find((e) => e.summary.id === incidentId);
  const items = (entry?.view.stages ?? []).flatMap((stage) => stage.steps.filter((s) => filter(s.state, s)).map((step) => ({
    label: step.text,
    description: `${stage.title}${step.required ? ' · required' : ''}`,
    id: step.id,
  })));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Which step?', matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return { incidentId, stepId: pick.id };
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

function isNode(arg: unknown): arg is IncidentsNode {
  return typeof arg === 'object' && arg !== null && 'incidentId' in arg && 'kind' in arg;
}
