// The questions of the start flow (where incidents live on the first start, title, severity, real
// or exercise, and the confirmation of a start that came from a link), shared by "Start Incident…" and the start link. Replaceable as a
// whole or in part by the API's caller (the integration tests answer them without a UI).
import * as vscode from 'vscode';
import type { BranchMode } from '../../core/config';
import { askIncidentsLocation } from './incidentsLocation';
import { askText, pickOne } from './pickers';

/** The team's severity levels (`.firebreak.yml`, default SEV1–SEV4); reads files only. */
export async function severityLevels(repositoryRoot: string): Promise<readonly string[]> {
  const { loadConfig } = await import('../../core/config');
  return (await loadConfig(repositoryRoot)).config.severities;
}

const REAL = 'Real incident';
const EXERCISE = 'Exercise (drill, kept out of metrics)';

export interface StartSummary {
  readonly runbookTitle: string;
  readonly runbookId: string;
  readonly title: string;
  readonly severity: string;
  readonly exercise: boolean;
  readonly source?: string;
}

export interface StartPrompts {
  /**
   * Where incidents live, asked once when the repository has no `.firebreak.yml`. For `repository`,
   * `path` is the picked folder (checked before anything is written). Throws CancelledError to cancel.
   */
  location(repositoryRoot: string): Promise<BranchMode>;
  /** The title, the input pre-filled with `prefill`. */
  title(prefill?: string): Promise<string>;
  /** A severity, `preferred` first. */
  severity(levels: readonly string[], preferred?: string, preferredLabel?: string): Promise<string>;
  /** True for an exercise (drill). */
  exercise(): Promise<boolean>;
  /** A native modal confirmation; true to start. */
  confirm(summary: StartSummary): Promise<boolean>;
  /** Which repository records the incident (a window with several): one of `names`. */
  repository(names: readonly string[]): Promise<string>;
}

export const nativeStartPrompts: StartPrompts = {
  location: () => askIncidentsLocation(),
  title: (prefill) => askText('Incident title (what is happening, in a few words)', {
    placeHolder: 'Credential phishing targeting finance', ...(prefill !== undefined ? { value: prefill } : {}),
  }),
  severity: (levels, preferred, preferredLabel = 'runbook default') =>
    pickOne(`Severity${preferred ? ` (${preferredLabel} ${preferred})` : ''}`, preferred && levels.includes(preferred) ? [preferred, ...levels.filter((l) => l !== preferred)] : [...levels]),
  exercise: async () => (await pickOne('Real incident or exercise?', [REAL, EXERCISE])) === EXERCISE,
  confirm: async (s) => {
    const start = s.exercise ? 'Start Exercise' : 'Start Incident';
    const detail = [
      `Title: ${s.title}`, `Severity: ${s.severity}${s.exercise ? ' · exercise (drill)' : ''}`, `Runbook: ${s.runbookTitle} (${s.runbookId})`,
      ...(s.source ? [`Source: ${s.source}`] : []), '', 'This link came from outside VS Code (an alert, a chat message). Start only if you expected it.',
    ].join('\n');
    return (await vscode.window.showWarningMessage(`Start ${s.exercise ? 'an exercise' : 'an incident'} from a link?`, { modal: true, detail }, start)) === start;
  },
  repository: (names) => pickOne('Start the incident in which repository?', names),
};
