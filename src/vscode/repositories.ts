// The window's Git repositories, one incident store each (multi-root: one repository per workspace
// folder; two folders of one repository share it). Finding them reads the disk only; each store
// opens its service (the first git) on first use. Follows folders as they are added and removed.
import path from 'node:path';
import * as vscode from 'vscode';
import type { BackgroundRecording } from './backgroundRecording';
import type { IncidentEntry, IncidentStore } from './incidentStore';
import { Disposable } from './util/disposable';
import { workspaceRepositories } from './workspaceRepositories';

export class Repository extends Disposable {
  /** Automatic sync and missed-SLA recording, started with this repository's service in a trusted workspace. */
  background: BackgroundRecording | undefined;
  /** The team's severity levels (`.firebreak.yml`), read when the service opens. */
  severities: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  readonly store: IncidentStore;

  constructor(readonly root: string, public name: string, public folders: readonly string[], open: (repository: Repository) => IncidentStore) {
    super();
    this.store = this.register(open(this));
    // Disposed in reverse: background work stops before its store closes.
    this.register({ dispose: () => this.background?.dispose() });
  }

  get closed(): boolean {
    return this.isDisposed;
  }

  /** True for a file inside this repository's working tree. */
  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** The repository a start link's `repository=` names: its name or the name of one of its folders. */
  answersTo(folderName: string): boolean {
    return this.name === folderName || this.folders.some((folder) => path.basename(folder) === folderName);
  }
}

export class Repositories extends Disposable {
  private open: Repository[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when repositories were opened or closed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly openStore: (repository: Repository) => IncidentStore) {
    super();
    this.register({ dispose: () => this.open.splice(0).forEach((r) => r.dispose()) });
  }

  /** Opens the repositories of the workspace's folders not open yet and closes the rest; `reopen` opens every store anew. */
  update(reopen = false): void {
    if (this.isDisposed) return;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ name: f.name, path: f.uri.fsPath }));
    const next = workspaceRepositories(folders).map((wanted) => {
      const kept = reopen ? undefined : this.open.find((r) => r.root === wanted.root);
      if (!kept) return new Repository(wanted.root, wanted.name, wanted.folders, this.openStore);
      kept.name = wanted.name;
      kept.folders = wanted.folders;
      return kept;
    });
    for (const repository of this.open) if (!next.includes(repository)) repository.dispose();
    this.open = next;
    this.changed.fire();
  }

  /** Opens `root`'s store anew (its service reads `.firebreak.yml` once, when it opens); views follow. */
  reopen(root: string): Repository | undefined {
    const old = this.byRoot(root);
    if (!old || this.isDisposed) return undefined;
    const fresh = new Repository(old.root, old.name, old.folders, this.openStore);
    this.open = this.open.map((r) => (r === old ? fresh : r));
    old.dispose();
    this.changed.fire();
    return fresh;
  }

  get all(): readonly Repository[] {
    return this.open;
  }

  /** Every incident of every open repository (each store's cached list). */
  async incidents(): Promise<IncidentEntry[]> {
    return (await Promise.all(this.open.map((r) => r.store.list()))).flat();
  }

  byRoot(root: string): Repository | undefined {
    return this.open.find((r) => r.root === root);
  }

  /** The innermost repository holding `file`. */
  holding(file: string): Repository | undefined {
    return this.open.filter((r) => r.contains(file)).sort((a, b) => b.root.length - a.root.length)[0];
  }
}

/**
 * The key of an incident's dashboard: the incident id in a one-repository window, else the
 * repository root and the id (ids can repeat in two repositories).
 */
export function dashboardKey(root: string, incidentId: string, several: boolean): string {
  return several ? `${root}#${incidentId}` : incidentId;
}

/** The incident id and, when the key names one, the repository root of a dashboard key. */
export function parseDashboardKey(key: string): { incidentId: string; root?: string } {
  const at = key.lastIndexOf('#');
  return at < 0 ? { incidentId: key } : { incidentId: key.slice(at + 1), root: key.slice(0, at) };
}
