// A message event's data is only trusted as far as its shape: unknown shapes are ignored.
import type { HostMessage } from '../shared/dashboardProtocol';

export function asHostMessage(data: unknown): HostMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'state':
      return isViewLike(message.view) ? (data as HostMessage) : undefined;
    case 'busy':
      return typeof message.busy === 'boolean' ? (data as HostMessage) : undefined;
    case 'error':
      return typeof message.message === 'string' ? (data as HostMessage) : undefined;
    default:
      return undefined;
  }
}

/** The host builds the view from the typed model; this only guards against a truncated object. */
function isViewLike(view: unknown): boolean {
  if (typeof view !== 'object' || view === null) return false;
  const v = view as Record<string, unknown>;
  return typeof v.incident === 'object' && v.incident !== null && Array.isArray(v.stages) && typeof v.now === 'string';
}
