// The incident service: opens incidents, applies responder actions, attaches evidence, reconciles
// hand edits, verifies and lists. Every recorded action is one event and one commit, through the
// recorder; the runbook is parsed only when it joins (its snapshot is used from then on).
import fs from 'node:fs';
import path from 'node:path';
import {
  buildAction, buildEvidenceAdded, buildOpening, buildRunbookAdded, buildSlaMissed, evidenceIdFor, incidentStatus, newEventId,
  newIncidentId, reconcileIncidentMarkdown, reduceIncident, renderIncidentMarkdown, serializeEvent, sha256Hex, stampAfter, stampEvent,
  type BuiltAction, type EventDraft, type IncidentState, type IncidentStatus,
} from '../core/incident';
import {
  AutoSync, ensureGitAttributes, installMergeDriver, isSafeName, Recorder, repoPaths, repoPathsOnDisk, runGit, syncIncidents, TEMP_PREFIX,
  worktreePath, type AddFile, type RepoPaths,
} from '../git';
import { AlertError, mapAlert, type MappedAlert } from '../core/alert';
import { matchesPattern } from '../core/config';
import { copyWithHash, hashFile, inspectEvidenceSource } from './evidence';
import { ServiceError, shown } from './errors';
import { EVENTS_FILE, POSTMORTEM_FILE, RECORD_FILE, loadIncident, renderIncidentFiles, type LoadCache } from './incidentFolder';
import { incidentLocation, perIncidentIds, perIncidentIdsOnDisk, readIdentity, type IncidentLocation } from './repository';
import { resolveIncidentsLocation } from '../git/location';
import { pullRequestLink, type PullRequestLink } from './pullRequest';
import { libraryFileOf, loadRunbook } from './runbookSource';
import { commitRunbookChange, proposeRunbookChange, type ProposalContext } from './runbookProposal';
import { secretWarnings, StreamingSecretScanner, type SecretFinding } from './secrets';
import type {
  ActionRequest, ActionResult, AutoSyncTiming, EvidenceRequest, EvidenceResult, Identity, IncidentServiceApi, IncidentServiceOptions,
  IncidentSummary, PostmortemResult, ReconcileResult, RunbookChangeCommit, RunbookChangeRequest, RunbookDrift, RunbookProposal, RunPlan, RunRequest, RunResult, StartRequest, StartResult, SyncResult, VerifyRequest, VerifyResult,
} from './types';
import { verifyIncidents } from './verifyIncidents';
import { mergePostmortem, renderPostmortem } from '../core/review';
import { buildCommandEnded, buildCommandStarted } from '../core/run';
import { planRun, samePlan } from './runPlan';
import { commandProcessEnv, runShellCommand, type ShellRunResult } from './shellRunner';


export class IncidentService implements IncidentServiceApi {
  private identity: Identity | undefined;
  private readonly recovered = new Set<string>();
  /** Per-incident mode: one recorder per incident worktree. */
  private readonly recorders = new Map<string, Recorder>();
  private readonly recorder: Recorder;
  /** Told after every commit (the automatic sync's debounced push). */
  private readonly committed = new Set<() => void>();
  private readonly loaded: LoadCache = new Map();

  private constructor(
    readonly root: string,
    private readonly location: IncidentLocation,
    private readonly options: IncidentServiceOptions,
    /** Restricted Mode: the repository as read from disk; git is never run (see openWithoutGit). */
    private readonly onDisk?: RepoPaths,
  ) {
    this.recorder = this.newRecorder(location.root);
  }

  /**
   * Restricted Mode: reads incidents from disk without running git (the caller refuses git spawns
   * meanwhile, see refuseGitSpawns). Only the reading methods are meant to be used.
   */
  static async openWithoutGit(options: IncidentServiceOptions): Promise<IncidentService> {
    const repo = repoPathsOnDisk(options.cwd);
    if (!repo) throw new ServiceError(`${options.cwd} is not in a Git repository`);
    const location = await incidentLocation(repo.root, options.notice, repo);
    return new IncidentService(repo.root, location, options, repo);
  }

  /** Opens the service for the repository containing `options.cwd`. */
  static async open(options: IncidentServiceOptions): Promise<IncidentService> {
    let root: string;
    try {
      root = (await repoPaths(options.cwd)).root;
    } catch {
      throw new ServiceError(`${options.cwd} is not in a Git repository: run \`git init\` (or \`firebreak start --init\`)`);
    }
    const location = await incidentLocation(root, options.notice);
    return new IncidentService(root, location, options);
  }

  async start(request: StartRequest): Promise<StartResult> {
    const now = this.options.now();
    const alert = request.alert !== undefined ? this.mapAlert(request.alert) : undefined;
    const title = request.title.trim() !== '' ? request.title : alert?.title;
    if (title === undefined) throw new ServiceError(`the alert has no title at ${this.location.config.alert.title}: give one (--title)`);
    const severity = request.severity ?? alert?.severity;
    const fromAlert = request.fromAlert ?? alert?.source;
    const source = await loadRunbook(request.runbook, {
      root: this.root, cwd: this.options.cwd, now,
      ...(this.options.builtinRunbooksDir ? { builtinDir: this.options.builtinRunbooksDir } : {}),
    });
    const incidentId = this.freshIncidentId(now);
    await this.ensureAttributes(incidentId);
    const built = buildOpening({
      incident: incidentId, title, runbook: source.runbook, path: source.recordedPath,
      sha256: sha256Hex(source.bytes), exercise: request.exercise === true,
      ...(severity !== undefined ? { severity } : {}),
      ...(fromAlert !== undefined ? { fromAlert } : {}),
    });
    const fromAlertActions = alert ? await this.alertActions(built, alert, now) : [];
    const result = await this.record(incidentId, undefined, [built, ...fromAlertActions], [{ path: 'runbook.md', bytes: source.bytes }]);
    return { ...result, folder: this.folderOf(incidentId) };
  }

  private mapAlert(text: string): MappedAlert {
    try {
      return mapAlert(text, this.location.config.alert, this.location.config.severities);
    } catch (error) {
      if (error instanceof AlertError) throw new ServiceError(error.message);
      throw error;
    }
  }

  /** The alert's occurred-at and indicators, as actions on the incident the opening creates. */
  private async alertActions(opening: BuiltAction, alert: MappedAlert, now: Date): Promise<BuiltAction[]> {
    const actor = await this.actor();
    const opened = reduceIncident([stampEvent(opening.draft, { id: newEventId(now), at: now.toISOString(), actor })]);
    const requests: ActionRequest[] = [
      ...(alert.occurredAt !== undefined ? [{ kind: 'set', field: 'occurred-at', value: alert.occurredAt } as const] : []),
      ...alert.indicators.map((i) => ({ kind: 'indicator', type: i.type, value: i.value, ...(alert.source !== undefined ? { source: alert.source } : {}) } as const)),
    ];
    return requests.map((request) => buildAction(opened, request, { actor, now }));
  }

  async apply(incidentId: string, request: ActionRequest): Promise<ActionResult> {
    const { state, latestAt } = await this.load(incidentId);
    const built = buildAction(state, request, { actor: await this.actor(), now: this.options.now() });
    return this.record(incidentId, latestAt, [built]);
  }

  async addRunbook(incidentId: string, runbook: string): Promise<ActionResult> {
    const { state, latestAt } = await this.load(incidentId);
    const source = await loadRunbook(runbook, {
      root: this.root, cwd: this.options.cwd, now: this.options.now(),
      ...(this.options.builtinRunbooksDir ? { builtinDir: this.options.builtinRunbooksDir } : {}),
    });
    const file = isSafeName(`runbook-${source.runbook.id}.md`) ? `runbook-${source.runbook.id}.md` : `runbook-${state.runbooks.length + 1}.md`;
    const built = buildRunbookAdded(state, { runbook: source.runbook, path: source.recordedPath, file, sha256: sha256Hex(source.bytes) });
    return this.record(incidentId, latestAt, [built], [{ path: file, bytes: source.bytes }]);
  }

  async addEvidence(incidentId: string, request: EvidenceRequest): Promise<EvidenceResult> {
    const { state, latestAt } = await this.load(incidentId);
    const source = await inspectEvidenceSource(request.file, this.options.cwd, this.root);
    const policy = this.location.config.evidence;
    const policyReason = source.size > policy.maxBytes
      ? `is larger than ${formatBytes(policy.maxBytes)}`
      : policy.outOfGit.some((pattern) => matchesPattern(source.originalName, pattern)) ? 'matches an out-of-Git pattern in .firebreak.yml' : undefined;
    const outOfGit = request.outOfGit === true || policyReason !== undefined;
    const policyNote = !request.outOfGit && policyReason !== undefined
      ? [`${shown(source.originalName)} ${policyReason}: kept out of Git (hash and location recorded)`]
      : [];
    const absDir = path.join((await this.place(incidentId)).root, this.folderOf(incidentId));
    const evidenceDir = path.join(absDir, 'evidence');
    let temp: string | undefined;
    let hashed;
    if (outOfGit) {
      hashed = await hashFile(source.path, request.onProgress && ((read) => request.onProgress!(read, source.size)));
    } else {
      await fs.promises.mkdir(evidenceDir, { recursive: true });
      temp = path.join(evidenceDir, `${TEMP_PREFIX}evidence-${process.pid}-${Date.now()}`);
      hashed = await copyWithHash(source.path, temp, request.onProgress && ((read) => request.onProgress!(read, source.size)));
    }
    try {
      const same = state.evidence.find((e) => e.sha256 === hashed.sha256);
      if (same) {
        return {
          incidentId, commit: null, subject: '', eventIds: [], evidenceId: same.evidence, sha256: hashed.sha256,
          size: hashed.size, duplicate: true, outOfGit: same.file === undefined, warnings: source.warnings,
        };
      }
      const built = buildEvidenceAdded(state, {
        name: source.originalName, sha256: hashed.sha256, size: hashed.size,
        ...(request.description !== undefined ? { description: request.description } : {}),
        ...(outOfGit ? { location: source.path } : {}),
      });
      const evidenceId = built.evidence;
      const addFiles: AddFile[] = [];
      if (temp !== undefined) {
        await fs.promises.rename(temp, path.join(evidenceDir, evidenceId));
        temp = undefined;
        addFiles.push({ path: `evidence/${evidenceId}` });
      }
      const result = await this.record(incidentId, latestAt, [{ ...built, warnings: [...source.warnings, ...policyNote, ...built.warnings] }], addFiles);
      return { ...result, evidenceId, sha256: hashed.sha256, size: hashed.size, duplicate: false, outOfGit };
    } finally {
      if (temp !== undefined) await fs.promises.rm(temp, { force: true });
    }
  }

  async planRun(incidentId: string, step: string): Promise<RunPlan> {
    const { state } = await this.load(incidentId);
    return planRun(state, step, path.join((await this.place(incidentId)).root, this.folderOf(incidentId)), this.options.cwd);
  }

  async runStep(incidentId: string, step: string, request: RunRequest): Promise<RunResult> {
    if (request.trusted !== true) throw new ServiceError('this workspace is not trusted (Restricted Mode): Firebreak runs no command here. Trust the workspace first.');
    const { state, latestAt } = await this.load(incidentId);
    const { root } = await this.place(incidentId);
    const plan = planRun(state, step, path.join(root, this.folderOf(incidentId)), this.options.cwd);
    if (!samePlan(plan, request.confirmed)) throw new ServiceError(`the command of step ${plan.step} or the values it receives changed since it was confirmed: nothing ran; confirm it again`);
    if (request.signal?.aborted) throw new ServiceError('cancelled before the command started: nothing ran');
    const started = await this.record(incidentId, latestAt, [buildCommandStarted(state, {
      step: plan.step, runbook: plan.runbook, command: plan.command, sha256: plan.sha256, env: plan.env.map((v) => v.name),
    })]);
    request.onStarted?.(started);
    const outputDir = path.join((await repoPaths(root)).commonDir, 'firebreak', 'output', incidentId);
    await fs.promises.mkdir(outputDir, { recursive: true });
    const temp = path.join(outputDir, `${TEMP_PREFIX}${process.pid}-${Date.now()}-${started.eventIds[0]}`);
    const scanner = this.location.config.secretScan ? new StreamingSecretScanner() : undefined;
    try {
      const ran = await runShellCommand({
        command: plan.command, cwd: plan.cwd, env: commandProcessEnv(this.options.env ?? process.env, plan.env), outputFile: temp,
        ...(request.signal ? { signal: request.signal } : {}),
        onOutput: (chunk) => {
          scanner?.write(chunk);
          request.onOutput?.(chunk);
        },
      });
      const secrets = scanner?.end() ?? [];
      return await this.recordRunEnd(incidentId, plan, started.eventIds[0]!, ran, temp, outputDir, secrets);
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }

  /** The output as evidence (in Git up to the size limit, else kept in the repository's .git folder) and the end of the run, in one commit. */
  private async recordRunEnd(
    incidentId: string, plan: RunPlan, startedId: string, ran: ShellRunResult, temp: string, outputDir: string, secrets: readonly SecretFinding[],
  ): Promise<RunResult> {
    const { state, latestAt } = await this.load(incidentId);
    const end = { started: startedId, outcome: ran.cancelled ? 'cancelled' as const : 'finished' as const, exitCode: ran.exitCode, durationMs: ran.durationMs, ...(ran.signal !== undefined ? { signal: ran.signal } : {}) };
    const same = state.evidence.find((e) => e.sha256 === ran.sha256);
    const outOfGit = same ? same.file === undefined : ran.size > this.location.config.evidence.maxBytes;
    const actions: BuiltAction[] = [];
    const addFiles: AddFile[] = [];
    const warnings: string[] = [];
    let evidenceId = same?.evidence;
    if (!same) {
      const name = `output-${plan.step}.txt`;
      evidenceId = evidenceIdFor(name, ran.sha256);
      const stored = outOfGit ? path.join(outputDir, evidenceId) : path.join((await this.place(incidentId)).root, this.folderOf(incidentId), 'evidence', evidenceId);
      await fs.promises.mkdir(path.dirname(stored), { recursive: true });
      await moveFile(temp, stored);
      const description = `Output of the command of step ${plan.step} (${ran.cancelled ? 'cancelled' : ran.exitCode !== null ? `exit code ${ran.exitCode}` : `ended by ${ran.signal ?? 'a signal'}`})`;
      actions.push(buildEvidenceAdded(state, { name, sha256: ran.sha256, size: ran.size, description, ...(outOfGit ? { location: stored } : {}) }));
      if (outOfGit) warnings.push(`the output (${formatBytes(ran.size)}) is larger than the evidence limit: kept out of Git at ${stored} (its hash is recorded)`);
      else {
        addFiles.push({ path: `evidence/${evidenceId}` });
        // Told before the commit, like a note's secrets (PRODUCT.md §3 evidence policy).
        for (const finding of secrets) {
          const warning = `command output line ${finding.line} may hold a secret (${finding.kind}): it is committed to Git as ${evidenceId}; rotate it if it is real`;
          this.options.warn?.(warning);
          warnings.push(warning);
        }
      }
    }
    actions.push(buildCommandEnded(state, { ...end, evidence: evidenceId! }));
    const result = await this.record(incidentId, latestAt, actions, addFiles);
    return {
      ...result, warnings: [...warnings, ...result.warnings], exitCode: ran.exitCode, ...(ran.signal !== undefined ? { signal: ran.signal } : {}),
      cancelled: ran.cancelled, durationMs: ran.durationMs, evidenceId: evidenceId!, outputSha256: ran.sha256, outputSize: ran.size, outOfGit,
    };
  }

  async listIds(): Promise<string[]> {
    const branch = this.location.config.branch;
    if (branch.kind === 'per-incident') return this.onDisk ? perIncidentIdsOnDisk(this.onDisk, branch.prefix) : perIncidentIds(this.root, branch.prefix);
    return this.folderIds(this.location.root);
  }

  async list(): Promise<IncidentSummary[]> {
    const summaries: IncidentSummary[] = [];
    for (const id of await this.listIds()) {
      const { state } = await this.load(id);
      summaries.push({
        id, title: state.title, severity: state.severity, status: state.status, stage: state.stage,
        exercise: state.exercise, openedAt: state.opened?.at ?? '',
      });
    }
    return summaries;
  }

  async recordMissedSlas(incidentId?: string, now: Date = this.options.now()): Promise<ActionResult[]> {
    const results: ActionResult[] = [];
    for (const id of incidentId !== undefined ? [incidentId] : await this.listIds()) {
      const { state, latestAt } = await this.load(id);
      const due = buildSlaMissed(state, now);
      if (due.length > 0) results.push(await this.record(id, latestAt, due));
    }
    return results;
  }

  async state(incidentId: string): Promise<IncidentState> {
    return (await this.load(incidentId)).state;
  }

  async status(incidentId: string): Promise<IncidentStatus> {
    return incidentStatus(await this.state(incidentId), this.options.now());
  }

  async reconcile(incidentId: string): Promise<ReconcileResult> {
    const { state, latestAt } = await this.load(incidentId);
    const folder = this.folderOf(incidentId);
    const recordPath = path.join((await this.place(incidentId)).root, folder, RECORD_FILE);
    const edited = await readRegularFile(recordPath);
    const rendered = renderIncidentMarkdown(state);
    if (edited === rendered) return { incidentId, commit: null, eventIds: [] };
    // A deleted incident.md is simply rendered again; an edited one becomes events (or notes).
    const actor = edited === undefined ? await this.actor() : await this.editor(incidentId, `${folder}/${RECORD_FILE}`, edited);
    const drafts: EventDraft[] = edited === undefined ? [] : reconcileIncidentMarkdown(edited, state, actor);
    const built: BuiltAction[] = drafts.map((draft) => ({ draft, stage: isSafeName(state.stage) ? state.stage : 'incident', action: 'reconciled', warnings: [] }));
    const result = await this.record(incidentId, latestAt, built, [], actor, 'reconciled');
    return { incidentId, commit: result.commit, eventIds: result.eventIds };
  }

  async writePostmortem(incidentId: string): Promise<PostmortemResult> {
    const { state } = await this.load(incidentId);
    const folder = this.folderOf(incidentId);
    const { root, recorder } = await this.place(incidentId);
    const repoPath = `${folder}/${POSTMORTEM_FILE}`;
    const file = path.join(root, folder, POSTMORTEM_FILE);
    const existing = await readRegularFile(file);
    const merged = mergePostmortem(existing, renderPostmortem(state));
    const done = { incidentId, file, path: repoPath, keptEdited: merged.keptEdited };
    if (merged.text === existing) return { ...done, commit: null, upToDate: true, warnings: [] };
    await this.recoverOnce(root, recorder);
    // A file of its own: no event, and no re-render (hand edits of incident.md stay for reconcile).
    const result = await recorder.record({
      incidentDir: folder,
      appendEvents: [],
      render: () => ({}),
      addFiles: [{ path: POSTMORTEM_FILE, bytes: merged.text }],
      subject: { incidentId, stage: 'post-incident', action: existing === undefined ? 'postmortem.generated' : 'postmortem.regenerated' },
      trailers: { events: [] },
    });
    const warnings = result.commit === null && !result.batched ? [`written but not committed yet (${result.problem ?? 'git failed'})`] : [];
    return { ...done, commit: result.commit, upToDate: false, warnings };
  }

  async runbookDrift(incidentId: string): Promise<RunbookDrift> {
    const { state } = await this.load(incidentId);
    const opening = state.runbooks[0];
    if (opening === undefined) throw new ServiceError(`incident ${incidentId} has no runbook`);
    const copy = path.join((await this.place(incidentId)).root, this.folderOf(incidentId), opening.file);
    const library = libraryFileOf(opening.path, { root: this.root, ...(this.options.builtinRunbooksDir ? { builtinDir: this.options.builtinRunbooksDir } : {}) });
    return { incidentId, runbook: opening.id, recordedPath: opening.path, copy, ...(library !== undefined ? { library } : {}) };
  }

  async proposeRunbookChange(request: RunbookChangeRequest): Promise<RunbookProposal> {
    return proposeRunbookChange(this.proposalContext(), (await this.load(request.incidentId)).state, request);
  }

  async commitRunbookChange(request: RunbookChangeRequest): Promise<RunbookChangeCommit> {
    return commitRunbookChange(this.proposalContext(), (await this.load(request.incidentId)).state, request);
  }

  private proposalContext(): ProposalContext {
    return { root: this.root, remote: this.location.config.remote, ...(this.options.builtinRunbooksDir ? { builtinDir: this.options.builtinRunbooksDir } : {}) };
  }

  async verify(request: VerifyRequest): Promise<VerifyResult> {
    const common = { root: this.location.root, incidentsFolder: this.location.folder, ...request };
    const mode = this.location.config.branch;
    if (mode.kind !== 'per-incident') return verifyIncidents({ ...common, listIds: () => this.listIds() });
    // Per-incident mode: the incidents of the checkout (in CI, the incident branch under review),
    // and those of every incident branch in its worktree (never created here: verify only reads files).
    const inCheckout = await this.folderIds(this.location.root);
    const repo = await this.recorder.paths();
    const worktrees = new Map<string, string>();
    for (const id of await this.listIds()) {
      const dir = worktreePath(repo, `${mode.prefix}/${id}`);
      if (!inCheckout.includes(id) && fs.existsSync(path.join(dir, this.location.folder, id))) worktrees.set(id, dir);
    }
    return verifyIncidents({ ...common, listIds: async () => [...inCheckout, ...worktrees.keys()].sort(), rootOf: (id) => worktrees.get(id) ?? this.location.root });
  }

  /** Sync is per branch: every incident on it is integrated (an id only names which one the caller cares about). */
  async sync(incidentId?: string): Promise<SyncResult> {
    if (incidentId !== undefined) this.folderOf(incidentId);
    const ids = this.location.config.branch.kind !== 'per-incident' ? [undefined] : incidentId !== undefined ? [incidentId] : await this.listIds();
    let result: Omit<SyncResult, 'message'> = { state: 'up-to-date', head: null, mergedIncidents: [] };
    for (const id of ids) {
      const { recorder } = await this.place(id);
      if (this.options.mergeDriverCommand !== undefined) {
        await installMergeDriver(await recorder.paths(), this.options.mergeDriverCommand, this.location.folder);
      }
      const one = await syncIncidents(recorder, { incidentsDir: this.location.folder, render: renderIncidentFiles, remote: this.location.config.remote });
      result = { ...one, mergedIncidents: [...result.mergedIncidents, ...one.mergedIncidents] };
      if (one.state === 'offline' || one.state === 'blocked') break;
    }
    return { ...result, message: describeSync(result) };
  }

  /** The compare URL for the incidents' branch (the incident's own branch in per-incident mode). */
  async pullRequest(incidentId?: string): Promise<PullRequestLink> {
    if (incidentId !== undefined) this.folderOf(incidentId);
    return pullRequestLink((await this.place(incidentId)).root, this.location.config.remote);
  }

  createAutoSync(options: AutoSyncTiming = {}): AutoSync | undefined {
    if (this.location.config.sync !== 'auto') return undefined;
    return new AutoSync({
      sync: () => this.sync(),
      now: this.options.now,
      onCommitted: (listener) => {
        this.committed.add(listener);
        return () => this.committed.delete(listener);
      },
      ...options,
    });
  }

  async flush(): Promise<void> {
    for (const recorder of [this.recorder, ...this.recorders.values()]) await recorder.flush();
  }

  // ——— internals ———

  /** Ids of the incident folders (with an events.jsonl) under the incidents folder of a worktree, sorted. */
  private async folderIds(root: string): Promise<string[]> {
    const folder = path.join(root, this.location.folder);
    let names: string[];
    try {
      names = await fs.promises.readdir(folder);
    } catch {
      return [];
    }
    return names.filter((name) => isSafeName(name) && fs.existsSync(path.join(folder, name, EVENTS_FILE))).sort();
  }

  /** A recorder for a worktree: `.firebreak.yml` commit batching honoured, commits announced to the automatic sync. */
  private newRecorder(root: string): Recorder {
    return new Recorder({
      root,
      retryPendingMs: 0,
      batchMs: this.location.config.commitBatchSeconds * 1000,
      onCommitted: () => { for (const listener of this.committed) listener(); },
    });
  }

  /** `.gitattributes` for incident records, written and committed once per repository (PRODUCT.md §3). */
  private async ensureAttributes(incidentId: string): Promise<void> {
    const { root, recorder } = await this.place(incidentId);
    // The merge drivers too (repository config, not committed), so plain `git pull` merges incident files before any sync.
    if (this.options.mergeDriverCommand !== undefined) await installMergeDriver(await recorder.paths(), this.options.mergeDriverCommand, this.location.folder);
    if (!(await ensureGitAttributes(root, this.location.folder))) return;
    const content = await fs.promises.readFile(path.join(root, '.gitattributes'), 'utf8');
    await recorder.commitFiles({ '.gitattributes': content }, { incidentId, stage: 'setup', action: 'gitattributes' });
  }

  /** Before the first write: commit what a crash (or a failed hook) left on disk, so nothing acknowledged is lost. */
  private async recoverOnce(root: string, recorder: Recorder): Promise<void> {
    if (this.recovered.has(root)) return;
    this.recovered.add(root);
    if (!fs.existsSync(path.join(root, this.location.folder))) return;
    const result = await recorder.recover(this.location.folder, renderIncidentFiles);
    if (result.commits.length > 0) this.options.notice?.(`committed ${result.commits.length} action(s) left uncommitted by an earlier run`);
    for (const dir of result.handEdited) this.options.notice?.(`${dir}/${RECORD_FILE} has hand edits: run \`firebreak reconcile\``);
  }

  /** Where an incident's files are written and committed, and the recorder for it (its own worktree per incident in per-incident mode). */
  private async place(incidentId: string | undefined): Promise<{ root: string; recorder: Recorder }> {
    const mode = this.location.config.branch;
    if (mode.kind !== 'per-incident' || incidentId === undefined) return { root: this.location.root, recorder: this.recorder };
    if (this.onDisk) return { root: worktreePath(this.onDisk, `${mode.prefix}/${this.folderOf(incidentId).split('/').pop()}`), recorder: this.recorder };
    const located = await resolveIncidentsLocation(this.root, mode, this.location.folder, this.folderOf(incidentId).split('/').pop(), this.location.config.remote);
    let recorder = this.recorders.get(located.root);
    if (!recorder) {
      recorder = this.newRecorder(located.root);
      this.recorders.set(located.root, recorder);
    }
    return { root: located.root, recorder };
  }

  private folderOf(incidentId: string): string {
    if (!isSafeName(incidentId)) throw new ServiceError(`invalid incident id ${shown(incidentId)}`);
    return `${this.location.folder}/${incidentId}`;
  }

  private async load(incidentId: string) {
    const folder = this.folderOf(incidentId);
    if (this.location.config.branch.kind === 'per-incident' && !(await this.listIds()).includes(incidentId)) {
      throw new ServiceError(`unknown incident ${incidentId}`);
    }
    return loadIncident(path.join((await this.place(incidentId)).root, folder), incidentId, this.loaded);
  }

  private freshIncidentId(now: Date): string {
    for (;;) {
      const id = newIncidentId(now);
      if (!fs.existsSync(path.join(this.location.root, this.location.folder, id))) return id;
    }
  }

  private async actor(): Promise<Identity> {
    this.identity ??= await readIdentity(this.root, this.options.env);
    return this.identity;
  }

  /** Who made a hand edit: the author of the last commit of the file when the edit is committed, else the local user. */
  private async editor(incidentId: string, repoPath: string, edited: string): Promise<Identity> {
    const cwd = (await this.place(incidentId)).root;
    const atHead = await runGit(['cat-file', 'blob', `HEAD:${repoPath}`], { cwd, allowFailure: true });
    if (atHead.code === 0 && atHead.stdout === edited) {
      const log = await runGit(['log', '-1', '--format=%an%x00%ae', '--', repoPath], { cwd, allowFailure: true });
      const [name, email] = log.stdout.trim().split('\0');
      if (name && email) return { name, email };
    }
    return this.actor();
  }

  /**
   * Stamps the drafts (hybrid logical clock, strictly increasing), warns about secrets before the
   * commit, and records them in one commit. With no drafts, only the rendered files are rewritten.
   */
  private async record(
    incidentId: string,
    latestAt: string | undefined,
    actions: readonly BuiltAction[],
    addFiles: readonly AddFile[] = [],
    actorOverride?: Identity,
    actionWords?: string,
  ): Promise<ActionResult> {
    const folder = this.folderOf(incidentId);
    const actor = actorOverride ?? (await this.actor());
    const { root, recorder } = await this.place(incidentId);
    await this.recoverOnce(root, recorder);
    for (const built of actions) {
      if (!this.location.config.secretScan) break;
      for (const warning of secretWarnings(describeDraft(built.draft), textOf(built.draft))) this.options.warn?.(warning);
    }
    const now = this.options.now();
    let seen = latestAt;
    const lines: string[] = [];
    const eventIds: string[] = [];
    for (const built of actions) {
      const at = stampAfter(seen, now);
      seen = at;
      const id = newEventId(now);
      eventIds.push(id);
      lines.push(serializeEvent(stampEvent(built.draft, { id, at, actor })));
    }
    const first = actions[0];
    const subject = {
      incidentId,
      stage: first?.stage ?? 'incident',
      action: actionWords ?? first?.action ?? 'rendered',
    };
    const result = await recorder.record({ incidentDir: folder, appendEvents: lines, render: renderIncidentFiles, addFiles, subject, trailers: { events: eventIds } });
    const warnings = actions.flatMap((a) => a.warnings);
    if (result.commit === null && !result.batched) warnings.push(`recorded on disk but not committed yet (${result.problem ?? 'git failed'}): it will be committed on the next run`);
    return { incidentId, commit: result.commit, ...(result.batched ? { batched: true } : {}), subject: `${subject.incidentId}: ${subject.stage}: ${subject.action}`, eventIds, warnings };
  }
}

function describeSync(result: Omit<SyncResult, 'message'>): string {
  const merged = result.mergedIncidents.length > 0 ? ` (merged ${result.mergedIncidents.length} incident${result.mergedIncidents.length === 1 ? '' : 's'})` : '';
  const problem = result.problem !== undefined ? `: ${result.problem}` : '';
  switch (result.state) {
    case 'no-remote': return 'no remote to sync with: incidents are recorded locally';
    case 'up-to-date': return 'already up to date';
    case 'pushed': return `pushed${merged}`;
    case 'fast-forwarded': return `updated from the remote${merged}`;
    case 'merged': return `merged with the remote and pushed${merged}`;
    case 'offline': return `offline, will catch up later${problem}`;
    case 'blocked': return `sync blocked${problem}`;
  }
}

/** Rename, or copy and remove when the target is on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.promises.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.promises.copyFile(from, to, fs.constants.COPYFILE_EXCL);
    await fs.promises.rm(from, { force: true });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Every string a responder typed in a draft, joined (for the secret scan). */
function textOf(draft: EventDraft): string {
  return Object.entries(draft)
    .filter(([key, value]) => key !== 'type' && typeof value === 'string')
    .map(([, value]) => value as string)
    .join('\n');
}

function describeDraft(draft: EventDraft): string {
  return draft.type === 'note.added' ? 'note' : draft.type;
}

async function readRegularFile(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.promises.lstat(file);
    if (!stat.isFile()) throw new ServiceError(`${path.basename(file)} is not a regular file`);
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    return undefined;
  }
}
