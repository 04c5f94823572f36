// The status bar item: active incident, stage, elapsed time and last successful sync; warning
// colours when an SLA is close or missed or sync fails; click opens the dashboard. Also gives the
// notifications before and at an SLA miss, once each (remembered per window's workspace).
import * as vscode from 'vscode';
import { elapsedMs, formatElapsed } from '../shared/elapsed';
import type { SyncState } from './backgroundRecording';
import { elapsedLabel } from './incidentsView';
import type { IncidentEntry } from './incidentStore';
import { Disposable } from './util/disposable';

export class IncidentStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('firebreak.status', vscode.StatusBarAlignment.Left, 50));
  private entries: readonly IncidentEntry[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly memento: vscode.Memento) {
    super();
    this.item.name = 'Firebreak Incident';
    this.timer = setInterval(() => this.render(), 30_000);
    this.register({ dispose: () => clearInterval(this.timer) });
  }

  /** What the item shows (undefined while hidden): read by the integration tests through the API. */
  get shown(): { text: string; label: string | undefined } | undefined {
    return this.visible ? { text: this.item.text, label: this.item.accessibilityInformation?.label } : undefined;
  }

  private visible = false;

  /** The last sync's outcome (undefined: nothing to sync with). */
  private sync: SyncState | undefined;

  /** `entries` across the window's repositories, the one to show first (most recent activity). */
  update(entries: readonly IncidentEntry[]): void {
    this.entries = entries;
    this.render();
  }

  updateSync(sync: SyncState | undefined): void {
    this.sync = sync;
    this.render();
  }

  private render(): void {
    const enabled = vscode.workspace.getConfiguration('firebreak').get<boolean>('statusBar.enabled', true);
    const active = this.entries.filter((e) => e.view.incident.status === 'active');
    const entry = active[0];
    if (!enabled || !entry) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const { incident, sla } = entry.view;
    const lastSync = this.sync;
    const now = new Date();
    const warnMs = vscode.workspace.getConfiguration('firebreak').get<number>('sla.warnBeforeMinutes', 15) * 60_000;
    const missed = sla.filter((s) => s.state === 'missed');
    const close = sla.filter((s) => s.state === 'ok' && Date.parse(s.deadline) - now.getTime() <= warnMs);
    const syncFailing = lastSync !== undefined && !lastSync.ok;
    const more = active.length > 1 ? ` +${active.length - 1}` : '';
    const syncText = lastSync ? ` · $(${lastSync.ok ? 'cloud' : 'sync-ignored'}) ${syncedAgo(lastSync, now)}` : '';
    this.item.text = `$(${incident.exercise ? 'beaker' : 'flame'}) ${incident.exercise ? 'DRILL ' : ''}${incident.severity} ${truncate(incident.title, 32)} · ${incident.stageTitle} · ${elapsedLabel(incident.openedAt, now)}${more}${syncText}`;
    this.item.backgroundColor = missed.length > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : close.length > 0 || syncFailing ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(incident.title)}**${incident.exercise ? ' (exercise)' : ''}\n\n`);
    tooltip.appendMarkdown(`${incident.severity} · ${escape(incident.stageTitle)} · opened ${incident.openedAt}\n\n`);
    for (const s of sla) tooltip.appendMarkdown(`$(${s.state === 'missed' ? 'error' : s.state === 'met' ? 'pass' : 'clock'}) ${escape(s.label)}: ${s.deadline} (${s.state})\n\n`);
    tooltip.appendMarkdown(!lastSync ? 'Not synced with a remote: incidents are recorded locally'
      : lastSync.ok ? `Last successful sync: ${lastSync.at} (teammates see your actions)`
        : `Sync is failing — last successful sync: ${lastSync.at}. Your actions are recorded locally and will be pushed when sync works again.`);
    this.item.tooltip = tooltip;
    this.item.command = { command: 'firebreak.openDashboard', title: 'Open Dashboard', arguments: [{ kind: 'incident', incidentId: incident.id, repository: entry.root }] };
    this.item.accessibilityInformation = { label: `${incident.exercise ? 'Drill' : 'Active incident'} ${incident.title}, ${incident.severity}, stage ${incident.stageTitle}` };
    this.item.show();
    this.visible = true;
    for (const e of active) void this.notifySla(e, now, warnMs);
  }

  /** One notification before each deadline and one at its miss, never repeated. */
  private async notifySla({ view, root }: IncidentEntry, now: Date, warnMs: number): Promise<void> {
    for (const s of view.sla) {
      const left = Date.parse(s.deadline) - now.getTime();
      const kind = s.state === 'missed' ? 'missed' : s.state === 'ok' && left <= warnMs ? 'soon' : undefined;
      if (!kind) continue;
      // The repository is part of the key: a copied record can carry the same incident id in two folders.
      const key = `firebreak.slaNotified:${root}:${view.incident.id}:${s.label}:${s.deadline}:${kind}`;
      if (this.memento.get<boolean>(key)) continue;
      await this.memento.update(key, true);
      const text = kind === 'missed'
        ? `SLA missed: ${s.label} for “${view.incident.title}” was due ${s.deadline}.`
        : `SLA due soon: ${s.label} for “${view.incident.title}” is due ${s.deadline}.`;
      const show = kind === 'missed' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      void show(text, 'Open Dashboard').then((choice) => {
        if (choice) void vscode.commands.executeCommand('firebreak.openDashboard', { kind: 'incident', incidentId: view.incident.id, repository: root });
      });
    }
  }
}

/** "synced 3m ago" style text for the status bar: hours and minutes since the last successful sync. */
function syncedAgo(sync: SyncState, now: Date): string {
  const ms = elapsedMs(sync.at, undefined, now.getTime());
  const label = ms === undefined ? '' : formatElapsed(ms, { seconds: false });
  return sync.ok ? `synced ${label} ago` : `sync failing (last ok ${label} ago)`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
