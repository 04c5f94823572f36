// The linter's diagnostics in the Problems panel while a runbook is edited: debounced, for
// Markdown files in the repository's runbook folders only. The parser loads on first use.
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/runbook/model';
import { Disposable } from './util/disposable';
import { KeyedDebouncer } from './util/debounce';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class RunbookDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('firebreak'));
  private readonly debouncer = new KeyedDebouncer<string>(() => vscode.workspace.getConfiguration('firebreak').get<number>('lint.debounceMs', 300));

  constructor(private readonly isRunbook: (uri: vscode.Uri) => boolean) {
    super();
    this.register({ dispose: () => this.debouncer.dispose() });
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.debouncer.cancel(d.uri.toString());
      this.collection.delete(d.uri);
    }));
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || !this.isRunbook(document.uri)) return;
    this.debouncer.schedule(document.uri.toString(), () => void this.lint(document));
  }

  /** Lints a document now and returns its diagnostics (also used by "Validate Runbooks"). */
  async lint(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    const { parseRunbook } = await import('../core/runbook/parse');
    const runbook = parseRunbook(document.getText(), { file: vscode.workspace.asRelativePath(document.uri), now: new Date() });
    const diagnostics = runbook.diagnostics.map((d) => {
      const line = Math.min(Math.max(d.line - 1, 0), Math.max(document.lineCount - 1, 0));
      const diagnostic = new vscode.Diagnostic(document.lineAt(line).range, d.message, SEVERITY[d.severity]);
      diagnostic.code = d.code;
      diagnostic.source = 'firebreak';
      return diagnostic;
    });
    if (!document.isClosed) this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }
}
