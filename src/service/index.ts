// The incident service shared by the CLI and the VS Code extension.
import { IncidentService } from './incidentService';
import { ReadOnlyIncidentService } from './readOnlyService';
import type { IncidentServiceApi, IncidentServiceOptions } from './types';

export * from './types';
export { ServiceError } from './errors';
export { IncidentService } from './incidentService';
export { describeRunPlan } from './runPlan';
export { initRepository } from './repository';
export { refusedGitSpawns } from '../git';
export type { PullRequestLink } from './pullRequest';

/** Opens the service for the repository containing `options.cwd` (read-only and git-free when `trusted` is false). */
export function createIncidentService(options: IncidentServiceOptions): Promise<IncidentServiceApi> {
  return options.trusted === false ? ReadOnlyIncidentService.open(options) : IncidentService.open(options);
}
