// The incidents of one repository as the UI sees them: summaries and dashboard views built from
// events through the incident service, cached until the files change on disk (file watching
// covers other windows, the CLI and `git pull`). Every action goes through the same service as
// the CLI, one commit each.
import * as vscode from 'vscode';
import type { DashboardView } from '../shared/dashboardProtocol';
import type { ActionRequest, ActionResult, IncidentServiceApi, IncidentSummary, StartRequest, StartResult } from '../service/types';
import type { IncidentState } from '../core/incident/state';
import { Disposable } from './util/disposable';

export type ServiceFactory = (root: string) => Promise<IncidentServiceApi>;

export interface IncidentEntry {
  /** The root of the repository that records it. */
  readonly root: string;
  readonly summary: IncidentSummary;
  /** The reduced record the view was built from (the metrics read it across incidents). */
  readonly state: IncidentState;
  readonly view: DashboardView;
}

export class IncidentStore extends Disposable {
  private servicePromise: Promise<IncidentServiceApi> | undefined;
  private entries: Promise<IncidentEntry[]> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when incidents changed (on disk or through an action). */
  readonly onDidChange = this.changed.event;
  /** Optimistic step states shown while their commit lands: incident/step -> checked. */
  private readonly pending = new Map<string, boolean>();

  constructor(
    readonly root: string,
    private readonly createService: ServiceFactory,
    private readonly buildView: (state: IncidentState) => DashboardView,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/events.jsonl')));
    const invalidate = () => this.invalidate();
    this.register(watcher.onDidChange(invalidate));
    this.register(watcher.onDidCreate(invalidate));
    this.register(watcher.onDidDelete(invalidate));
  }

  invalidate(): void {
    this.entries = undefined;
    this.changed.fire();
  }

  private getService(): Promise<IncidentServiceApi> {
    this.servicePromise ??= this.createService(this.root);
    return this.servicePromise;
  }

  /** Every incident of the repository, newest first. */
  list(): Promise<IncidentEntry[]> {
    this.entries ??= this.load();
    return this.entries;
  }

  async get(incidentId: string): Promise<IncidentEntry | undefined> {
    return (await this.list()).find((e) => e.summary.id === incidentId);
  }

  pendingCheck(incidentId: string, stepId: string): boolean | undefined {
    return this.pending.get(`${incidentId}/${stepId}`);
  }

  private async load(): Promise<IncidentEntry[]> {
    const service = await this.getService();
    const summaries = await service.list();
    const entries = await Promise.all(summaries.map(async (summary) => {
      const state = (await service.state(summary.id)) as IncidentState;
      return { root: this.root, summary, state, view: this.buildView(state) };
    }));
    return entries.sort((a, b) => b.summary.openedAt.localeCompare(a.summary.openedAt));
  }

  async start(request: StartRequest): Promise<StartResult> {
    const result = await (await this.getService()).start(request);
    this.invalidate();
    return result;
  }

  /** Records one action; a checkbox shows its new state at once while the commit lands. */
  async apply(incidentId: string, request: ActionRequest): Promise<ActionResult> {
    const key = request.kind === 'check' || request.kind === 'uncheck' ? `${incidentId}/${request.step}` : undefined;
    if (key) {
      this.pending.set(key, request.kind === 'check');
      this.changed.fire();
    }
    try {
      return await (await this.getService()).apply(incidentId, request);
    } finally {
      if (key) this.pending.delete(key);
      this.invalidate();
    }
  }

  service(): Promise<IncidentServiceApi> {
    return this.getService();
  }

  override dispose(): void {
    super.dispose();
    // The read-only service refuses git while it is open: release it with the store.
    void this.servicePromise?.then((service) => service.dispose?.(), () => undefined);
  }
}
