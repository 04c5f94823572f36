// The webview side of VS Code's messaging, typed with each page's protocol (the dashboard's by default).
import type { DashboardPersistedState, WebviewMessage } from '../shared/dashboardProtocol';

interface VsCodeWebviewApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Message, State>(): VsCodeWebviewApi<Message, State>;

/** Can be called once per page load, so the entry point calls it and passes it on. */
export function connectToHost<Message = WebviewMessage, State = DashboardPersistedState>(): VsCodeWebviewApi<Message, State> {
  return acquireVsCodeApi<Message, State>();
}

export type HostConnection<Message = WebviewMessage, State = DashboardPersistedState> = VsCodeWebviewApi<Message, State>;
