// Commands that record one fact on an incident: note, set, severity, assign, advance, milestone,
// indicator, decision, handoff, custody, close, reopen.
import { actionCommand, optional, requiredOption } from './incidentAction';
import { UsageError } from '../context';
import type { Milestone } from '../../service/types';

const MILESTONES: readonly string[] = ['contained', 'eradicated', 'recovered'];

export const note = actionCommand({
  name: 'note',
  summary: 'add a handler comment',
  usage: 'firebreak note <incident> <text>',
  min: 1,
  toRequest: ([text]) => ({ kind: 'note', text: text! }),
});

export const set = actionCommand({
  name: 'set',
  summary: 'set a record field (summary, impact, related, contacts, next-steps, occurred-at, detected-at)',
  usage: 'firebreak set <incident> <field> <value>',
  min: 2,
  toRequest: ([field, value]) => ({ kind: 'set', field: field!, value: value! }),
});

export const severity = actionCommand({
  name: 'severity',
  summary: 'change the severity',
  usage: 'firebreak severity <incident> <level>',
  min: 1,
  toRequest: ([level]) => ({ kind: 'severity', level: level! }),
});

export const assign = actionCommand({
  name: 'assign',
  summary: 'assign a role to a person',
  usage: 'firebreak assign <incident> <role> <person>',
  min: 2,
  toRequest: ([role, person]) => ({ kind: 'assign', role: role!, person: person! }),
});

export const advance = actionCommand({
  name: 'advance',
  summary: 'move to the next (or the given) stage; unchecked required steps are recorded as skipped',
  usage: 'firebreak advance <incident> [<stage>]',
  min: 0,
  max: 1,
  toRequest: ([stage]) => ({ kind: 'advance', ...optional('stage', stage) }),
});

export const milestone = actionCommand({
  name: 'milestone',
  summary: 'record that the incident is contained, eradicated or recovered (may be backdated)',
  usage: 'firebreak milestone <incident> contained|eradicated|recovered [--at TIME]',
  options: { at: 'string' },
  min: 1,
  toRequest: ([name], { at }) => {
    if (!MILESTONES.includes(name!)) throw new UsageError(`milestone must be one of ${MILESTONES.join(', ')}`);
    return { kind: 'milestone', milestone: name as Milestone, ...optional('at', at) };
  },
});

export const indicator = actionCommand({
  name: 'indicator',
  summary: 'add an indicator of compromise (ip, domain, url, hash, email, account, host, other)',
  usage: 'firebreak indicator <incident> <type> <value> [--source S] [--tlp T] [--first-seen TIME]',
  options: { source: 'string', tlp: 'string', 'first-seen': 'string' },
  min: 2,
  toRequest: ([type, value], values) => ({
    kind: 'indicator',
    type: type!,
    value: value!,
    ...optional('source', values.source),
    ...optional('tlp', values.tlp),
    ...optional('firstSeen', values['first-seen']),
  }),
});

export const decision = actionCommand({
  name: 'decision',
  summary: 'record a decision, who approved it and why',
  usage: 'firebreak decision <incident> <what> --approved-by P [--why W]',
  options: { 'approved-by': 'string', why: 'string' },
  min: 1,
  toRequest: ([what], values) => ({
    kind: 'decision',
    what: what!,
    approvedBy: requiredOption(values['approved-by'], 'approved-by'),
    ...optional('why', values.why),
  }),
});

export const handoff = actionCommand({
  name: 'handoff',
  summary: 'hand the incident over (--to P), or acknowledge a hand-off (--ack)',
  usage: 'firebreak handoff <incident> --to P [--summary S]  |  firebreak handoff <incident> --ack',
  options: { to: 'string', summary: 'string', ack: 'boolean' },
  min: 0,
  toRequest: (_positionals, values) => {
    if (values.ack) {
      if (values.to !== undefined || values.summary !== undefined) throw new UsageError('--ack takes no --to or --summary');
      return { kind: 'handoff-ack' };
    }
    return { kind: 'handoff', to: requiredOption(values.to, 'to'), ...optional('summary', values.summary) };
  },
});

export const custody = actionCommand({
  name: 'custody',
  summary: 'transfer custody of an evidence item',
  usage: 'firebreak custody <incident> <evidence-id> <to-person>',
  min: 2,
  toRequest: ([evidenceId, to]) => ({ kind: 'custody', evidenceId: evidenceId!, to: to! }),
});

export const close = actionCommand({
  name: 'close',
  summary: 'close the incident',
  usage: 'firebreak close <incident>',
  min: 0,
  toRequest: () => ({ kind: 'close' }),
});

export const reopen = actionCommand({
  name: 'reopen',
  summary: 'reopen a closed incident',
  usage: 'firebreak reopen <incident>',
  min: 0,
  toRequest: () => ({ kind: 'reopen' }),
});
