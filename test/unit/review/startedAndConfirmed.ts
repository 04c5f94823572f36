import { useStartedIncident, type IncidentFixture } from '../cli/incidentFixture';

/** Hooks: an incident "Suspicious login" started, its step `confirm` checked five minutes later. */
export function useConfirmedIncident(ready: (started: { fx: IncidentFixture; id: string }) => void): void {
  useStartedIncident('Suspicious login', async (started) => {
    started.fx.now = new Date('2026-11-28T10:05:00.000Z');
    await started.fx.ok('check', started.id, 'confirm');
    ready(started);
  });
}
