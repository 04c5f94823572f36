// The Runbooks tree: each repository's runbooks (the folders of its `.firebreak.yml`; a group per
// repository when the window has several) and the built-in library once, each with its problem
// count; "Start Incident from This Runbook" inline. Listing reads front-matter only; problem counts
// come from a full parse, done when the view is shown (never at activation).
import * as vscode from 'vscode';
import { listRunbooks } from './commands/startCommands';
import { Disposable } from './util/disposable';

export interface RunbookNode {
  readonly kind: 'group' | 'runbook';
  /** The repository root the runbook (or group) belongs to; none for the built-in library. */
  readonly repository?: string;
  readonly label: string;
  readonly file?: string;
  readonly id?: string;
  readonly builtin: boolean;
  readonly problems?: { errors: number; warnings: number };
}

/** Problem counts are computed by full parse for at most this many runbooks per refresh. */
const MAX_LINTED = 500;

export class RunbooksView extends Disposable implements vscode.TreeDataProvider<RunbookNode> {
  private readonly changed = this.register(new vscode.EventEmitter<RunbookNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: Promise<RunbookNode[]> | undefined;
  /** Per root: watchers of the configured runbook folders (and `.firebreak.yml`), made again when the folders change. */
  private readonly watchers = new Map<string, { folders: string; disposables: vscode.Disposable[] }>();

  /**
   * `roots`: the repositories' roots (or the first folder's, when none is a repository), each with
   * its name for the group row; `onLoad` gets the count of runbooks and each root's runbook folders.
   * The activation shell creates the tree view (`firebreak.runbooks`) whose data this class provides.
   */
  constructor(
    private readonly roots: () => readonly { root: string; name: string }[],
    private readonly builtinDir: string,
    private readonly onLoad: (count: number, folders: ReadonlyMap<string, readonly string[]>) => void,
  ) {
    super();
    this.register({ dispose: () => this.unwatch(() => true) });
  }

  private unwatch(gone: (root: string) => boolean): void {
    for (const [root, watched] of this.watchers) {
      if (!gone(root)) continue;
      watched.disposables.forEach((d) => d.dispose());
      this.watchers.delete(root);
    }
  }

  private watch(repositoryRoot: string, folders: readonly string[]): void {
    const key = folders.join('\n');
    if (this.isDisposed || this.watchers.get(repositoryRoot)?.folders === key) return;
    this.watchers.get(repositoryRoot)?.disposables.forEach((d) => d.dispose());
    const patterns = [...folders.map((folder) => `${folder}/**/*.md`), '.firebreak.yml'];
    const disposables: vscode.Disposable[] = [];
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(repositoryRoot, pattern));
      disposables.push(watcher, ...[watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete].map((event) => event(() => this.refresh())));
    }
    this.watchers.set(repositoryRoot, { folders: key, disposables });
  }

  refresh(): void {
    this.nodes = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: RunbookNode): Promise<RunbookNode[]> {
    const all = await (this.nodes ??= this.load());
    if (!node) {
      const roots = this.roots();
      const groups: RunbookNode[] = [];
      for (const { root, name } of roots) {
        if (!all.some((n) => !n.builtin && n.repository === root)) continue;
        groups.push({ kind: 'group', label: roots.length > 1 ? name : 'This repository', builtin: false, ...(roots.length > 1 ? { repository: root } : {}) });
      }
      groups.push({ kind: 'group', label: 'Built-in library', builtin: true });
      return groups;
    }
    if (node.kind !== 'group') return [];
    return all.filter((n) => n.builtin === node.builtin && (node.repository === undefined || n.repository === node.repository));
  }

  getTreeItem(node: RunbookNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.builtin ? 'builtin' : node.repository !== undefined ? `repo:${node.repository}` : 'repo'}`;
      item.iconPath = new vscode.ThemeIcon(node.builtin ? 'library' : 'repo');
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = `runbook:${node.builtin ? 'builtin' : 'repo'}:${node.file}`;
    const problems = node.problems;
    const problemText = problems && (problems.errors || problems.warnings) ? ` · ${problems.errors} error(s), ${problems.warnings} warning(s)` : '';
    item.description = `${node.id}${problemText}`;
    item.iconPath = new vscode.ThemeIcon(problems?.errors ? 'error' : problems?.warnings ? 'warning' : 'book',
      problems?.errors ? new vscode.ThemeColor('problemsErrorIcon.foreground') : problems?.warnings ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    item.contextValue = 'runbook';
    item.resourceUri = vscode.Uri.file(node.file!);
    item.tooltip = `${node.label}\n${node.file}`;
    item.command = { command: 'vscode.open', title: 'Open Runbook', arguments: [vscode.Uri.file(node.file!)] };
    return item;
  }

  private async load(): Promise<RunbookNode[]> {
    const roots = this.roots();
    this.unwatch((root) => !roots.some((r) => r.root === root));
    // Each repository's own runbooks, then the built-in library once.
    const libraries = await Promise.all((roots.length > 0 ? roots.map((r) => r.root) : [undefined]).map(async (root) => ({ root, ...await listRunbooks(root, this.builtinDir) })));
    const foldersByRoot = new Map<string, readonly string[]>();
    const runbooks: (Awaited<ReturnType<typeof listRunbooks>>['runbooks'][number] & { repository?: string })[] = [];
    libraries.forEach((library, index) => {
      if (library.root !== undefined) {
        this.watch(library.root, library.folders);
        foldersByRoot.set(library.root, library.folders);
      }
      for (const r of library.runbooks) {
        if (!r.builtin) runbooks.push({ ...r, ...(library.root !== undefined ? { repository: library.root } : {}) });
        else if (index === 0) runbooks.push(r);
      }
    });
    this.onLoad(runbooks.length, foldersByRoot);
    const { parseRunbook } = await import('../core/runbook/parse');
    const fs = await import('node:fs');
    return runbooks.map((r, index) => {
      let problems: RunbookNode['problems'];
      if (index < MAX_LINTED) {
        const parsed = parseRunbook(fs.readFileSync(r.file), { file: r.file, now: new Date(), builtin: r.builtin });
        problems = {
          errors: parsed.diagnostics.filter((d) => d.severity === 'error').length,
          warnings: parsed.diagnostics.filter((d) => d.severity === 'warning').length,
        };
      }
      return { kind: 'runbook', label: r.title, file: r.file, id: r.id, builtin: r.builtin, ...(r.repository !== undefined ? { repository: r.repository } : {}), ...(problems ? { problems } : {}) };
    });
  }
}
