// `vscode://firebreak.firebreak/start?runbook=<id>&title=…&severity=…&source=…&repository=…`: a link a SIEM or a
// chat message can carry to open the start flow pre-filled. Untrusted input: only these parameters,
// each at most once, the runbook by id (never a path), bounded values without control characters.
// Pure: the VS Code layer asks the responder to confirm before anything is recorded.
import { hasHiddenCharacters } from './hiddenCharacters';

export interface StartLink {
  readonly runbook: string;
  readonly title?: string;
  readonly severity?: string;
  /** A link or reference to the alert, recorded with the opening event. */
  readonly source?: string;
  /** The workspace folder (by name) whose repository records the incident, in a multi-root window. */
  readonly repository?: string;
}

export class StartLinkError extends Error {}

const RUNBOOK_ID = /^[a-z0-9][a-z0-9._-]*$/;
const SEVERITY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LIMITS: Readonly<Record<keyof StartLink, number>> = { runbook: 100, title: 300, severity: 32, source: 2000, repository: 255 };
const PARAMETERS = Object.keys(LIMITS) as (keyof StartLink)[];

/**
 * Reads the path and the query as VS Code hands it over: `Uri.query` is already percent-decoded, so a
 * `&` or `=` the sender encoded inside a value (an alert link's own `?id=1&org=2`, "R&D") is no longer
 * told apart from a separator. A `&` therefore starts a parameter only before `<name>=`; values are
 * taken literally (no second decoding, `+` stays a plus). Throws a StartLinkError saying what is wrong.
 */
export function parseStartLink(path: string, query: string): StartLink {
  if (path !== '/start' && path !== '/start/') throw new StartLinkError(`Unknown Firebreak link ${JSON.stringify(clip(path))}: only /start is supported.`);
  if (query.length > 8 * 1024) throw new StartLinkError('The link is too long.');
  const found: Partial<Record<keyof StartLink, string>> = {};
  for (const [name, value] of linkParameters(query)) {
    const key = name as keyof StartLink;
    if (found[key] !== undefined) throw new StartLinkError(`The link gives "${key}" more than once.`);
    if (hasHiddenCharacters(value)) throw new StartLinkError(`The link's "${key}" contains control or bidirectional characters.`);
    if (value.length > LIMITS[key]) throw new StartLinkError(`The link's "${key}" is longer than ${LIMITS[key]} characters.`);
    found[key] = value.trim();
  }
  const runbook = found.runbook;
  if (runbook === undefined || runbook === '') throw new StartLinkError('The link does not name a runbook (runbook=<id>).');
  if (!RUNBOOK_ID.test(runbook)) {
    throw new StartLinkError(`The link's runbook ${JSON.stringify(clip(runbook))} is not a runbook id: links name a runbook by id (lowercase letters, digits, ".", "_", "-"), never by path.`);
  }
  if (found.severity && !SEVERITY.test(found.severity)) throw new StartLinkError(`The link's severity ${JSON.stringify(clip(found.severity))} is not a severity level such as SEV2.`);
  return {
    runbook,
    ...(found.title ? { title: found.title } : {}),
    ...(found.severity ? { severity: found.severity } : {}),
    ...(found.source ? { source: found.source } : {}),
    ...(found.repository ? { repository: found.repository } : {}),
  };
}

/** A `&` followed by something shaped like a parameter name and `=`. */
const PARAMETER_BOUNDARY = /&(?=[A-Za-z][A-Za-z0-9_.-]*=)/;

/**
 * Splits a decoded query into known parameters. Inside `source` (a link with a query of its own) a
 * `&name=` with a name Firebreak does not know belongs to the link; anywhere else it is refused.
 */
function linkParameters(query: string): [keyof StartLink, string][] {
  const parameters: [keyof StartLink, string][] = [];
  if (query === '') return parameters;
  for (const segment of query.split(PARAMETER_BOUNDARY)) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const name = equals < 0 ? segment : segment.slice(0, equals);
    const last = parameters[parameters.length - 1];
    if ((PARAMETERS as string[]).includes(name)) {
      parameters.push([name as keyof StartLink, equals < 0 ? '' : segment.slice(equals + 1)]);
    } else if (last?.[0] === 'source' && equals > 0) {
      last[1] += `&${segment}`;
    } else {
      throw new StartLinkError(`The link has an unknown parameter ${JSON.stringify(clip(name))}: only ${PARAMETERS.join(', ')} are accepted.`);
    }
  }
  return parameters;
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
