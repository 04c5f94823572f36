// The extension's services, composed once per window when the activation shell
// (src/vscode/activation/shell.ts) first needs them: it owns the tree views, the command ids, the
// serializers, the URI handler and the CodeLens registrations and forwards to what is here. The
// stores (one per repository of the workspace's folders), the parser and the services load later
// still, on first use.
import path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardView } from '../shared/dashboardProtocol';
import type { IncidentState } from '../core/incident/state';
import type { ActionResult, IncidentServiceApi, RunResult, StartResult } from '../service/types';
import type { ConfirmRun } from './commands/runStepCommand';
import type { ConfirmClose } from './commands/incidentCommands';
import { registerActionCommands } from './commands/incidentCommands';
import { CancelledError, resolveIncident } from './commands/pickers';
import { registerEvidenceCommands, withEvidencePrompts, type EvidencePrompts } from './commands/evidenceCommands';
import { registerRepositoryCommands } from './commands/repositoryCommands';
import { RunbookCodeLens, registerRunbookCommands } from './commands/runbookCommands';
import { ActionItemCodeLens, registerProposeCommands } from './commands/proposeCommands';
import { registerReviewCommands } from './commands/reviewCommands';
import { registerCommand } from './activation/commandHandlers';
import { registerStartCommands } from './commands/startCommands';
import type { StartPrompts } from './commands/startPrompts';
import { BackgroundRecording } from './backgroundRecording';
import { StoreDashboardController } from './dashboard/dashboardController';
import { DashboardManager } from './dashboard/dashboardPanel';
import { IncidentStore } from './incidentStore';
import { MetricsPanel } from './metrics/metricsPanel';
import { IncidentsView, type IncidentsNode } from './incidentsView';
import { RunbookDiagnostics } from './runbookDiagnostics';
import { RunbooksView, type RunbookNode } from './runbooksView';
import { IncidentStatusBar } from './statusBar';
import { requireTrust, UserFacingError } from './trust';
import { Disposable } from './util/disposable';
import { dashboardKey, Repositories, type Repository } from './repositories';
import { VERSION } from '../core/version';
import { toDashboardView } from '../core/views/dashboardView';
import type { MetricsView } from '../shared/metricsProtocol';
import { renderStepDetail } from '../core/views/renderDetail';

export interface FirebreakApi {
  /** Every incident of every repository in the window; `root` is its repository's. */
  incidents(): Promise<{ id: string; view: DashboardView; root: string }[]>;
  /** Goes through the tree's checkbox handler, exactly as a click does. */
  checkboxChanged(node: IncidentsNode, checked: boolean): Promise<void>;
  openDashboards(): string[];
  /** The Incidents tree's top-level rows, as the view gets them. */
  incidentRows(): Promise<IncidentsNode[]>;
  /** The automatic sync's last outcome in the first repository (undefined until the incidents' branch has a remote). */
  lastSync(): DashboardView['lastSync'];
  /** Git spawns refused so far in the extension host (Restricted Mode must attempt none). */
  gitSpawnsRefused(): Promise<number>;
  /** Delivers a message to an open dashboard as if its webview had posted it. */
  dashboardMessage(incidentId: string, raw: unknown): Promise<void>;
  /** The first repository's root (the only one in a single-repository window). */
  repositoryRoot(): string | undefined;
  /** Every repository the window's folders are in, in workspace order, deduplicated. */
  repositoryRoots(): string[];
  /** The Incidents tree's rows under `node` (a repository row, an incident, a stage), its parent and its item. */
  incidentChildren(node: IncidentsNode): Promise<IncidentsNode[]>;
  incidentParent(node: IncidentsNode): IncidentsNode | undefined;
  incidentNodeItem(node: IncidentsNode): vscode.TreeItem;
  /** The Runbooks tree as shown: each group's label and icon, and its runbooks' ids. */
  runbookGroups(): Promise<{ label: string; icon: string; runbooks: string[] }[]>;
  /**
   * Handles a start link as the URI handler does, with any of the start flow's questions answered by
   * `prompts` (the tests; code-server may not route vscode:// links). Throws when the link is refused.
   */
  openStartLink(uri: vscode.Uri, prompts?: Partial<StartPrompts>): Promise<StartResult>;
  /** The Incidents tree's row for an incident (of the repository at `root`, if given), as the tree shows it. */
  incidentTreeItem(incidentId: string, root?: string): Promise<vscode.TreeItem>;
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
  /**
   * Test seam (not reachable from a webview): runs `run` — which invokes Attach Evidence the way the
   * Explorer does, or delivers a dashboard message — with `prompts` in place of its native UI.
   */
  withEvidencePrompts<T>(prompts: Partial<EvidencePrompts>, run: () => PromiseLike<T>): Promise<T>;
  /** The status bar item's text and accessible label as shown (undefined while it is hidden). */
  statusBarItem(): { text: string; label: string | undefined } | undefined;
}

/** What the activation shell made before the implementation loaded: the tree views it provides data to. */
export interface ShellViews {
  readonly incidents: vscode.TreeView<IncidentsNode>;
  readonly runbooks: vscode.TreeView<RunbookNode>;
}

export class Firebreak extends Disposable {
  /** One incident store per Git repository of the workspace's folders, opened lazily. */
  readonly repositories: Repositories;
  readonly incidents: IncidentsView;
  readonly dashboards: DashboardManager;
  readonly metrics: MetricsPanel;
  readonly output = this.register(vscode.window.createOutputChannel('Firebreak', { log: true }));
  private readonly workspaceRoot = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  private readonly statusBar: IncidentStatusBar;
  readonly runbooks: RunbooksView;
  /** Provided to VS Code by the activation shell, like the webview serializers and the URI handler. */
  readonly runbookCodeLens = new RunbookCodeLens((uri) => this.isRunbook(uri));
  readonly actionItemCodeLens = new ActionItemCodeLens();
  private readonly diagnostics: RunbookDiagnostics;
  /** Each repository's runbook folders (`.firebreak.yml`), as the Runbooks view last read them; `runbooks` until then. */
  private runbookFolders: ReadonlyMap<string, readonly string[]> = new Map();

  constructor(readonly context: vscode.ExtensionContext, views: ShellViews) {
    super();
    this.repositories = this.register(new Repositories((repository) => this.openStore(repository)));
    this.repositories.update();
    // Trusting the workspace turns the read-only, git-free stores into ones that record.
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.repositories.update(true)));
    // Adding or removing a folder opens or closes its repository's store.
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.repositories.update()));
    this.incidents = this.register(new IncidentsView(() => this.repositories.all, (error) => this.report(error), views.incidents));
    this.dashboards = this.register(new DashboardManager(new StoreDashboardController(() => this.repositories.all, (root) => this.repositories.byRoot(root)?.background?.lastSync), context.extensionUri));
    this.metrics = this.register(new MetricsPanel(() => this.metricsView(), (incidentId) => vscode.commands.executeCommand('firebreak.openDashboard', incidentId), context.extensionUri));
    this.statusBar = this.register(new IncidentStatusBar(context.workspaceState));
    this.runbooks = this.register(new RunbooksView(() => this.runbookRoots(), this.builtinRunbooksDir,
      (count, folders) => {
        this.runbookFolders = folders;
        void vscode.commands.executeCommand('setContext', 'firebreak.hasRunbooks', count > 0);
      }));
    this.diagnostics = this.register(new RunbookDiagnostics((uri) => this.isRunbook(uri)));
    // Every view follows repositories opened and closed.
    this.register(this.repositories.onDidChange(() => {
      this.runbooks.refresh();
      void this.onIncidentsChanged();
    }));
    this.registerCommands();
    // The repositories opened above before anything listened: the status bar shows an active
    // incident at once (a reopened window), not only after the next change.
    void this.updateStatusBar();
    void this.updateContext();
  }

  /** A repository's store, read-only in Restricted Mode; its changes refresh every view. */
  private openStore(repository: Repository): IncidentStore {
    const store = new IncidentStore(repository.root, () => this.createService(repository), (state) => this.toView(state, repository));
    // The listener goes with the store's emitter when the store is disposed.
    store.onDidChange(() => this.onIncidentsChanged());
    return store;
  }

  /** Tree, dashboards, status bar and context keys follow every change (actions and files on disk). */
  private async onIncidentsChanged(): Promise<void> {
    this.incidents.refresh();
    void this.dashboards.refresh();
    void this.metrics.refresh();
    await this.updateStatusBar();
    void this.updateContext();
  }

  private async updateStatusBar(): Promise<void> {
    try {
      // The status bar shows the active incident with the latest activity, and its repository's sync.
      const entries = (await this.repositories.incidents()).sort((a, b) => (b.state.latestAt ?? '').localeCompare(a.state.latestAt ?? ''));
      const shown = entries.find((e) => e.view.incident.status === 'active');
      this.statusBar.updateSync(shown ? this.repositories.byRoot(shown.root)?.background?.lastSync : undefined);
      this.statusBar.update(entries);
    } catch (error) {
      this.report(error);
    }
  }

  /** Where the Runbooks view reads runbooks: each repository, else the first folder (no repository yet). */
  private runbookRoots(): { root: string; name: string }[] {
    if (this.repositories.all.length > 0) return this.repositories.all.map((r) => ({ root: r.root, name: r.name }));
    return this.workspaceRoot !== undefined ? [{ root: this.workspaceRoot, name: path.basename(this.workspaceRoot) }] : [];
  }

  get builtinRunbooksDir(): string {
    return vscode.Uri.joinPath(this.context.extensionUri, 'runbooks').fsPath;
  }

  private async createService(repository: Repository): Promise<IncidentServiceApi> {
    const root = repository.root;
    const service = await import('../service');
    // The team's severity levels (`.firebreak.yml`) for the dashboard's severity control; files only.
    const { loadConfig } = await import('../core/config');
    repository.severities = (await loadConfig(root)).config.severities;
    const created = await service.createIncidentService({
      // Step commands run here: the (first) workspace folder, which may sit below the repository's root.
      cwd: repository.folders[0] ?? root,
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
    // Opening a service is the first git its repository runs: background work starts only then.
    if (vscode.workspace.isTrusted && !repository.closed) this.startBackground(repository, created);
    return created;
  }

  private startBackground(repository: Repository, service: IncidentServiceApi): void {
    repository.background?.dispose();
    const background = new BackgroundRecording(service, (message) => this.output.warn(`${repository.name}: ${message}`));
    background.onDidChangeSync(() => {
      void this.updateStatusBar();
      void this.dashboards.refresh();
    });
    repository.background = background;
  }

  private toView(state: IncidentState, repository: Repository): DashboardView {
    return toDashboardView(state, { now: new Date(), severities: repository.severities, canRecord: vscode.workspace.isTrusted, renderDetail: renderStepDetail });
  }

  /** Every incident of every repository, for the Metrics page (the stores' caches, refreshed on change). */
  private async metricsView(): Promise<MetricsView> {
    const repositories = this.repositories.all;
    if (repositories.length === 0) throw new UserFacingError('Open a folder inside a Git repository to see incident metrics.');
    const { toMetricsView } = await import('../core/views/metricsView');
    const entries = await this.repositories.incidents();
    // With several repositories each incident says which one it is in.
    const names = new Map(entries.map((entry) => [entry.state, this.repositories.byRoot(entry.root)?.name] as const));
    return toMetricsView(entries.map((entry) => entry.state), new Date(), repositories.length > 1 ? (state) => names.get(state) : undefined);
  }

  /** Markdown files under a repository's (or the folder's) runbook folders are runbooks. */
  private isRunbook(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.md')) return false;
    return this.runbookRoots().some(({ root }) => {
      const relative = path.relative(root, uri.fsPath).split(path.sep).join('/');
      return (this.runbookFolders.get(root) ?? ['runbooks']).some((folder) => relative.startsWith(`${folder}/`));
    });
  }

  /** A `vscode://` start link, from the URI handler the activation shell registered. */
  handleUri(uri: vscode.Uri): void {
    void this.run(async () => (await import('./startLink')).startFromLink(this, uri));
  }

  /** The first repository's store (the only one in a single-repository window); commands resolve an incident's own. */
  incidentStore(): IncidentStore | undefined {
    return this.repositories.all[0]?.store;
  }

  /** Opens (or reveals) the dashboard of an incident of the repository at `root`. */
  showDashboard(root: string, incidentId: string): void {
    this.dashboards.show(dashboardKey(root, incidentId, this.repositories.all.length > 1));
  }

  /** Reopens the store after the first start wrote `.firebreak.yml` (the service reads it once, when it opens). */
  reopenStore(root: string): IncidentStore | undefined {
    return this.repositories.reopen(root)?.store;
  }

  /** What `activate` returns: for other extensions and the integration tests. */
  api(): FirebreakApi {
    return {
      incidents: async () => (await this.repositories.incidents()).map((e) => ({ id: e.summary.id, view: e.view, root: e.root })),
      checkboxChanged: (node, checked) => this.incidents.onCheckboxes({ items: [[node, checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked]] }),
      openDashboards: () => this.dashboards.openIncidentIds,
      incidentRows: () => this.incidents.getChildren(),
      lastSync: () => this.repositories.all[0]?.background?.lastSync,
      gitSpawnsRefused: async () => (await import('../service')).refusedGitSpawns(),
      dashboardMessage: (incidentId, raw) => this.dashboards.deliver(incidentId, raw),
      repositoryRoot: () => this.repositories.all[0]?.root,
      repositoryRoots: () => this.repositories.all.map((r) => r.root),
      incidentChildren: (node) => this.incidents.getChildren(node),
      incidentParent: (node) => this.incidents.getParent(node),
      incidentNodeItem: (node) => this.incidents.getTreeItem(node),
      runbookGroups: async () => Promise.all((await this.runbooks.getChildren()).map(async (group) => {
        const item = this.runbooks.getTreeItem(group);
        return {
          label: String(item.label),
          icon: (item.iconPath as vscode.ThemeIcon).id,
          runbooks: (await this.runbooks.getChildren(group)).map((runbook) => runbook.id ?? ''),
        };
      })),
      openStartLink: async (uri, prompts) => (await import('./startLink')).startFromLink(this, uri, prompts),
      incidentTreeItem: async (incidentId, root) => {
        await this.incidents.getChildren();
        return this.incidents.getTreeItem({ kind: 'incident', incidentId, ...(root !== undefined ? { repository: root } : {}) });
      },
      runStepWithConfirmation: async (incidentId, stepId, confirm) => {
        const { runStepCommand } = await import('./commands/runStepCommand');
        return runStepCommand(this.incidents, { kind: 'step', incidentId, stageId: '', stepId }, confirm);
      },
      withEvidencePrompts,
      statusBarItem: () => this.statusBar.shown,
      metricsDelivered: () => this.metrics.lastDelivered,
      metricsMessage: (raw) => this.metrics.receive(raw),
      closeWithConfirmation: async (incidentId, confirm) => {
        requireTrust();
        const { closeRequest } = await import('./commands/incidentCommands');
        const { store } = await resolveIncident(this.repositories.all, incidentId);
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
    const repositories = this.repositories.all;
    await vscode.commands.executeCommand('setContext', 'firebreak.hasGit', repositories.length > 0);
    let hasIncidents = false;
    try {
      hasIncidents = (await this.repositories.incidents()).length > 0;
    } catch (error) {
      this.report(error);
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
    const register = (id: string, handler: (...args: unknown[]) => unknown) => this.register(registerCommand(id, handler));
    for (const disposable of registerActionCommands(this.incidents, this.run)) this.register(disposable);
    for (const disposable of registerStartCommands(this)) this.register(disposable);
    for (const disposable of registerRepositoryCommands(this)) this.register(disposable);
    for (const disposable of registerEvidenceCommands(this)) this.register(disposable);
    for (const disposable of registerRunbookCommands(this, this.diagnostics)) this.register(disposable);
    for (const disposable of registerReviewCommands(this)) this.register(disposable);
    for (const disposable of registerProposeCommands(this)) this.register(disposable);
    register('firebreak.openDashboard', (arg) => this.run(async () => {
      const { pickIncident } = await import('./commands/pickers');
      const { store, incidentId } = await pickIncident(this.incidents, arg, false);
      this.showDashboard(store.root, incidentId);
      return incidentId;
    }));
    register('firebreak.runStepCommand', async (arg) => {
      try {
        const { runStepCommand, confirmWithModal } = await import('./commands/runStepCommand');
        return await runStepCommand(this.incidents, arg, confirmWithModal);
      } catch (error) {
        if (!(error instanceof CancelledError)) this.report(error);
        return undefined;
      }
    });
    register('firebreak.refresh', () => {
      for (const repository of this.repositories.all) repository.store.invalidate();
      this.runbooks.refresh();
    });
    register('firebreak.about', async () => {
      void vscode.window.showInformationMessage(`Firebreak ${VERSION}`);
      return { version: VERSION };
    });
  }
}
