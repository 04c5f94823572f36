// What activation does, and all it does: register every contributed command, create the two tree
// views, and register the webview serializers, the URI handler and the CodeLens providers — each
// a small stand-in that loads the implementation chunk (src/vscode/firebreak.ts and all it imports)
// on first use and forwards to it. Nothing is parsed, no Git runs and no library loads here; the
// implementation loads just after activation returns (context keys, background sync) or sooner
// when something above needs it.
import * as vscode from 'vscode';
import type * as Implementation from './implementation';
import type { DashboardPersistedState } from '../../shared/dashboardProtocol';
import type { Firebreak, FirebreakApi } from '../firebreak';
import type { IncidentsNode } from '../incidentsView';
import type { RunbookNode } from '../runbooksView';
import { LazyTreeDataProvider } from './lazyTreeDataProvider';
import { DASHBOARD_VIEW_TYPE, METRICS_VIEW_TYPE } from './viewTypes';

/** Every command the manifest contributes (package.json `contributes.commands`): the one list. */
export function contributedCommandIds(packageJSON: unknown): string[] {
  const commands = (packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined)?.contributes?.commands ?? [];
  return commands.map((c) => c.command);
}

/** The methods of the API `activate` returns; each loads the implementation when called. */
const API_METHODS: Record<keyof FirebreakApi, true> = {
  incidents: true, checkboxChanged: true, openDashboards: true, incidentRows: true, lastSync: true, gitSpawnsRefused: true,
  dashboardMessage: true, repositoryRoot: true, openStartLink: true, incidentTreeItem: true, runStepWithConfirmation: true,
  metricsDelivered: true, metricsMessage: true, closeWithConfirmation: true, repositoryRoots: true, incidentChildren: true,
  incidentParent: true, incidentNodeItem: true, runbookGroups: true, withEvidencePrompts: true, statusBarItem: true,
};

export function activateShell(context: vscode.ExtensionContext): FirebreakApi {
  let chunk: typeof Implementation | undefined;
  let firebreak: Firebreak | undefined;
  const incidentsData = new LazyTreeDataProvider<IncidentsNode>(() => implementation().incidents);
  const runbooksData = new LazyTreeDataProvider<RunbookNode>(() => implementation().runbooks);
  const views = {
    incidents: vscode.window.createTreeView('firebreak.incidents', { treeDataProvider: incidentsData, manageCheckboxStateManually: true, showCollapseAll: true }),
    runbooks: vscode.window.createTreeView('firebreak.runbooks', { treeDataProvider: runbooksData, showCollapseAll: true }),
  };

  function implementation(): Firebreak {
    if (!firebreak) {
      // A plain require: the build keeps this module out of the activation bundle (esbuild.mjs).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      chunk ??= require('./implementation') as typeof Implementation;
      firebreak = chunk.createFirebreak(context, views);
      context.subscriptions.push(firebreak);
      incidentsData.attach(firebreak.incidents);
      runbooksData.attach(firebreak.runbooks);
    }
    return firebreak;
  }

  context.subscriptions.push(incidentsData, runbooksData, views.incidents, views.runbooks);
  for (const id of contributedCommandIds(context.extension?.packageJSON)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => {
      implementation();
      const handler = chunk!.commandHandler(id);
      if (!handler) throw new Error(`Firebreak: no handler for the command ${id}`);
      return handler(...args);
    }));
  }
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, { deserializeWebviewPanel: (panel, state: DashboardPersistedState | undefined) => implementation().dashboards.deserializeWebviewPanel(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(METRICS_VIEW_TYPE, { deserializeWebviewPanel: (panel) => implementation().metrics.deserializeWebviewPanel(panel) }),
    vscode.window.registerUriHandler({ handleUri: (uri) => implementation().handleUri(uri) }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file' }, { provideCodeLenses: (document) => implementation().runbookCodeLens.provideCodeLenses(document) }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file', pattern: '**/postmortem.md' }, { provideCodeLenses: (document) => implementation().actionItemCodeLens.provideCodeLenses(document) }),
  );
  // Context keys (welcome views, menus), diagnostics of open runbooks and the background sync
  // start as soon as activation has returned, as they did before the split.
  const loadSoon = setTimeout(() => {
    try {
      implementation();
    } catch (error) {
      void vscode.window.showErrorMessage(`Firebreak: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(loadSoon) });

  let loadedApi: Record<string, (...args: unknown[]) => unknown> | undefined;
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(API_METHODS)) {
    api[name] = (...args: unknown[]) => {
      loadedApi ??= implementation().api() as unknown as Record<string, (...args: unknown[]) => unknown>;
      return loadedApi[name]!(...args);
    };
  }
  return api as unknown as FirebreakApi;
}
