// The one Metrics webview of the window: charts across every incident of the repository. Same
// shell and CSP as the dashboard; the page says `ready` (the host sends the view then and after
// every change to the incidents) or asks to open an incident it was sent. Restored after a reload.
import * as vscode from 'vscode';
import { parseMetricsMessage, type MetricsHostMessage, type MetricsView } from '../../shared/metricsProtocol';
import { Disposable } from '../util/disposable';
import { webviewHtml } from '../util/webviewHtml';
import { METRICS_VIEW_TYPE } from '../activation/viewTypes';

const TITLE = 'Incident Metrics';

export class MetricsPanel extends Disposable implements vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private delivered: MetricsView | undefined;

  constructor(
    private readonly buildView: () => Promise<MetricsView>,
    private readonly openIncident: (incidentId: string) => Thenable<unknown>,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(METRICS_VIEW_TYPE, TITLE, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [this.mediaRoot],
    }));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.panel?.dispose();
    this.adopt(panel);
  }

  /** Sends a fresh view when the page is there to draw it. */
  async refresh(): Promise<void> {
    if (!this.panel || !this.ready) return;
    try {
      const view = await this.buildView();
      if (await this.post({ type: 'metrics', view })) this.delivered = view;
    } catch (error) {
      await this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** A message from the page, exactly as its webview posts it (public for the tests). */
  async receive(raw: unknown): Promise<void> {
    const message = parseMetricsMessage(raw);
    if (!message || !this.panel) return;
    if (message.type === 'ready') {
      this.ready = true;
      await this.refresh();
      return;
    }
    // Only an incident the page was shown: the id never reaches anything else.
    if (this.delivered?.incidents.some((i) => i.id === message.incidentId)) await this.openIncident(message.incidentId);
  }

  /** The last view the page received (undefined while no page is open): for the tests. */
  get lastDelivered(): MetricsView | undefined {
    return this.panel ? this.delivered : undefined;
  }

  private get mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media');
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.delivered = undefined;
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [this.mediaRoot] };
    panel.iconPath = new vscode.ThemeIcon('graph');
    panel.title = TITLE;
    panel.webview.html = webviewHtml(panel.webview, this.mediaRoot, { title: TITLE, styles: ['dashboard.css', 'metrics.css'], script: 'metrics.js', loading: 'Loading metrics…' });
    const listeners = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // Hidden pages are discarded (no retained context): the page says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      for (const listener of listeners) listener.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private async post(message: MetricsHostMessage): Promise<boolean> {
    return this.panel ? this.panel.webview.postMessage(message) : false;
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
