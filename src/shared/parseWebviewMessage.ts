// Messages from a webview are untrusted input: the host accepts only well-formed intents.
import { FIELD_NAMES, INDICATOR_TYPES, MILESTONES, UPDATE_KINDS, type WebviewMessage } from './dashboardProtocol';

const MAX_TEXT = 1_000_000;

type Shape = Record<string, 'string' | 'boolean' | 'string?'>;

const SHAPES: Record<WebviewMessage['type'], Shape> = {
  ready: {},
  setStepChecked: { stepId: 'string', checked: 'boolean' },
  claimStep: { stepId: 'string' },
  blockStep: { stepId: 'string', reason: 'string' },
  unblockStep: { stepId: 'string' },
  markNotApplicable: { stepId: 'string', reason: 'string' },
  addStep: { stageId: 'string', text: 'string' },
  addNote: { text: 'string' },
  setSeverity: { severity: 'string' },
  assignRole: { role: 'string', person: 'string' },
  setField: { field: 'string', value: 'string' },
  setMilestone: { milestone: 'string', at: 'string?' },
  addIndicator: { indicatorType: 'string', value: 'string', source: 'string?', tlp: 'string?' },
  recordDecision: { what: 'string', approvedBy: 'string', why: 'string?' },
  advance: {},
  close: {},
  reopen: {},
  handoff: {},
  acknowledgeHandoff: {},
  retractIndicator: { indicatorType: 'string', value: 'string', reason: 'string?' },
  transferCustody: { evidenceId: 'string', to: 'string' },
  attachEvidence: {},
  dropEvidence: { uriList: 'string' },
  runStep: { stepId: 'string' },
  openLink: { href: 'string' },
  generateReview: {},
  copyStakeholderUpdate: { kind: 'string' },
  compareRunbook: {},
  proposeRunbookChange: { stepId: 'string?' },
};

const ENUMS: Partial<Record<string, readonly string[]>> = {
  field: FIELD_NAMES,
  milestone: MILESTONES,
  indicatorType: INDICATOR_TYPES,
  kind: UPDATE_KINDS,
};

/** Returns the message when it is a known intent with fields of the right types, else undefined. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return undefined;
  const shape = SHAPES[type as WebviewMessage['type']];
  const message: Record<string, unknown> = { type };
  for (const [key, kind] of Object.entries(shape)) {
    const value = record[key];
    if (kind === 'string?' && value === undefined) continue;
    if (kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'string') return undefined;
    if (typeof value === 'string' && value.length > MAX_TEXT) return undefined;
    const allowed = ENUMS[key];
    if (allowed && !allowed.includes(value as string)) return undefined;
    message[key] = value;
  }
  return message as unknown as WebviewMessage;
}
