// The extension's services, composed once per window. Nothing here parses or runs Git at
// activation: the store, the parser and the service load on first use.
import path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardView } from '../shared/dashboardProtocol';
import type { IncidentState } from '../core/incident/state';
import type { ActionResult, IncidentServiceApi, RunResult, StartResult } from '../service/types';
import type { ConfirmRun } from './commands/runStepCommand';
import type { ConfirmClose } from './commands/incidentCommands';
import { registerActionCommands } from './commands/incidentCommands';
import { CancelledError } from './commands/pickers';
import { registerEvidenceCommands } from './commands/evidenceCommands';
import { registerRepositoryCommands } from './commands/repositoryCommands';
import { RunbookCodeLens, registerRunbookCommands } from './commands/runbookCommands';
import { ActionItemCodeLens, registerProposeCommands } from './commands/proposeCommands';
import { registerReviewCommands } from './commands/reviewCommands';
import { registerStartCommands } from './commands/startCommands';
import type { StartPrompts } from './commands/startPrompts';
import { BackgroundRecording } from './backgroundRecording';
import { StoreDashboardController } from './dashboard/dashboardController';
import { DashboardManager } from './dashboard/dashboardPanel';
import { IncidentStore } from './incidentStore';
import { MetricsPanel } from './metrics/metricsPanel';
import { IncidentsView, type IncidentsNode } from './incidentsView';
import { RunbookDiagnostics } from './runbookDiagnostics';
import { RunbooksView } from './runbooksView';
import { IncidentStatusBar } from './statusBar';
import { requireTrust, UserFacingError } from './trust';
import { Disposable } from './util/disposable';
import { findRepositoryRoot } from './workspaceRepositories';
import { VERSION } from '../core/version';
import { toDashboardView } from '../core/views/dashboardView';
import type { MetricsView } from '../shared/metricsProtocol';
import { renderStepDetail } from '../core/views/renderDetail';

export interface FirebreakApi {
  incidents(): Promise<{ id: string; view: DashboardView }[]>;
  /** Goes through the tree's checkbox handler, exactly as a click does. */
  checkboxChanged(node: IncidentsNode, checked: boolean): Promise<void>;
  openDashboards(): string[];
  /** The Incidents tree's top-level rows, as the view gets them. */
  incidentRows(): Promise<IncidentsNode[]>;
  /** The automatic sync's last outcome (undefined until the incidents' branch has a remote). */
  lastSync(): DashboardView['lastSync'];
  /** Git spawns refused so far in the extension host (Restricted Mode must attempt none). */
  gitSpawnsRefused(): Promise<number>;
  /** Delivers a message to an open dashboard as if its webview had posted it. */
  dashboardMessage(incidentId: string, raw: unknown): Promise<void>;
  repositoryRoot(): string | undefined;
  /**
   * Handles a start link as the URI handler does, with any of the start flow's questions answered by
   * `prompts` (the tests; code-server may not route vscode:// links). Throws when the link is refused.
   */
  openStartLink(uri: vscode.Uri, prompts?: Partial<StartPrompts>): Promise<StartResult>;
  /** The Incidents tree's row for an incident, as the tree shows it. */
  incidentTreeItem(incidentId: string): Promise<vscode.TreeItem>;
  /**
   * Test seam (not reachable from a webview): the Run Step Command flow with `confirm` in place of
   * the native modal. Undefined when `confirm` declines.
   */
  runStepWithConfirmation(incidentId: string, stepId: string, confirm: ConfirmRun): Promise<RunResult | undefined>;
  /** The view the open Metrics page last received (undefined when none is open or it has not loaded). */
  metricsDelivered(): MetricsView | undefined;
  /** Hands `raw` to the open Metrics page's host exactly as its webview would. */
  metricsMessage(raw: unknown): Promise<void>;
  /** Test seam: the Close Incident flow with `confirm` in place of the modal (it gets the completeness warning). Undefined when declined. */
  closeWithConfirmation(incidentId: string, confirm: ConfirmClose): Promise<ActionResult | undefined>;
}

export class Firebreak extends Disposable {
  private store: IncidentStore | undefined;
  readonly incidents: IncidentsView;
  readonly dashboards: DashboardManager;
  readonly metrics: MetricsPanel;
  readonly output = this.register(vscode.window.createOutputChannel('Firebreak', { log: true }));
  private readonly workspaceRoot = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  private readonly statusBar: IncidentStatusBar;
  private readonly runbooks: RunbooksView;
  private readonly diagnostics: RunbookDiagnostics;
  /** The repository's runbook folders (`.firebreak.yml`), as the Runbooks view last read them; `runbooks` until then. */
  private runbookFolders: readonly string[] = ['runbooks'];

  constructor(readonly context: vscode.ExtensionContext) {
    super();
    this.openStore();
    this.register({ dispose: () => this.closeStore() });
    // Trusting the workspace turns the read-only, git-free store into one that records.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      this.openStore();
      void this.onIncidentsChanged();
    }));
    this.incidents = this.register(new IncidentsView(() => this.store, (error) => this.report(error)));
    this.dashboards = this.register(new DashboardManager(new StoreDashboardController(() => this.store, () => this.background?.lastSync), context.extensionUri));
    this.metrics = this.register(new MetricsPanel(() => this.metricsView(), (incidentId) => vscode.commands.executeCommand('firebreak.openDashboard', incidentId), context.extensionUri));
    this.statusBar = this.register(new IncidentStatusBar(context.workspaceState));
    this.runbooks = this.register(new RunbooksView(() => this.store?.root ?? this.workspaceRoot, this.builtinRunbooksDir,
      (count, folders) => {
        this.runbookFolders = folders;
        void vscode.commands.executeCommand('setContext', 'firebreak.hasRunbooks', count > 0);
      }));
    this.diagnostics = this.register(new RunbookDiagnostics((uri) => this.isRunbook(uri)));
    this.register(vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file' }, new RunbookCodeLens((uri) => this.isRunbook(uri))));
    this.register(vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file', pattern: '**/postmortem.md' }, new ActionItemCodeLens()));
    this.registerCommands();
    void this.updateContext();
  }

  private storeListener: vscode.Disposable | undefined;
  private severities: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  /** Automatic sync and missed-SLA recording, started with the first service in a trusted workspace. */
  private background: BackgroundRecording | undefined;

  /** (Re)opens the store of the workspace's repository, read-only in Restricted Mode. */
  private openStore(): void {
    this.closeStore();
    const repositoryRoot = this.repositoryRoot();
    if (!repositoryRoot) return;
    this.store = new IncidentStore(repositoryRoot, (root) => this.createService(root), (state) => this.toView(state));
    this.storeListener = this.store.onDidChange(() => this.onIncidentsChanged());
  }

  private closeStore(): void {
    this.background?.dispose();
    this.background = undefined;
    this.storeListener?.dispose();
    this.store?.dispose();
    this.store = undefined;
  }

  /** Tree, dashboards, status bar and context keys follow every change (actions and files on disk). */
  private async onIncidentsChanged(): Promise<void> {
    this.incidents.refresh();
    void this.dashboards.refresh();
    void this.metrics.refresh();
    try {
      this.statusBar.update(this.store ? await this.store.list() : []);
    } catch (error) {
      this.report(error);
    }
    void this.updateContext();
  }

  private repositoryRoot(): string | undefined {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = findRepositoryRoot(folder.uri.fsPath);
      if (root) return root;
    }
    return undefined;
  }

  get builtinRunbooksDir(): string {
    return vscode.Uri.joinPath(this.context.extensionUri, 'runbooks').fsPath;
  }

  private async createService(root: string): Promise<IncidentServiceApi> {
    const service = await import('../service');
    // The team's severity levels (`.firebreak.yml`) for the dashboard's severity control; files only.
    const { loadConfig } = await import('../core/config');
    this.severities = (await loadConfig(root)).config.severities;
    const created = await service.createIncidentService({
      cwd: root,
      trusted: vscode.workspace.isTrusted,
      now: () => new Date(),
      builtinRunbooksDir: this.builtinRunbooksDir,
      notice: (message: string) => this.output.info(message),
      // Secrets found in typed text or command output: told before the commit (PRODUCT.md §3).
      warn: (message: string) => {
        this.output.warn(message);
        void vscode.window.showWarningMessage(`Firebreak: ${message}`);
      },
    });
    // Opening the service is the first git this window runs: background work starts only then.
    if (vscode.workspace.isTrusted) this.startBackground(created);
    return created;
  }

  private startBackground(service: IncidentServiceApi): void {
    this.background?.dispose();
    const background = new BackgroundRecording(service, (message) => this.output.warn(message));
    background.onDidChangeSync((sync) => {
      this.statusBar.updateSync(sync);
      void this.dashboards.refresh();
    });
    this.background = background;
  }

  private toView(state: IncidentState): DashboardView {
    return toDashboardView(state, { now: new Date(), severities: this.severities, canRecord: vscode.workspace.isTrusted, renderDetail: renderStepDetail });
  }

  /** Every incident of the repository, for the Metrics page (the store's cache, refreshed on change). */
  private async metricsView(): Promise<MetricsView> {
    if (!this.store) throw new UserFacingError('Open a folder inside a Git repository to see incident metrics.');
    const { toMetricsView } = await import('../core/views/metricsView');
    return toMetricsView((await this.store.list()).map((entry) => entry.state), new Date());
  }

  /** Markdown files under the repository's (or the folder's) runbook folders are runbooks. */
  private isRunbook(uri: vscode.Uri): boolean {
    const root = this.store?.root ?? this.workspaceRoot;
    if (!root || uri.scheme !== 'file' || !uri.fsPath.endsWith('.md')) return false;
    const relative = path.relative(root, uri.fsPath).split(path.sep).join('/');
    return this.runbookFolders.some((folder) => relative.startsWith(`${folder}/`));
  }

  incidentStore(): IncidentStore | undefined {
    return this.store;
  }

  /** What `activate` returns: for other extensions and the integration tests. */
  api(): FirebreakApi {
    return {
      incidents: async () => (this.store ? (await this.store.list()).map((e) => ({ id: e.summary.id, view: e.view })) : []),
      checkboxChanged: (node, checked) => this.incidents.onCheckboxes({ items: [[node, checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked]] }),
      openDashboards: () => this.dashboards.openIncidentIds,
      incidentRows: () => this.incidents.getChildren(),
      lastSync: () => this.background?.lastSync,
      gitSpawnsRefused: async () => (await import('../service')).refusedGitSpawns(),
      dashboardMessage: (incidentId, raw) => this.dashboards.deliver(incidentId, raw),
      repositoryRoot: () => this.store?.root,
      openStartLink: async (uri, prompts) => (await import('./startLink')).startFromLink(this, uri, prompts),
      incidentTreeItem: async (incidentId) => {
        await this.incidents.getChildren();
        return this.incidents.getTreeItem({ kind: 'incident', incidentId });
      },
      runStepWithConfirmation: async (incidentId, stepId, confirm) => {
        const { runStepCommand } = await import('./commands/runStepCommand');
        return runStepCommand(this.incidents, this.store, { kind: 'step', incidentId, stageId: '', stepId }, confirm);
      },
      metricsDelivered: () => this.metrics.lastDelivered,
      metricsMessage: (raw) => this.metrics.receive(raw),
      closeWithConfirmation: async (incidentId, confirm) => {
        requireTrust();
        const { closeRequest } = await import('./commands/incidentCommands');
        const store = this.store;
        if (!store) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
        try {
          return await store.apply(incidentId, await closeRequest(store, incidentId, confirm));
        } catch (error) {
          if (error instanceof CancelledError) return undefined;
          throw error;
        }
      },
    };
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'firebreak.hasGit', this.store !== undefined);
    let hasIncidents = false;
    if (this.store) {
      try {
        hasIncidents = (await this.store.list()).length > 0;
      } catch (error) {
        this.report(error);
      }
    }
    await vscode.commands.executeCommand('setContext', 'firebreak.hasIncidents', hasIncidents);
    await vscode.commands.executeCommand('setContext', 'firebreak.ready', true);
  }

  /** Runs a command body: progress in the status bar, errors as notifications, cancel is quiet. */
  readonly run = async (task: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Firebreak: recording…' }, task);
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      this.report(error);
      return undefined;
    }
  };

  report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.output.error(error instanceof Error && !(error instanceof UserFacingError) ? (error.stack ?? message) : message);
    void vscode.window.showErrorMessage(`Firebreak: ${message}`);
  }

  private registerCommands(): void {
    const register = (id: string, handler: (...args: unknown[]) => unknown) => this.register(vscode.commands.registerCommand(id, handler));
    for (const disposable of registerActionCommands(this.incidents, () => this.store, this.run)) this.register(disposable);
    for (const disposable of registerStartCommands(this)) this.register(disposable);
    for (const disposable of registerRepositoryCommands(this)) this.register(disposable);
    for (const disposable of registerEvidenceCommands(this)) this.register(disposable);
    for (const disposable of registerRunbookCommands(this, this.diagnostics)) this.register(disposable);
    for (const disposable of registerReviewCommands(this)) this.register(disposable);
    for (const disposable of registerProposeCommands(this)) this.register(disposable);
    register('firebreak.openDashboard', (arg) => this.run(async () => {
      const { pickIncident } = await import('./commands/pickers');
      const incidentId = await pickIncident(this.incidents, arg, false);
      this.dashboards.show(incidentId);
      return incidentId;
    }));
    this.register(vscode.window.registerUriHandler({
      handleUri: (uri) => void this.run(async () => (await import('./startLink')).startFromLink(this, uri)),
    }));
    register('firebreak.runStepCommand', async (arg) => {
      try {
        const { runStepCommand, confirmWithModal } = await import('./commands/runStepCommand');
        return await runStepCommand(this.incidents, this.store, arg, confirmWithModal);
      } catch (error) {
        if (!(error instanceof CancelledError)) this.report(error);
        return undefined;
      }
    });
    register('firebreak.refresh', () => {
      this.store?.invalidate();
      this.runbooks.refresh();
    });
    register('firebreak.about', async () => {
      void vscode.window.showInformationMessage(`Firebreak ${VERSION}`);
      return { version: VERSION };
    });
  }
}
