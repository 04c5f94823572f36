// The Incidents tree (incident -> stage -> step). Empty until incidents exist;
// its welcome view offers to start one.
import * as vscode from 'vscode';

export type IncidentsNode = never;

export class IncidentsView implements vscode.TreeDataProvider<IncidentsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IncidentsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<IncidentsNode>;

  constructor() {
    this.view = vscode.window.createTreeView('firebreak.incidents', {
      treeDataProvider: this,
      manageCheckboxStateManually: true,
      showCollapseAll: true,
    });
  }

  getTreeItem(node: IncidentsNode): vscode.TreeItem {
    return node;
  }

  getChildren(): IncidentsNode[] {
    return [];
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
