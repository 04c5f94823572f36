// What every section renderer gets: the view, the ticking clock, in-page UI state and the intents.
import type { DashboardView, FieldName, WebviewMessage } from '../../shared/dashboardProtocol';

/** In-page state that is not part of the record (which editor or prompt is open). */
export interface UiState {
  editingField?: FieldName;
  stepPrompt?: { readonly stepId: string; readonly kind: 'block' | 'na' };
  confirmingAdvance: boolean;
  /** The timeline shows its newest entries until the responder asks for all of them. */
  showFullTimeline?: boolean;
}

export interface RenderContext {
  readonly view: DashboardView;
  /** The host's clock, ticking locally. */
  readonly nowMs: number;
  readonly ui: Readonly<UiState>;
  readonly busy: boolean;
  readonly error: string | undefined;
  send(message: WebviewMessage): void;
  /** Changes in-page state and re-renders; `focusKey` names the control to focus afterwards. */
  updateUi(change: (ui: UiState) => void, focusKey?: string): void;
  dismissError(): void;
}
