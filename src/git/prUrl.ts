// "Open pull request": the compare URL for a branch on GitHub, GitLab, Bitbucket or Azure DevOps,
// from an https or ssh remote URL.

interface RemoteLocation {
  readonly host: string;
  /** Path without leading slash and without `.git`, e.g. `acme/ir-records`. */
  readonly path: string;
}

function parseRemote(remote: string): RemoteLocation | undefined {
  const trimmed = remote.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(trimmed);
  if (scp && !/^[a-z]+:\/\//i.test(trimmed)) return { host: scp[1]!.toLowerCase(), path: clean(scp[2]!) };
  try {
    const url = new URL(trimmed);
    if (!['https:', 'http:', 'ssh:', 'git+ssh:'].includes(url.protocol)) return undefined;
    return { host: url.hostname.toLowerCase(), path: clean(decodeURIComponent(url.pathname)) };
  } catch {
    return undefined;
  }
}

function clean(p: string): string {
  return p.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
}

const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');

/** The compare/new-pull-request URL for `branch` (into the default branch, or `base`), or undefined for an unknown host. */
export function pullRequestUrl(remote: string, branch: string, base?: string): string | undefined {
  const where = parseRemote(remote);
  if (!where || where.path === '') return undefined;
  const { host, path } = where;
  if (host === 'github.com' || host.startsWith('github.')) {
    return `https://${host}/${enc(path)}/compare/${base ? `${encodeURIComponent(base)}...` : ''}${encodeURIComponent(branch)}?expand=1`;
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) {
    const target = base ? `&merge_request%5Btarget_branch%5D=${encodeURIComponent(base)}` : '';
    return `https://${host}/${enc(path)}/-/merge_requests/new?merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}${target}`;
  }
  if (host === 'bitbucket.org') {
    return `https://bitbucket.org/${enc(path)}/pull-requests/new?source=${encodeURIComponent(branch)}${base ? `&dest=${encodeURIComponent(base)}` : ''}`;
  }
  const azure = azureRepo(host, path);
  if (azure) {
    return `https://dev.azure.com/${enc(azure.org)}/${enc(azure.project)}/_git/${enc(azure.repo)}/pullrequestcreate?sourceRef=${encodeURIComponent(branch)}${base ? `&targetRef=${encodeURIComponent(base)}` : ''}`;
  }
  return undefined;
}

/** Azure DevOps: https `dev.azure.com/org/project/_git/repo`, ssh `ssh.dev.azure.com:v3/org/project/repo`, `org.visualstudio.com/project/_git/repo`. */
function azureRepo(host: string, path: string): { org: string; project: string; repo: string } | undefined {
  const parts = path.split('/');
  if (host === 'ssh.dev.azure.com' && parts[0] === 'v3' && parts.length === 4) return { org: parts[1]!, project: parts[2]!, repo: parts[3]! };
  if (host === 'dev.azure.com' && parts.length === 4 && parts[2] === '_git') return { org: parts[0]!, project: parts[1]!, repo: parts[3]! };
  const vs = /^([^.]+)\.visualstudio\.com$/.exec(host);
  if (vs && parts.length === 3 && parts[1] === '_git') return { org: vs[1]!, project: parts[0]!, repo: parts[2]! };
  return undefined;
}
