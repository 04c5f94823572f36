// Errors the service reports to a responder: the message is meant to be shown as it is.

/** Bad input or a refused action (unknown incident, unknown step, unsafe name…). */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Bounded, quoted rendering of user text inside a message. */
export function shown(text: string, limit = 60): string {
  const clipped = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return JSON.stringify(clipped);
}
