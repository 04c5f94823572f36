// The one typed protocol between the dashboard webview and the extension host.
// Host -> webview: a complete view model (`state`) after the `ready` handshake and after every
// change; the webview never rebuilds its HTML from the host. Webview -> host: user intents only
// (ids and typed values), which the host validates and records. Imported by both sides.

export type StepState = 'open' | 'checked' | 'skipped' | 'na' | 'blocked';
export type StageState = 'done' | 'current' | 'pending';
export type SlaState = 'ok' | 'warning' | 'missed' | 'met';
export type IndicatorType = 'ip' | 'domain' | 'url' | 'hash' | 'email' | 'account' | 'host' | 'other';
export type FieldName = 'summary' | 'impact' | 'related' | 'contacts' | 'next-steps' | 'occurred-at' | 'detected-at';
export type MilestoneName = 'contained' | 'eradicated' | 'recovered';

export const FIELD_NAMES: readonly FieldName[] = ['summary', 'impact', 'related', 'contacts', 'next-steps', 'occurred-at', 'detected-at'];
export const INDICATOR_TYPES: readonly IndicatorType[] = ['ip', 'domain', 'url', 'hash', 'email', 'account', 'host', 'other'];
export const MILESTONES: readonly MilestoneName[] = ['contained', 'eradicated', 'recovered'];
export type UpdateKind = 'tactical' | 'executive';
export const UPDATE_KINDS: readonly UpdateKind[] = ['tactical', 'executive'];

export interface StepView {
  readonly id: string;
  /** Plain text of the step (Markdown markers removed by the host). */
  readonly text: string;
  /** The step's detail rendered by the host with markdown-it (`html: false`): safe HTML. */
  readonly detailHtml: string;
  /** The same detail as the runbook's Markdown (the tree shows it as an untrusted Markdown tooltip). */
  readonly detail?: string;
  readonly required: boolean;
  readonly role?: string;
  readonly evidenceRequired: boolean;
  readonly state: StepState;
  /** Who checked / skipped / blocked it and when (ISO), for the tooltip and the row. */
  readonly by?: string;
  readonly at?: string;
  readonly claimedBy?: string;
  readonly reason?: string;
  /** Added during the incident (not in the runbook). */
  readonly added: boolean;
  readonly deadline?: string;
  /** The step has a command the host can run after a native confirmation. */
  readonly runnable?: boolean;
  /** The last run of its command, in words (`exit code 0 at …`, `running since …`). */
  readonly lastRun?: string;
}

export interface StageView {
  readonly id: string;
  readonly title: string;
  readonly state: StageState;
  readonly done: number;
  readonly total: number;
  readonly steps: readonly StepView[];
}

export interface SlaView {
  readonly label: string;
  /** ISO time of the deadline. */
  readonly deadline: string;
  readonly state: SlaState;
}

export interface TimelineEntry {
  readonly at: string;
  readonly actor: string;
  readonly text: string;
}

export interface IndicatorView {
  readonly type: IndicatorType;
  readonly value: string;
  readonly source?: string;
  readonly tlp?: string;
  readonly firstSeen?: string;
}

export interface DecisionView {
  readonly at: string;
  readonly what: string;
  readonly approvedBy: string;
  readonly why?: string;
  readonly by: string;
}

export interface EvidenceView {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly inGit: boolean;
  readonly description?: string;
  /** Who collected it and when: the start of its custody trail. */
  readonly collectedBy: string;
  readonly collectedAt: string;
  /** Who holds it now (the collector until a custody transfer). */
  readonly holder: string;
  readonly custody: readonly { readonly at: string; readonly from: string; readonly to: string }[];
}

export interface DashboardView {
  /**
   * The host's key for this dashboard when the window has several repositories (incident ids can
   * repeat across them); the page keeps it so that the panel reopens on the same repository's incident.
   */
  readonly dashboardKey?: string;
  readonly incident: {
    readonly id: string;
    readonly title: string;
    readonly severity: string;
    readonly status: 'active' | 'closed';
    readonly exercise: boolean;
    readonly stageTitle: string;
    readonly openedAt: string;
    readonly closedAt?: string;
    readonly runbookTitle: string;
    /** The alert that started it (a link or a reference), from `--from-alert` or a start link. */
    readonly source?: string;
  };
  /** The host's clock when the view was built (ISO); the webview ticks countdowns from it. */
  readonly now: string;
  readonly severities: readonly string[];
  readonly stages: readonly StageView[];
  readonly sla: readonly SlaView[];
  readonly roles: readonly { readonly role: string; readonly person?: string }[];
  /** Escalation contacts at the current severity. */
  readonly escalation: readonly string[];
  readonly fields: Readonly<Record<FieldName, string>>;
  readonly milestones: Readonly<Partial<Record<MilestoneName, string>>>;
  readonly indicators: readonly IndicatorView[];
  readonly decisions: readonly DecisionView[];
  readonly timeline: readonly TimelineEntry[];
  readonly evidence: readonly EvidenceView[];
  /** What "Advance" would do: the next stage and the required steps it would record as skipped. */
  readonly advance: { readonly nextStageTitle?: string; readonly skippedRequired: readonly string[] };
  readonly lastSync?: { readonly at: string; readonly ok: boolean };
  /** The last hand-off when the incoming person has not acknowledged it yet. */
  readonly pendingHandoff?: { readonly at: string; readonly from: string; readonly to: string; readonly summary?: string };
  /** False in Restricted Mode: every action control is disabled, with the reason shown. */
  readonly canRecord: boolean;
}

export type HostMessage =
  | { readonly type: 'state'; readonly view: DashboardView }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'error'; readonly message: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setStepChecked'; readonly stepId: string; readonly checked: boolean }
  | { readonly type: 'claimStep'; readonly stepId: string }
  | { readonly type: 'blockStep'; readonly stepId: string; readonly reason: string }
  | { readonly type: 'unblockStep'; readonly stepId: string }
  | { readonly type: 'markNotApplicable'; readonly stepId: string; readonly reason: string }
  | { readonly type: 'addStep'; readonly stageId: string; readonly text: string }
  | { readonly type: 'addNote'; readonly text: string }
  | { readonly type: 'setSeverity'; readonly severity: string }
  | { readonly type: 'assignRole'; readonly role: string; readonly person: string }
  | { readonly type: 'setField'; readonly field: FieldName; readonly value: string }
  | { readonly type: 'setMilestone'; readonly milestone: MilestoneName; readonly at?: string }
  | { readonly type: 'addIndicator'; readonly indicatorType: IndicatorType; readonly value: string; readonly source?: string; readonly tlp?: string }
  | { readonly type: 'recordDecision'; readonly what: string; readonly approvedBy: string; readonly why?: string }
  | { readonly type: 'advance' }
  | { readonly type: 'close' }
  | { readonly type: 'reopen' }
  | { readonly type: 'handoff' }
  | { readonly type: 'acknowledgeHandoff' }
  | { readonly type: 'retractIndicator'; readonly indicatorType: IndicatorType; readonly value: string; readonly reason?: string }
  | { readonly type: 'transferCustody'; readonly evidenceId: string; readonly to: string }
  | { readonly type: 'attachEvidence' }
  /** Files dropped onto the dashboard: the `text/uri-list` as given; the host checks every file. */
  | { readonly type: 'dropEvidence'; readonly uriList: string }
  /** Only the step id: the host reads the command from the incident's runbook copy and confirms natively. */
  | { readonly type: 'runStep'; readonly stepId: string }
  | { readonly type: 'openLink'; readonly href: string }
  // Review (issue 7): each runs its command for this incident; the host does the native parts.
  | { readonly type: 'generateReview' }
  | { readonly type: 'copyStakeholderUpdate'; readonly kind: UpdateKind }
  | { readonly type: 'compareRunbook' }
  /** Without a step id the host asks which step (or the whole runbook). */
  | { readonly type: 'proposeRunbookChange'; readonly stepId?: string };

/** What the webview persists with `setState` so the panel is restored after a reload. */
export interface DashboardPersistedState {
  readonly incidentId: string;
  /** The host's key of the dashboard when the window has several repositories (see DashboardView.dashboardKey). */
  readonly dashboardKey?: string;
}
