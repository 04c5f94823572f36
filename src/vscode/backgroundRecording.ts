// What runs in the background once the incidents' service is open in a trusted workspace: the
// automatic sync (PRODUCT.md §3: push after commits, fetch every ~15 s; shown once the incidents'
// branch has a remote), and recording missed SLA deadlines (`sla.missed`) once a minute.
import * as vscode from 'vscode';
import type { DashboardView } from '../shared/dashboardProtocol';
import type { IncidentServiceApi } from '../service/types';
import { Disposable } from './util/disposable';

export type SyncState = NonNullable<DashboardView['lastSync']>;

const MISSED_SLA_CHECK_MS = 60_000;

export class BackgroundRecording extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SyncState | undefined>());
  /** The last sync's outcome; undefined when there is nothing to sync with. */
  readonly onDidChangeSync = this.changed.event;
  private sync: SyncState | undefined;

  constructor(service: IncidentServiceApi, log: (message: string) => void) {
    super();
    const autoSync = service.createAutoSync();
    if (autoSync) {
      const unsubscribe = autoSync.onDidSync((status) => {
        if (status.lastResult?.state === 'no-remote') {
          // No remote yet: recorded locally, nothing to show; a remote added later is picked up.
          this.update(undefined);
          return;
        }
        if (status.lastError !== null) log(`sync failed: ${status.lastError}`);
        this.update({ at: status.lastSuccessAt ?? new Date().toISOString(), ok: status.lastError === null });
      });
      this.register({ dispose: () => { unsubscribe(); void autoSync.stop(); } });
      autoSync.start();
    }
    const timer = setInterval(() => {
      service.recordMissedSlas().catch((error: unknown) => log(`recording missed SLAs failed: ${error instanceof Error ? error.message : String(error)}`));
    }, MISSED_SLA_CHECK_MS);
    this.register({ dispose: () => clearInterval(timer) });
  }

  get lastSync(): SyncState | undefined {
    return this.sync;
  }

  private update(sync: SyncState | undefined): void {
    if (sync?.at === this.sync?.at && sync?.ok === this.sync?.ok) return;
    this.sync = sync;
    this.changed.fire(sync);
  }
}
