// Messages posted to the Metrics page are trusted only as far as their shape.
import type { MetricsHostMessage } from '../shared/metricsProtocol';

export function asMetricsHostMessage(data: unknown): MetricsHostMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type === 'error') return typeof message.message === 'string' ? (data as MetricsHostMessage) : undefined;
  if (message.type !== 'metrics' || typeof message.view !== 'object' || message.view === null) return undefined;
  const view = message.view as Record<string, unknown>;
  const slaMisses = view.slaMisses as Record<string, unknown> | undefined;
  const wellFormed = Array.isArray(view.incidents) && typeof slaMisses === 'object' && slaMisses !== null
    && Array.isArray(slaMisses.real) && Array.isArray(slaMisses.exercises);
  return wellFormed ? (data as MetricsHostMessage) : undefined;
}
