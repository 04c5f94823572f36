// Messages between the extension host and the Metrics webview, and the view model it draws.
// The view carries real incidents and exercises together; the page's toggle picks which to chart.

export interface MetricsStageSpan {
  readonly stage: string;
  readonly title: string;
  readonly durationMs: number;
  /** False while the stage is still open (its span runs to the closing or the latest event). */
  readonly completed: boolean;
}

export interface MetricsIncident {
  readonly id: string;
  /** User text: always drawn as a text node. */
  readonly title: string;
  readonly runbook: string;
  readonly severity: string;
  readonly exercise: boolean;
  readonly closed: boolean;
  /** ISO time the incident was opened. */
  readonly openedAt: string;
  readonly stages: readonly MetricsStageSpan[];
  /** From detection to the end of containment (PRODUCT.md §3); absent until contained. */
  readonly toContainMs?: number;
  readonly slaMissedStages: readonly string[];
  /** The repository (its workspace folder's name) in a window with several; absent with one. */
  readonly repository?: string;
}

export interface RunbookSlaMisses {
  readonly runbook: string;
  readonly incidents: number;
  /** Stage deadlines missed, each incident's stage once. */
  readonly misses: number;
}

export interface MetricsView {
  /** Oldest first. */
  readonly incidents: readonly MetricsIncident[];
  readonly slaMisses: { readonly real: readonly RunbookSlaMisses[]; readonly exercises: readonly RunbookSlaMisses[] };
  /** ISO time the view was built. */
  readonly generatedAt: string;
}

export type MetricsHostMessage =
  | { readonly type: 'metrics'; readonly view: MetricsView }
  | { readonly type: 'error'; readonly message: string };

export type MetricsWebviewMessage =
  | { readonly type: 'ready' }
  /** A bar or point was activated: open that incident's dashboard. */
  | { readonly type: 'openIncident'; readonly incidentId: string };

/** A message from the page, untrusted: its shape only (the host also checks the id is one it sent). */
export function parseMetricsMessage(raw: unknown): MetricsWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  const keys = Object.keys(message);
  if (message.type === 'ready' && keys.length === 1) return { type: 'ready' };
  if (message.type === 'openIncident' && typeof message.incidentId === 'string' && message.incidentId.length <= 64 && keys.length === 2) {
    return { type: 'openIncident', incidentId: message.incidentId };
  }
  return undefined;
}

/** What the page keeps across hide/show: whether exercises are charted instead of real incidents. */
export interface MetricsPersistedState {
  readonly exercises: boolean;
}
