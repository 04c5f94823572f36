// A tree's data provider at activation: it asks for the real provider (loading the implementation)
// on the tree's first request, then forwards every request and change event to it.
import * as vscode from 'vscode';

export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private delegate: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  /** `load` returns the real provider, loading the implementation if need be. */
  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  /** Forwards to `delegate` from now on, its change events included. */
  attach(delegate: vscode.TreeDataProvider<T>): void {
    if (this.delegate === delegate) return;
    this.forwarding?.dispose();
    this.delegate = delegate;
    this.forwarding = delegate.onDidChangeTreeData?.((change) => this.changed.fire(change));
  }

  private get target(): vscode.TreeDataProvider<T> {
    if (!this.delegate) this.attach(this.load());
    return this.delegate!;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.target.getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.target.getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.target.getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
