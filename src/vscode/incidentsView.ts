// The Incidents tree: incident -> stage -> step (with several repositories in the window, a row per
// repository above its incidents). Steps carry real checkboxes; a click records step.checked /
// step.unchecked through the incident's repository (one commit) and shows at once.
import * as vscode from 'vscode';
import type { StageView, StepView } from '../shared/dashboardProtocol';
import type { IncidentEntry } from './incidentStore';
import type { Repository } from './repositories';
import { Disposable } from './util/disposable';
import { elapsedMs, formatElapsed } from '../shared/elapsed';

/** `repository` is the root of the incident's repository; callers that leave it out get the one holding the id. */
export type IncidentsNode =
  | { readonly kind: 'repository'; readonly repository: string }
  | { readonly kind: 'incident'; readonly incidentId: string; readonly repository?: string }
  | { readonly kind: 'stage'; readonly incidentId: string; readonly stageId: string; readonly repository?: string }
  | { readonly kind: 'step'; readonly incidentId: string; readonly stageId: string; readonly stepId: string; readonly repository?: string };

const STEP_ICONS: Record<StepView['state'], string> = {
  open: 'circle-large-outline',
  checked: 'pass-filled',
  skipped: 'debug-step-over',
  na: 'circle-slash',
  blocked: 'debug-pause',
};

export class IncidentsView extends Disposable implements vscode.TreeDataProvider<IncidentsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<IncidentsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private entries: IncidentEntry[] = [];

  /** True while the tree shows a row per repository (several in the window). */
  private grouped = false;

  /** `view` is the tree view the activation shell created, whose data this class provides. */
  constructor(readonly repositories: () => readonly Repository[], private readonly onError: (error: unknown) => void, readonly view: vscode.TreeView<IncidentsNode>) {
    super();
    this.register(this.view.onDidChangeCheckboxState((event) => this.onCheckboxes(event)));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The incident the user is looking at: the selected row's incident, else the only open one. */
  selectedIncident(): { incidentId: string; root?: string } | undefined {
    const node = this.view.selection[0];
    if (node && node.kind !== 'repository') return { incidentId: node.incidentId, ...(node.repository !== undefined ? { root: node.repository } : {}) };
    const active = this.entries.filter((e) => e.view.incident.status === 'active');
    return active.length === 1 ? { incidentId: active[0]!.summary.id, root: active[0]!.root } : undefined;
  }

  /** The name the tree shows for a repository root. */
  repositoryName(root: string): string {
    return this.repositories().find((r) => r.root === root)?.name ?? root;
  }

  get incidents(): readonly IncidentEntry[] {
    return this.entries;
  }

  async getChildren(node?: IncidentsNode): Promise<IncidentsNode[]> {
    const repositories = this.repositories();
    if (!node) {
      this.entries = (await Promise.all(repositories.map(async (repository) => {
        try {
          return await repository.store.list();
        } catch (error) {
          this.onError(error);
          return [];
        }
      }))).flat();
      this.grouped = repositories.length > 1;
      if (this.grouped) return repositories.map((r) => ({ kind: 'repository', repository: r.root }));
      return this.entries.map((e) => ({ kind: 'incident', incidentId: e.summary.id, repository: e.root }));
    }
    if (node.kind === 'repository') {
      return this.entries.filter((e) => e.root === node.repository).map((e) => ({ kind: 'incident', incidentId: e.summary.id, repository: e.root }));
    }
    const entry = this.entry(node.incidentId, node.repository);
    if (!entry) return [];
    const repository = entry.root;
    if (node.kind === 'incident') return entry.view.stages.map((s) => ({ kind: 'stage', incidentId: node.incidentId, stageId: s.id, repository }));
    if (node.kind === 'stage') {
      const stage = entry.view.stages.find((s) => s.id === node.stageId);
      return (stage?.steps ?? []).map((step) => ({ kind: 'step', incidentId: node.incidentId, stageId: node.stageId, stepId: step.id, repository }));
    }
    return [];
  }

  getParent(node: IncidentsNode): IncidentsNode | undefined {
    if (node.kind === 'repository') return undefined;
    const repository = node.repository ?? this.entry(node.incidentId)?.root;
    const scope = repository !== undefined ? { repository } : {};
    if (node.kind === 'step') return { kind: 'stage', incidentId: node.incidentId, stageId: node.stageId, ...scope };
    if (node.kind === 'stage') return { kind: 'incident', incidentId: node.incidentId, ...scope };
    return this.grouped && repository !== undefined ? { kind: 'repository', repository } : undefined;
  }

  getTreeItem(node: IncidentsNode): vscode.TreeItem {
    if (node.kind === 'repository') return this.repositoryItem(node.repository);
    const entry = this.entry(node.incidentId, node.repository);
    if (!entry) return new vscode.TreeItem(node.incidentId);
    if (node.kind === 'incident') return this.incidentItem(entry);
    const stage = entry.view.stages.find((s) => s.id === node.stageId);
    if (!stage) return new vscode.TreeItem(node.stageId);
    const item = node.kind === 'stage' ? this.stageItem(entry, stage) : this.stepTreeItem(entry, stage, node.stepId);
    return entry.view.incident.status === 'closed' ? readOnlyWhenClosed(item) : item;
  }

  private stepTreeItem(entry: IncidentEntry, stage: StageView, stepId: string): vscode.TreeItem {
    const step = stage.steps.find((s) => s.id === stepId);
    return step ? this.stepItem(entry, stage, step) : new vscode.TreeItem(stepId);
  }

  private entry(incidentId: string, root?: string): IncidentEntry | undefined {
    return this.entries.find((e) => e.summary.id === incidentId && (root === undefined || e.root === root));
  }

  /** Tree item ids: as they always were with one repository, scoped by the repository with several (ids can repeat). */
  private scope(entry: IncidentEntry): string {
    return this.grouped ? `${entry.root}#` : '';
  }

  private repositoryItem(root: string): vscode.TreeItem {
    const count = this.entries.filter((e) => e.root === root).length;
    const item = new vscode.TreeItem(this.repositoryName(root), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `repository:${root}`;
    item.description = `${count} incident${count === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon('repo');
    item.contextValue = 'repository';
    item.tooltip = root;
    return item;
  }

  private incidentItem(entry: IncidentEntry): vscode.TreeItem {
    const { incident, stages } = entry.view;
    const done = stages.reduce((n, s) => n + s.done, 0);
    const total = stages.reduce((n, s) => n + s.total, 0);
    const item = new vscode.TreeItem(incident.title, incident.status === 'active' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `incident:${this.scope(entry)}${incident.id}`;
    const missed = entry.view.sla.some((s) => s.state === 'missed');
    const parts = [incident.severity, incident.status === 'closed' ? 'closed' : incident.stageTitle, `${done}/${total}`];
    if (incident.status === 'active') parts.push(elapsedLabel(incident.openedAt, new Date()));
    if (missed) parts.push('SLA missed');
    item.description = `${incident.exercise ? 'EXERCISE · ' : ''}${parts.join(' · ')}`;
    item.iconPath = new vscode.ThemeIcon(incident.status === 'closed' ? 'pass' : incident.exercise ? 'beaker' : 'flame',
      missed ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined);
    item.contextValue = incident.status === 'closed' ? 'incident-closed' : 'incident-active';
    item.tooltip = new vscode.MarkdownString(`**${escapeMd(incident.title)}**\n\n${incident.id} · ${incident.severity} · opened ${incident.openedAt}\n\nRunbook: ${escapeMd(incident.runbookTitle)}`);
    item.command = { command: 'firebreak.openDashboard', title: 'Open Dashboard', arguments: [this.grouped ? { kind: 'incident', incidentId: incident.id, repository: entry.root } : incident.id] };
    return item;
  }

  private stageItem(entry: IncidentEntry, stage: StageView): vscode.TreeItem {
    const item = new vscode.TreeItem(stage.title, stage.state === 'current' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `stage:${this.scope(entry)}${entry.summary.id}:${stage.id}`;
    item.description = `${stage.done}/${stage.total}${stage.state === 'current' ? ' · current' : stage.state === 'done' ? ' · done' : ''}`;
    item.iconPath = new vscode.ThemeIcon(stage.state === 'done' ? 'check-all' : stage.state === 'current' ? 'arrow-circle-right' : 'circle-outline');
    item.contextValue = `stage-${stage.state}`;
    return item;
  }

  private stepItem(entry: IncidentEntry, stage: StageView, step: StepView): vscode.TreeItem {
    const pending = this.repositories().find((r) => r.root === entry.root)?.store.pendingCheck(entry.summary.id, step.id);
    const checked = pending ?? step.state === 'checked';
    const item = new vscode.TreeItem(step.text, vscode.TreeItemCollapsibleState.None);
    item.id = `step:${this.scope(entry)}${entry.summary.id}:${stage.id}:${step.id}`;
    item.checkboxState = {
      state: checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: checked ? 'Uncheck this step (recorded as a commit)' : 'Check this step (recorded as a commit)',
      accessibilityInformation: { label: `${checked ? 'Checked' : 'Not checked'}: ${step.text}` },
    };
    const tags = [step.required ? 'required' : '', step.role ?? '', step.runnable ? 'command' : '', step.claimedBy ? `claimed by ${step.claimedBy}` : '',
      step.state !== 'open' && step.state !== 'checked' ? step.state : '', pending !== undefined ? 'saving…' : ''].filter(Boolean);
    item.description = tags.join(' · ');
    if (step.state !== 'open' && step.state !== 'checked') item.iconPath = new vscode.ThemeIcon(STEP_ICONS[step.state]);
    // `-runnable` lets the Run Step Command action show only on steps with a command.
    item.contextValue = `step-${step.state}${step.runnable ? '-runnable' : ''}`;
    const who = step.by ? `\n\n${step.state} by ${step.by} at ${step.at}` : '';
    // Untrusted Markdown (no command links, no HTML): the runbook's detail is shown as written.
    const detail = step.detail ? `\n\n---\n\n${step.detail}` : '';
    item.tooltip = new vscode.MarkdownString(`${escapeMd(step.text)}${step.required ? '\n\n*Required*' : ''}${step.role ? `\n\nRole: ${escapeMd(step.role)}` : ''}${step.reason ? `\n\nReason: ${escapeMd(step.reason)}` : ''}${step.lastRun ? `\n\nCommand: ${escapeMd(step.lastRun)}` : ''}${who}${detail}`);
    item.tooltip.isTrusted = false;
    item.tooltip.supportHtml = false;
    return item;
  }

  /** The tree's checkbox event: each changed step is recorded, in order, one commit each. */
  async onCheckboxes(event: Pick<vscode.TreeCheckboxChangeEvent<IncidentsNode>, 'items'>): Promise<void> {
    for (const [node, state] of event.items) {
      if (node.kind !== 'step') continue;
      const checked = state === vscode.TreeItemCheckboxState.Checked;
      try {
        await vscode.commands.executeCommand(checked ? 'firebreak.checkStep' : 'firebreak.uncheckStep', node);
      } catch (error) {
        this.onError(error);
      }
    }
    // A refused or failed action must not leave the checkbox showing a state that was not recorded.
    this.refresh();
  }
}

/**
 * A closed incident's stages and steps: the record refuses their actions until a reopen, so the
 * checkbox becomes an icon and the context value (prefixed `closed-`) matches no step or stage menu.
 */
function readOnlyWhenClosed(item: vscode.TreeItem): vscode.TreeItem {
  if (item.checkboxState !== undefined) {
    const checked = typeof item.checkboxState === 'object' && item.checkboxState.state === vscode.TreeItemCheckboxState.Checked;
    item.iconPath ??= new vscode.ThemeIcon(checked ? 'pass' : 'circle-large-outline');
    item.checkboxState = undefined;
  }
  if (item.contextValue !== undefined) item.contextValue = `closed-${item.contextValue}`;
  return item;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

/** Elapsed time for rows refreshed every half minute: hours and minutes. */
export function elapsedLabel(openedAt: string, now: Date): string {
  const ms = elapsedMs(openedAt, undefined, now.getTime());
  return ms === undefined ? '—' : formatElapsed(ms, { seconds: false });
}
