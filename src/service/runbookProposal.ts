// Lessons flow back (PRODUCT.md §6): a runbook change proposed after an incident, on the branch
// `runbook/<runbook-id>-<incident-id>` from the user's HEAD (in its own worktree when their checkout
// is dirty), with the library runbook to edit at the step in question, then committed with the
// incident linked (`Incident:` trailer). A built-in runbook is first copied into the repository.
import fs from 'node:fs';
import path from 'node:path';
import type { IncidentState } from '../core/incident';
import { parseRunbook } from '../core/runbook/parse';
import { loadRepositoryLibrary } from '../core/runbook/repositoryLibrary';
import { buildRunbookChangeMessage, checkOutBranch, commitOneFile, isSafeBranch, isSafeName, worktreeOfBranch } from '../git';
import { ServiceError, shown } from './errors';
import type { RunbookChangeCommit, RunbookChangeRequest, RunbookProposal } from './types';

export interface ProposalContext {
  /** The user's checkout (the repository root). */
  readonly root: string;
  readonly builtinDir?: string;
  readonly remote: string;
}

/** Which runbook the lesson is about (the step's, else the one the incident started from) and its branch. */
export function proposalTarget(state: IncidentState, incidentId: string, step: string | undefined): { runbook: string; branch: string } {
  let runbook = state.runbooks[0]?.id;
  if (step !== undefined) {
    const found = state.steps.get(step);
    if (!found) throw new ServiceError(`incident ${incidentId} has no step ${shown(step)}`);
    runbook = found.runbook ?? runbook;
  }
  if (runbook === undefined) throw new ServiceError(`incident ${incidentId} has no runbook`);
  const branch = `runbook/${runbook}-${incidentId}`;
  if (!isSafeName(runbook) || !isSafeBranch(branch)) throw new ServiceError(`cannot name a branch after runbook ${shown(runbook)}: its id is not a safe name`);
  return { runbook, branch };
}

export async function proposeRunbookChange(context: ProposalContext, state: IncidentState, request: RunbookChangeRequest): Promise<RunbookProposal> {
  const { incidentId, step } = request;
  const { runbook, branch } = proposalTarget(state, incidentId, step);
  const inCheckout = await libraryEntry(context, context.root, runbook);
  if (inCheckout.builtin && request.copyBuiltin !== true && (await worktreeOfBranch(context.root, branch)) === undefined) {
    return { kind: 'builtin', incidentId, runbook, builtinFile: inCheckout.file };
  }
  const checkout = await checkOutBranch(context.root, branch, context.remote);
  let entry = await libraryEntry(context, checkout.root, runbook);
  let copiedBuiltin = false;
  if (entry.builtin) {
    entry = await copyIntoRepository(context, checkout.root, entry);
    copiedBuiltin = true;
  }
  const line = step === undefined ? 1 : stepLine(entry.file, entry.relativePath, step);
  return {
    kind: 'ready', incidentId, runbook, branch, root: checkout.root, managedWorktree: checkout.managedWorktree, created: checkout.created,
    file: entry.file, path: entry.relativePath, line: line ?? 1, stepFound: step === undefined || line !== undefined, copiedBuiltin,
    ...(step !== undefined ? { step } : {}),
  };
}

/** Commits the runbook file on the proposal's branch, wherever that is checked out, with the incident linked. */
export async function commitRunbookChange(context: ProposalContext, state: IncidentState, request: RunbookChangeRequest): Promise<RunbookChangeCommit> {
  const { incidentId, step } = request;
  const { runbook, branch } = proposalTarget(state, incidentId, step);
  const root = await worktreeOfBranch(context.root, branch);
  if (root === undefined) throw new ServiceError(`branch ${branch} is not checked out anywhere: run "Propose Runbook Change" first`);
  const entry = await libraryEntry(context, root, runbook);
  if (entry.builtin) throw new ServiceError(`runbook ${runbook} is not in the repository on ${branch}: run "Propose Runbook Change" first`);
  const message = buildRunbookChangeMessage({ runbook, incidentId, ...(step !== undefined ? { step } : {}) });
  const commit = await commitOneFile(root, entry.relativePath, message);
  if (commit === null) throw new ServiceError(`${entry.relativePath} has no change to commit on ${branch}: edit the runbook first`);
  return { incidentId, runbook, branch, root, path: entry.relativePath, commit, message };
}

interface Entry {
  readonly file: string;
  /** Relative to the worktree root (`/`-separated), or to the built-in folder. */
  readonly relativePath: string;
  readonly builtin: boolean;
}

/** The library runbook with this id as the worktree at `root` configures its library (repository folders first). */
async function libraryEntry(context: ProposalContext, root: string, runbook: string): Promise<Entry> {
  const { library } = await loadRepositoryLibrary(root, context.builtinDir !== undefined ? { builtinFolder: context.builtinDir } : {});
  const entry = library.resolve(runbook);
  if (!entry || entry.id !== runbook) throw new ServiceError(`no runbook with id ${shown(runbook)} in the library any more: nothing to change`);
  return { file: entry.file, relativePath: entry.relativePath.split(path.sep).join('/'), builtin: entry.builtin };
}

/** A built-in runbook's bytes, copied into the repository's first runbook folder so the team can change it. */
async function copyIntoRepository(context: ProposalContext, root: string, builtin: Entry): Promise<Entry> {
  const { folders } = await loadRepositoryLibrary(root, context.builtinDir !== undefined ? { builtinFolder: context.builtinDir } : {});
  const relativePath = `${folders[0] ?? 'runbooks'}/${path.basename(builtin.file)}`;
  const file = path.resolve(root, relativePath);
  if (fs.existsSync(file)) throw new ServiceError(`${relativePath} already exists with another runbook id: copy the built-in runbook by hand`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.copyFile(builtin.file, file, fs.constants.COPYFILE_EXCL);
  return { file, relativePath, builtin: false };
}

/** The 1-based line of `step` in the runbook file as it is now, undefined when the step is no longer there. */
function stepLine(file: string, relativePath: string, step: string): number | undefined {
  const parsed = parseRunbook(fs.readFileSync(file), { file: relativePath, now: new Date(), builtin: false });
  return parsed.stages.flatMap((s) => s.steps).find((s) => s.id === step)?.line;
}
