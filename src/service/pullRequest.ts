// "Open pull request": the compare URL for the incidents' branch on its remote (PRODUCT.md §3).
import { pullRequestUrl, runGit } from '../git';
import { ServiceError, shown } from './errors';

export interface PullRequestLink {
  readonly url: string;
  readonly remote: string;
  readonly branch: string;
}

/** The link for the branch checked out in `worktree` (where incidents are recorded), on `remoteName`. */
export async function pullRequestLink(worktree: string, remoteName: string): Promise<PullRequestLink> {
  const remote = await runGit(['remote', 'get-url', remoteName], { cwd: worktree, allowFailure: true });
  if (remote.code !== 0) throw new ServiceError(`no remote ${shown(remoteName)} to open a pull request on: add one with \`git remote add\``);
  const head = await runGit(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd: worktree, allowFailure: true });
  const branch = head.stdout.trim();
  if (head.code !== 0 || branch === '') throw new ServiceError('the incidents\' checkout is not on a branch (detached HEAD): check out a branch to open a pull request');
  const url = pullRequestUrl(remote.stdout.trim(), branch);
  if (!url) throw new ServiceError(`cannot make a pull-request link for the remote ${shown(remote.stdout.trim())} (GitHub, GitLab, Bitbucket and Azure DevOps are known)`);
  return { url, remote: remote.stdout.trim(), branch };
}
