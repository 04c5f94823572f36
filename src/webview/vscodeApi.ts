// The webview side of VS Code's messaging, typed with the dashboard protocol.
import type { DashboardPersistedState, WebviewMessage } from '../shared/dashboardProtocol';

interface VsCodeWebviewApi {
  postMessage(message: WebviewMessage): void;
  getState(): DashboardPersistedState | undefined;
  setState(state: DashboardPersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

/** Can be called once per page load, so the entry point calls it and passes it on. */
export function connectToHost(): VsCodeWebviewApi {
  return acquireVsCodeApi();
}

export type HostConnection = VsCodeWebviewApi;
