// Public API of the git layer (no vscode): safe git execution, the recorder, where incidents
// live, sync and the merge driver, PR URLs, and safe reads for verify.
export { runGit, refuseGitSpawns, refusedGitSpawns, GitError, nonInteractiveEnv, DEFAULT_GIT_TIMEOUT_MS, type GitRunOptions, type GitResult } from './exec';
export { isSafeName, isSafeRelativePath, isSafeBranch, isSafeRemoteName, isSafeToken } from './names';
export { buildCommitMessage, buildRunbookChangeMessage, isSafeAction, type CommitSubject, type CommitTrailers, type RunbookChangeLink } from './commitMessage';
export { checkOutBranch, commitOneFile, hasUncommittedChanges, worktreeOfBranch, type BranchCheckout } from './branchCheckout';
export { writeFileDurable, writeFileIfAbsent, copyFileDurable, fsyncDir, TEMP_PREFIX } from './durable';
export { repoPaths, readHead, type RepoPaths } from './repo';
export { findRepositoryRoot, repoPathsOnDisk } from './repoOnDisk';
export { splitEventLines, eventIdOf, eventAtOf } from './eventLines';
export {
  Recorder,
  GitIdentityError,
  type RenderFn,
  type AddFile,
  type RecordRequest,
  type RecordResult,
  type RecoverResult,
  type RecorderOptions,
} from './recorder';
export { mergeEventLogs } from './mergeEvents';
export { pullRequestUrl } from './prUrl';
export { readBlobAtRef, type BlobRead } from './readBlob';
export { gitAttributesBlock, ensureGitAttributes, installMergeDriver, runMergeDriver, runRenderedMergeDriver, EVENTS_DRIVER, RENDERED_DRIVER } from './attributes';
export { syncIncidents, type SyncOptions, type SyncResult, type SyncState } from './sync';
export { AutoSync, type AutoSyncOptions, type AutoSyncStatus } from './autoSync';
export { resolveIncidentsLocation, ensureWorktree, worktreePath, type IncidentsLocation } from './location';
