// Which workspace folders are inside a Git repository, found on disk without running git
// (in Restricted Mode no git command may run, since a repository's config can execute code).
export { findRepositoryRoot } from '../git/repoOnDisk';
export { workspaceRepositories, type WorkspaceRepository } from '../git/workspaceFolders';
