// The Runbooks tree: the repository's runbooks (the folders of `.firebreak.yml`) and the built-in
// library, each with its problem count; "Start Incident from This Runbook" inline. Listing reads
// front-matter only; problem counts come from a full parse, done when the view is shown (never at
// activation).
import * as vscode from 'vscode';
import { listRunbooks } from './commands/startCommands';
import { Disposable } from './util/disposable';

interface RunbookNode {
  readonly kind: 'group' | 'runbook';
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
  /** Watchers of the configured runbook folders (and `.firebreak.yml`), made again when the folders change. */
  private watchers: { folders: string; disposables: vscode.Disposable[] } | undefined;

  constructor(private readonly root: () => string | undefined, private readonly builtinDir: string, private readonly onLoad: (count: number, folders: readonly string[]) => void) {
    super();
    this.register(vscode.window.createTreeView('firebreak.runbooks', { treeDataProvider: this, showCollapseAll: true }));
    this.register({ dispose: () => this.watchers?.disposables.forEach((d) => d.dispose()) });
  }

  private watch(folders: readonly string[]): void {
    const repositoryRoot = this.root();
    const key = folders.join('\n');
    if (!repositoryRoot || this.isDisposed || this.watchers?.folders === key) return;
    this.watchers?.disposables.forEach((d) => d.dispose());
    const patterns = [...folders.map((folder) => `${folder}/**/*.md`), '.firebreak.yml'];
    const disposables: vscode.Disposable[] = [];
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(repositoryRoot, pattern));
      disposables.push(watcher, ...[watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete].map((event) => event(() => this.refresh())));
    }
    this.watchers = { folders: key, disposables };
  }

  refresh(): void {
    this.nodes = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: RunbookNode): Promise<RunbookNode[]> {
    const all = await (this.nodes ??= this.load());
    if (!node) {
      const groups: RunbookNode[] = [];
      if (all.some((n) => !n.builtin)) groups.push({ kind: 'group', label: 'This repository', builtin: false });
      groups.push({ kind: 'group', label: 'Built-in library', builtin: true });
      return groups;
    }
    return node.kind === 'group' ? all.filter((n) => n.builtin === node.builtin) : [];
  }

  getTreeItem(node: RunbookNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.builtin ? 'builtin' : 'repo'}`;
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
    const { runbooks, folders } = await listRunbooks(this.root(), this.builtinDir);
    this.watch(folders);
    this.onLoad(runbooks.length, folders);
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
      return { kind: 'runbook', label: r.title, file: r.file, id: r.id, builtin: r.builtin, ...(problems ? { problems } : {}) };
    });
  }
}
