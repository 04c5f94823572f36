// The public contract of the incident service: what the CLI (now) and the VS Code extension
// (later) ask of it. Plain data in and out; no VS Code, no printing.
import type { IncidentAction, IncidentState, IncidentStatus, MilestoneName } from '../core/incident';
import type { AutoSync, SyncResult as GitSyncResult } from '../git';
import type { PullRequestLink } from './pullRequest';

/** A responder's Git identity (commit author and event actor). */
export interface Identity {
  readonly name: string;
  readonly email: string;
}

export interface IncidentServiceOptions {
  /** A directory inside the repository (or the repository itself). */
  readonly cwd: string;
  /** The clock; the service never reads the system time directly. */
  readonly now: () => Date;
  /** Folder of the built-in runbooks shipped with the extension or CLI. */
  readonly builtinRunbooksDir?: string;
  /** Receives one-off notices, e.g. that no `.firebreak.yml` exists and the default is used. */
  readonly notice?: (message: string) => void;
  /** Receives warnings that must reach the responder BEFORE the commit (secrets found in text). */
  readonly warn?: (message: string) => void;
  /**
   * Shell command prefix that runs `firebreak merge-driver`, e.g. `'/usr/bin/node' '/opt/firebreak/dist/cli.js' merge-driver`;
   * start and sync install it so plain `git pull` merges incident files too. Absent: not installed.
   */
  readonly mergeDriverCommand?: string;
  /**
   * False in an untrusted workspace (Restricted Mode): the service reads incidents from disk, records
   * nothing, and refuses every git spawn in the process until it is disposed. Default true.
   */
  readonly trusted?: boolean;
  /** Environment for Git (identity overrides such as GIT_AUTHOR_NAME are honoured). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface StartRequest {
  /** A runbook id from the library, or a path to a runbook file. */
  readonly runbook: string;
  /** May be empty when `alert` gives one. */
  readonly title: string;
  readonly severity?: string;
  readonly exercise?: boolean;
  /** A link or short reference to the alert that started it, kept in the opening event. */
  readonly fromAlert?: string;
  /**
   * The text of an alert JSON, mapped with `.firebreak.yml`'s `alert:` onto the title and severity
   * (those given here win), the source link (`fromAlert`), occurred-at and typed indicators, all in
   * the opening commit.
   */
  readonly alert?: string;
}

export type Milestone = MilestoneName;

/** One responder action on an existing incident (the core's shape, validated again there); each becomes exactly one commit. */
export type ActionRequest = IncidentAction;

export interface EvidenceRequest {
  /** The file to attach (copied, never moved). */
  readonly file: string;
  readonly description?: string;
  /** Keep the file out of Git: record its hash and location only. */
  readonly outOfGit?: boolean;
  /** Told the bytes copied (or hashed) so far and the file's size, after each 1 MB read. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** What one recorded action produced. */
export interface ActionResult {
  readonly incidentId: string;
  /**
   * The commit that recorded it (full hash); null when the action is durable on disk but Git could
   * not commit it yet (a failing hook…): it is retried, and `warnings` says why.
   */
  readonly commit: string | null;
  /** Its subject, `<incident-id>: <stage>: <action>` (never holds typed text). */
  readonly subject: string;
  /**
   * True when `.firebreak.yml` batches commits (`commit-batch`): the action is durable on disk and
   * committed with the others of its batch within that many seconds (or at `flush()`); commit is null.
   */
  readonly batched?: boolean;
  /** Ids of the events appended (usually one). */
  readonly eventIds: readonly string[];
  /** Things the responder should know (secrets found in text, required steps skipped…). */
  readonly warnings: readonly string[];
}

export interface StartResult extends ActionResult {
  /** The incident folder, relative to the repository root, with `/` separators. */
  readonly folder: string;
}

/** For a duplicate (same hash already attached) nothing is recorded: commit is null, subject empty. */
export interface EvidenceResult extends ActionResult {
  readonly evidenceId: string;
  readonly sha256: string;
  readonly size: number;
  /** True when an identical file (same hash) was already attached: nothing new was stored. */
  readonly duplicate: boolean;
  readonly outOfGit: boolean;
}

/** A step's command, checked and ready to be confirmed by a person (nothing has run yet). */
export interface RunPlan {
  readonly incidentId: string;
  readonly step: string;
  readonly stepText: string;
  /** The runbook copy it was read from (`runbook.md`). */
  readonly runbook: string;
  readonly language: string;
  /** The exact text given to `/bin/sh -c`. */
  readonly command: string;
  /** The same text with control, ANSI and bidi characters made visible: show this, never shortened. */
  readonly visibleCommand: string;
  /** SHA-256 of `command`. */
  readonly sha256: string;
  /** The FB_ variables it receives, with their values (show them too). */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  /** Where it runs (the workspace folder). */
  readonly cwd: string;
}

export interface RunRequest {
  /** The caller's word that the workspace is trusted; false refuses (Restricted Mode runs nothing). */
  readonly trusted: boolean;
  /** The plan the person confirmed: the run is refused when the command or its values changed since. */
  readonly confirmed: RunPlan;
  /** Cancels the run (SIGTERM, then SIGKILL to its process group); the cancellation is recorded. */
  readonly signal?: AbortSignal;
  /** Output chunks as they arrive (stdout and stderr together). */
  readonly onOutput?: (chunk: Buffer) => void;
  /** Called once the start is recorded, before the process is spawned. */
  readonly onStarted?: (started: ActionResult) => void;
}

export interface RunResult extends ActionResult {
  readonly exitCode: number | null;
  readonly signal?: string;
  readonly cancelled: boolean;
  readonly durationMs: number;
  /** The output's evidence item (an existing one when the same output was already attached). */
  readonly evidenceId: string;
  readonly outputSha256: string;
  readonly outputSize: number;
  readonly outOfGit: boolean;
}

/** One problem found by verify, naming the file it is about (relative to the repository root). */
export interface VerifyProblem {
  readonly file: string;
  readonly message: string;
}

export interface VerifyRequest {
  /** Incident ids; all incidents when empty. */
  readonly incidents?: readonly string[];
  /** Also check append-only against this ref. */
  readonly base?: string;
}

export interface VerifyResult {
  readonly checked: readonly string[];
  readonly problems: readonly VerifyProblem[];
}

/** Timing of the automatic sync (defaults: push 1.5 s after a commit, fetch every 15 s). */
export interface AutoSyncTiming {
  readonly debounceMs?: number;
  readonly intervalMs?: number;
}

/** The recorder's sync result plus one sentence for people. */
export type SyncResult = GitSyncResult & { readonly message: string };

export interface ReconcileResult {
  readonly incidentId: string;
  /** Null when there was nothing to reconcile. */
  readonly commit: string | null;
  readonly eventIds: readonly string[];
}

/** The incident's copy of its opening runbook and the library file it came from, as they are now. */
export interface RunbookDrift {
  readonly incidentId: string;
  readonly runbook: string;
  /** The path recorded when it joined (repository-relative or `builtin/<file>`). */
  readonly recordedPath: string;
  /** Absolute path of the incident's runbook.md. */
  readonly copy: string;
  /** Absolute path of the library file; absent when it is no longer there. */
  readonly library?: string;
}

/** A runbook change proposed after an incident ("Propose Runbook Change"), optionally about one step. */
export interface RunbookChangeRequest {
  readonly incidentId: string;
  readonly step?: string;
  /** Copy a built-in runbook into the repository's runbook folder on the branch (asked first). */
  readonly copyBuiltin?: boolean;
}

/**
 * `builtin`: the runbook is a built-in one, not in the repository, and `copyBuiltin` was not given:
 * nothing was done. `ready`: the branch is checked out at `root` and the runbook is at `file`.
 */
export type RunbookProposal =
  | { readonly kind: 'builtin'; readonly incidentId: string; readonly runbook: string; readonly builtinFile: string }
  | {
    readonly kind: 'ready';
    readonly incidentId: string;
    readonly runbook: string;
    readonly step?: string;
    /** `runbook/<runbook-id>-<incident-id>`. */
    readonly branch: string;
    /** Where the branch is checked out: the user's checkout (it was clean) or a managed worktree. */
    readonly root: string;
    readonly managedWorktree: boolean;
    /** True when this call created the branch (false on a rerun). */
    readonly created: boolean;
    /** Absolute path of the runbook to edit, and relative to `root`. */
    readonly file: string;
    readonly path: string;
    /** 1-based line of the step (1 without a step or when the step is no longer in the file). */
    readonly line: number;
    readonly stepFound: boolean;
    /** True when this call copied the built-in runbook into the repository's runbook folder. */
    readonly copiedBuiltin: boolean;
  };

/** The runbook file committed on the proposal's branch with the incident linked. */
export interface RunbookChangeCommit {
  readonly incidentId: string;
  readonly runbook: string;
  readonly branch: string;
  readonly root: string;
  readonly path: string;
  readonly commit: string;
  readonly message: string;
}

/** The post-incident review written to the incident folder (`firebreak report`, "Generate Post-Incident Review"). */
export interface PostmortemResult {
  readonly incidentId: string;
  /** Absolute path of postmortem.md. */
  readonly file: string;
  /** postmortem.md relative to its worktree root, with `/` separators. */
  readonly path: string;
  /** Null when nothing changed (`upToDate`) or Git could not commit yet (`warnings` says why). */
  readonly commit: string | null;
  readonly upToDate: boolean;
  /** Generated sections people edited, kept as they wrote them. */
  readonly keptEdited: readonly string[];
  readonly warnings: readonly string[];
}

/** A short view of an incident for lists (`status` without an id). Built from events only. */
export interface IncidentSummary {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly stage: string;
  readonly exercise: boolean;
  readonly openedAt: string;
}

/**
 * The incident service. Every method that records does so in exactly one commit through the
 * recorder; nothing here re-parses a runbook once an incident is open (the opening snapshot is used).
 */
export interface IncidentServiceApi {
  /** Repository root (absolute). */
  readonly root: string;
  /** Opens an incident from a runbook: new folder, byte copy of runbook.md, opening event. */
  start(request: StartRequest): Promise<StartResult>;
  /** Applies one responder action to an incident. Throws a ServiceError with a clear message on bad input. */
  apply(incidentId: string, request: ActionRequest): Promise<ActionResult>;
  /** Joins a second runbook to an incident (its snapshot goes into a `runbook.added` event). */
  addRunbook(incidentId: string, runbook: string): Promise<ActionResult>;
  /** Attaches a file: streamed copy with SHA-256, deduplicated, never executable; policy may keep it out of Git. */
  addEvidence(incidentId: string, request: EvidenceRequest): Promise<EvidenceResult>;
  /** Checks a step's command (runbook copy hash, lint, recorded hash) and returns what a person must confirm. Runs nothing. */
  planRun(incidentId: string, step: string): Promise<RunPlan>;
  /** Runs a confirmed step command: `command.started`, then its output as evidence with `command.finished` or `command.cancelled`. */
  runStep(incidentId: string, step: string, request: RunRequest): Promise<RunResult>;
  /** Incident ids under the incidents folder, sorted. */
  listIds(): Promise<string[]>;
  /** A list view of every incident (events only). */
  list(): Promise<IncidentSummary[]>;
  /** The reduced state of one incident (from its events). */
  state(incidentId: string): Promise<IncidentState>;
  /** The JSON view of one incident at the service's clock (`status --json`). */
  status(incidentId: string): Promise<IncidentStatus>;
  /** Turns hand edits of incident.md into events, in one commit. */
  reconcile(incidentId: string): Promise<ReconcileResult>;
  /**
   * Writes postmortem.md in the incident folder from its events, keeping what people wrote, in one
   * commit touching only that file (no event, incident.md untouched). Nothing when already up to date.
   */
  writePostmortem(incidentId: string): Promise<PostmortemResult>;
  /** Where the incident's runbook copy and its library file are (reads files only). */
  runbookDrift(incidentId: string): Promise<RunbookDrift>;
  /**
   * Checks out `runbook/<runbook-id>-<incident-id>` from HEAD (in its own worktree when the user's
   * checkout is dirty; reused on a rerun) and finds the library runbook to edit at the step's line.
   */
  proposeRunbookChange(request: RunbookChangeRequest): Promise<RunbookProposal>;
  /** Commits the proposal's runbook file on its branch (nothing else), with the `Incident:` trailer. */
  commitRunbookChange(request: RunbookChangeRequest): Promise<RunbookChangeCommit>;
  /**
   * Records one `sla.missed` per deadline (stage SLA at the current severity, or a step's own
   * deadline) missed at `now` (default: the service's clock) and not recorded yet, in one commit per
   * incident; all open incidents when no id is given. Safe to call often and from several processes
   * or clones at once: a miss recorded twice counts once. Returns one result per commit made.
   */
  recordMissedSlas(incidentId?: string, now?: Date): Promise<ActionResult[]>;
  /** Reads files only; never runs hooks, filters or fsmonitor. */
  verify(request: VerifyRequest): Promise<VerifyResult>;
  /** Fetch, integrate (union of events, re-render), push. */
  sync(incidentId?: string): Promise<SyncResult>;
  /**
   * The automatic sync of PRODUCT.md §3 for this repository, or undefined when `.firebreak.yml`
   * says `sync: manual`. Not started: call `start()` (first sync at once, then a fetch every ~15 s
   * and a debounced push after each commit this service makes) and `stop()` on shutdown.
   * `onDidSync(listener)` is called after every attempt with `{ lastSuccessAt, lastError,
   * lastResult }` (lastResult.state 'no-remote' means there is nothing to sync with); `current`
   * holds the same; `syncNow()` syncs at once.
   */
  createAutoSync(timing?: AutoSyncTiming): AutoSync | undefined;
  /** Commits every batched (or pending) action now; call before the process exits. */
  flush(): Promise<void>;
  /** The compare URL to open a pull request for the incidents' branch (GitHub, GitLab, Bitbucket, Azure DevOps). */
  pullRequest(incidentId?: string): Promise<PullRequestLink>;
  /** Releases what the service holds (the read-only service lets git run again). */
  dispose?(): void;
}
