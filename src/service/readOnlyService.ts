// The incident service of an untrusted workspace (Restricted Mode, PRODUCT.md §5): it lists and
// reads incidents from the files on disk, records nothing, and no git process starts while it is
// open (a downloaded repository's Git config can run code). Every writing method refuses.
import { refuseGitSpawns } from '../git';
import { ServiceError } from './errors';
import { IncidentService } from './incidentService';
import type { IncidentServiceApi, IncidentServiceOptions, VerifyRequest } from './types';

const READ_ONLY = 'this workspace is in Restricted Mode: Firebreak is read-only here and records nothing. Trust the workspace to record incidents.';

export class ReadOnlyIncidentService implements IncidentServiceApi {
  private constructor(private readonly inner: IncidentService, private readonly release: () => void) {}

  static async open(options: IncidentServiceOptions): Promise<ReadOnlyIncidentService> {
    const release = refuseGitSpawns('the workspace is not trusted (Restricted Mode)');
    try {
      return new ReadOnlyIncidentService(await IncidentService.openWithoutGit(options), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  get root(): string {
    return this.inner.root;
  }

  listIds() { return this.inner.listIds(); }
  list() { return this.inner.list(); }
  state(incidentId: string) { return this.inner.state(incidentId); }
  status(incidentId: string) { return this.inner.status(incidentId); }
  runbookDrift(incidentId: string) { return this.inner.runbookDrift(incidentId); }
  /** Files only; a `base` needs git and is refused. */
  verify(request: VerifyRequest) { return this.inner.verify(request); }

  start(): never { throw new ServiceError(READ_ONLY); }
  apply(): never { throw new ServiceError(READ_ONLY); }
  addRunbook(): never { throw new ServiceError(READ_ONLY); }
  addEvidence(): never { throw new ServiceError(READ_ONLY); }
  planRun(): never { throw new ServiceError(READ_ONLY); }
  runStep(): never { throw new ServiceError(READ_ONLY); }
  reconcile(): never { throw new ServiceError(READ_ONLY); }
  writePostmortem(): never { throw new ServiceError(READ_ONLY); }
  proposeRunbookChange(): never { throw new ServiceError(READ_ONLY); }
  commitRunbookChange(): never { throw new ServiceError(READ_ONLY); }
  recordMissedSlas(): never { throw new ServiceError(READ_ONLY); }
  sync(): never { throw new ServiceError(READ_ONLY); }
  pullRequest(): never { throw new ServiceError(READ_ONLY); }
  /** Nothing is synced in Restricted Mode. */
  createAutoSync(): undefined { return undefined; }
  /** Nothing is ever recorded, so nothing waits to be committed. */
  async flush(): Promise<void> {}

  /** Lets git run again (the workspace was trusted, or the window closes). */
  dispose(): void {
    this.release();
  }
}
