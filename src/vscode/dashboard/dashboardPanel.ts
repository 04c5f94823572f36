// One dashboard webview per incident: CSP with a crypto nonce, resources from media/ only,
// command URIs off, updates by message after the webview's `ready`, restored after reload.
import * as vscode from 'vscode';
import type { DashboardPersistedState, DashboardView, HostMessage, WebviewMessage } from '../../shared/dashboardProtocol';
import { isAllowedExternalLink } from '../../shared/links';
import { parseWebviewMessage } from '../../shared/parseWebviewMessage';
import { Disposable } from '../util/disposable';
import { dashboardHtml } from './dashboardHtml';
import { newNonce } from './nonce';
import { DASHBOARD_VIEW_TYPE } from '../activation/viewTypes';

/** What the panel needs from the rest of the extension. */
export interface DashboardController {
  buildView(incidentId: string): Promise<DashboardView>;
  /** Records the intent; throws an Error with a message for the responder when it cannot. */
  handle(incidentId: string, message: Exclude<WebviewMessage, { type: 'ready' } | { type: 'openLink' }>): Promise<void>;
  title(incidentId: string): string;
}

export class DashboardPanel extends Disposable {
  private ready = false;
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    readonly incidentId: string,
    private readonly panel: vscode.WebviewPanel,
    private readonly controller: DashboardController,
    extensionUri: vscode.Uri,
  ) {
    super();
    const mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot] };
    panel.iconPath = new vscode.ThemeIcon('flame');
    panel.title = controller.title(incidentId);
    panel.webview.html = dashboardHtml(panel.webview, mediaRoot, newNonce(), panel.title);
    this.onDidDispose = panel.onDidDispose;
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Sends the current view; before the handshake, the webview's `ready` triggers the first one. */
  async refresh(): Promise<void> {
    if (!this.ready) return;
    try {
      const view = await this.controller.buildView(this.incidentId);
      this.panel.title = this.controller.title(this.incidentId);
      await this.post({ type: 'state', view });
    } catch (error) {
      await this.post({ type: 'error', message: messageOf(error) });
    }
  }

  /** A message from the webview: untrusted, validated before anything is recorded. */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    if (message.type === 'ready') {
      this.ready = true;
      await this.refresh();
      return;
    }
    if (message.type === 'openLink') {
      if (isAllowedExternalLink(message.href)) await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
      return;
    }
    await this.post({ type: 'busy', busy: true });
    try {
      await this.controller.handle(this.incidentId, message);
    } catch (error) {
      await this.post({ type: 'error', message: messageOf(error) });
    } finally {
      await this.post({ type: 'busy', busy: false });
    }
    await this.refresh();
  }

  private async post(message: HostMessage): Promise<void> {
    if (!this.isDisposed) await this.panel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.panel.dispose();
  }
}

/** Opens, reuses and restores (after a window reload) one dashboard per incident. */
export class DashboardManager extends Disposable implements vscode.WebviewPanelSerializer<DashboardPersistedState> {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(private readonly controller: DashboardController, private readonly extensionUri: vscode.Uri) {
    super();
  }

  show(incidentId: string): DashboardPanel {
    const existing = this.panels.get(incidentId);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, this.controller.title(incidentId), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    return this.adopt(incidentId, panel);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: DashboardPersistedState | undefined): Promise<void> {
    const incidentId = typeof state?.incidentId === 'string' ? state.incidentId : undefined;
    if (!incidentId) {
      panel.dispose();
      return;
    }
    // A multi-root window's dashboard reopens on its own repository's incident.
    this.adopt(typeof state?.dashboardKey === 'string' ? state.dashboardKey : incidentId, panel);
  }

  /** Sends fresh state to the dashboard of `incidentId` (or every open one). */
  async refresh(incidentId?: string): Promise<void> {
    const targets = incidentId ? [this.panels.get(incidentId)] : [...this.panels.values()];
    await Promise.all(targets.map((p) => p?.refresh()));
  }

  /** Hands `raw` to the open dashboard of `incidentId` exactly as its webview would (used by tests). */
  async deliver(incidentId: string, raw: unknown): Promise<void> {
    const panel = this.panels.get(incidentId);
    if (!panel) throw new Error(`no dashboard open for ${incidentId}`);
    await panel.receive(raw);
  }

  get openIncidentIds(): string[] {
    return [...this.panels.keys()];
  }

  private adopt(incidentId: string, webviewPanel: vscode.WebviewPanel): DashboardPanel {
    const panel = new DashboardPanel(incidentId, webviewPanel, this.controller, this.extensionUri);
    this.panels.set(incidentId, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(incidentId) === panel) this.panels.delete(incidentId);
    });
    return panel;
  }

  override dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
    super.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
