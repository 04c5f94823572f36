// The incident service shared by the CLI and the VS Code extension.
import { IncidentService } from './incidentService';
import type { IncidentServiceApi, IncidentServiceOptions } from './types';

export * from './types';
export { ServiceError } from './errors';
export { IncidentService } from './incidentService';
export { describeRunPlan } from './runPlan';
export { initRepository } from './repository';
export type { PullRequestLink } from './pullRequest';

/** Opens the service for the repository containing `options.cwd`. */
export function createIncidentService(options: IncidentServiceOptions): Promise<IncidentServiceApi> {
  return IncidentService.open(options);
}
