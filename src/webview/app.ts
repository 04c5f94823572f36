// The dashboard's state in the page: the last view from the host, busy/error, in-page UI state,
// and the clock offset that lets countdowns tick every second without messages.
import type { DashboardView, HostMessage, WebviewMessage } from '../shared/dashboardProtocol';
import { h, icon } from './dom';
import { captureUi, restoreUi } from './preserve';
import type { RenderContext, UiState } from './render/context';
import { elapsedText } from './render/header';
import { pageSkeleton, RENDERERS } from './render/page';
import { paintSla } from './render/slaList';
import { syncControlsToView } from './render/syncControls';
import { clockOffset } from './time';
import { changedParts, partSignatures, READ_ONLY_WHEN_CLOSED, type PartKey, type PartSignatures } from './viewParts';
import type { HostConnection } from './vscodeApi';

export class Dashboard {
  private view: DashboardView | undefined;
  private offsetMs = 0;
  private busy = false;
  private error: string | undefined;
  private ui: UiState = { confirmingAdvance: false };
  private renderQueued = false;
  private focusAfterRender: string | undefined;
  private slots: ReadonlyMap<PartKey, HTMLElement> | undefined;
  private signatures: PartSignatures | undefined;
  /** A new state arrived: optimistic controls are set back to it at the next render. */
  private stateArrived = false;

  constructor(private readonly root: HTMLElement, private readonly host: HostConnection) {}

  receive(message: HostMessage): void {
    switch (message.type) {
      case 'state':
        if (this.view?.incident.id !== message.view.incident.id) {
          this.ui = { confirmingAdvance: false };
          this.host.setState({ incidentId: message.view.incident.id, ...(message.view.dashboardKey !== undefined ? { dashboardKey: message.view.dashboardKey } : {}) });
        }
        this.view = message.view;
        this.offsetMs = clockOffset(message.view.now, Date.now());
        this.stateArrived = true;
        this.scheduleRender();
        break;
      case 'busy':
        this.busy = message.busy;
        this.paintBusy();
        break;
      case 'error':
        this.error = message.message;
        this.scheduleRender();
        break;
    }
  }

  /** Called every second: updates only the ticking texts. */
  tick(): void {
    const view = this.view;
    if (!view) return;
    const nowMs = this.nowMs();
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-tick="elapsed"]')) {
      element.textContent = elapsedText({ view, nowMs });
    }
    for (const element of this.root.querySelectorAll<HTMLElement>('[data-tick="sla"]')) {
      const sla = view.sla[Number(element.dataset.slaIndex)];
      if (sla) paintSla(element, sla, nowMs);
    }
  }

  send(message: WebviewMessage): void {
    if (this.view && !this.view.canRecord && message.type !== 'openLink') return;
    if (this.error !== undefined) {
      this.error = undefined;
      this.scheduleRender();
    }
    this.host.postMessage(message);
  }

  private nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Renders once after the current event: handlers finish (e.g. a form resets) before the DOM is replaced. */
  private scheduleRender(focusKey?: string): void {
    if (focusKey !== undefined) this.focusAfterRender = focusKey;
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      const focus = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.render(focus);
    });
  }

  private render(focusKey: string | undefined): void {
    const view = this.view;
    if (!view) {
      this.slots = undefined;
      this.signatures = undefined;
      this.root.replaceChildren(this.error
        ? h('div', { class: 'banner error', role: 'alert' }, icon('error'), this.error)
        : h('p', { class: 'loading' }, 'Loading incident…'));
      return;
    }
    const snapshot = captureUi(this.root);
    const ctx: RenderContext = {
      view,
      nowMs: this.nowMs(),
      ui: this.ui,
      busy: this.busy,
      error: this.error,
      send: (message) => this.send(message),
      updateUi: (change, key) => {
        change(this.ui);
        this.scheduleRender(key);
      },
      dismissError: () => {
        this.error = undefined;
        this.scheduleRender('advance');
      },
    };
    if (!this.slots) {
      const skeleton = pageSkeleton();
      this.root.replaceChildren(...skeleton.nodes);
      this.slots = skeleton.slots;
    }
    const signatures = partSignatures({ view, ui: this.ui, error: this.error });
    for (const key of changedParts(this.signatures, signatures)) {
      const slot = this.slots.get(key)!;
      slot.replaceChildren(RENDERERS[key](ctx));
      if (!view.canRecord || (view.incident.status === 'closed' && READ_ONLY_WHEN_CLOSED.has(key))) disableControls(slot);
    }
    this.signatures = signatures;
    if (this.stateArrived) syncControlsToView(this.root, view);
    this.stateArrived = false;
    restoreUi(this.root, snapshot, focusKey);
    this.paintBusy();
  }

  private paintBusy(): void {
    this.root.setAttribute('aria-busy', String(this.busy || !this.view));
    const bar = this.root.querySelector('.progress');
    bar?.classList.toggle('active', this.busy);
    bar?.setAttribute('aria-hidden', String(!this.busy));
  }
}

/** Restricted Mode: every control that would record something is disabled (navigation stays). */
function disableControls(root: HTMLElement): void {
  for (const control of root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('button, input, select, textarea')) {
    if (control.dataset.nav === undefined) control.disabled = true;
  }
}
