// Automatic sync: a debounced push after each commit and a background fetch every ~15 s, one
// sync at a time, with the last result observable (for a status bar or `firebreak status`).
import type { SyncResult } from './sync';

export interface AutoSyncStatus {
  readonly running: boolean;
  /** When the last sync succeeded (ISO), or null. */
  readonly lastSuccessAt: string | null;
  readonly lastResult: SyncResult | null;
  /** The error of the last attempt, cleared by a success. */
  readonly lastError: string | null;
}

export interface AutoSyncOptions {
  /** One sync (e.g. `() => syncIncidents(recorder, {...})`). */
  readonly sync: () => Promise<SyncResult>;
  /** Delay after a commit before pushing, to batch bursts. Default 1.5 s. */
  readonly debounceMs?: number;
  /** Background fetch interval. Default 15 s. */
  readonly intervalMs?: number;
  readonly now?: () => Date;
  /** Subscribes to the recorder's commits while started (each schedules the debounced push); returns an unsubscribe function. */
  readonly onCommitted?: (listener: () => void) => () => void;
}

export class AutoSync {
  private status: AutoSyncStatus = { running: false, lastSuccessAt: null, lastResult: null, lastError: null };
  private readonly listeners = new Set<(status: AutoSyncStatus) => void>();
  private readonly synced = new Set<(status: AutoSyncStatus) => void>();
  private debounce: NodeJS.Timeout | undefined;
  private interval: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: AutoSyncOptions) {}

  get current(): AutoSyncStatus {
    return this.status;
  }

  /** Calls `listener` on every status change; returns an unsubscribe function. */
  onChange(listener: (status: AutoSyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after every sync attempt, with the last success time and error; returns an unsubscribe function. */
  onDidSync(listener: (status: AutoSyncStatus) => void): () => void {
    this.synced.add(listener);
    return () => this.synced.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.onCommitted?.(() => this.notifyCommitted());
    this.interval = setInterval(() => void this.syncNow(), this.options.intervalMs ?? 15_000);
    this.interval.unref();
    void this.syncNow();
  }

  /**
   * Stops the timers and the commit subscription; the promise settles once the sync in flight (if
   * any) has ended, so no git process of ours still writes in the repository afterwards.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.interval);
    clearTimeout(this.debounce);
    return this.inFlight ?? Promise.resolve();
  }

  /** Schedules a debounced sync (call after each commit, e.g. from `RecorderOptions.onCommitted`). */
  notifyCommitted(): void {
    if (this.stopped) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.syncNow(), this.options.debounceMs ?? 1_500);
    this.debounce.unref();
  }

  /** Syncs now (or right after the sync in flight); never rejects. */
  syncNow(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.run().finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.inFlight;
  }

  private async run(): Promise<void> {
    this.update({ running: true });
    try {
      const result = await this.options.sync();
      const failed = result.state === 'offline' || result.state === 'blocked';
      this.update({
        running: false,
        lastResult: result,
        lastError: failed ? (result.problem ?? result.state) : null,
        lastSuccessAt: failed ? this.status.lastSuccessAt : (this.options.now?.() ?? new Date()).toISOString(),
      });
    } catch (error) {
      this.update({ running: false, lastError: error instanceof Error ? error.message : String(error) });
    }
    for (const listener of this.synced) listener(this.status);
  }

  private update(change: Partial<AutoSyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}
