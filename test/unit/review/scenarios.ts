// Hand-built incidents with known answers for the review tests (on the incident model's fixtures).
import { Scenario, BOB } from '../incident/fixtures';

const MINUTE = 60_000;
export { MINUTE };

/** SEV2, acknowledged at 5 min, contained at 30 min (SLA 4h met), closed at 60 min with two required steps unchecked. */
export function incidentA(): Scenario {
  const s = new Scenario(new Date('2026-11-01T10:00:00.000Z'));
  s.open({ severity: 'SEV2' });
  s.act({ kind: 'note', text: 'Looking at it' }, 5);
  s.act({ kind: 'check', step: 'confirm-report' }, 8);
  s.act({ kind: 'advance' }, 10);
  s.act({ kind: 'milestone', milestone: 'contained' }, 30);
  s.act({ kind: 'close' }, 60);
  return s;
}

/** SEV2, acknowledged at 10 min, skips confirm-report, purge-mail n/a, a step added by hand, contained at 5 h (SLA 4h missed). */
export function incidentB(): Scenario {
  const s = new Scenario(new Date('2026-11-05T10:00:00.000Z'));
  s.open({ severity: 'SEV2' });
  s.act({ kind: 'note', text: 'On it' }, 10, BOB);
  s.act({ kind: 'advance' }, 20);
  s.act({ kind: 'na', step: 'purge-mail', reason: 'No mailbox access' }, 25);
  s.act({ kind: 'add-step', stage: 'containment', text: 'Call the bank' }, 26);
  s.act({ kind: 'milestone', milestone: 'contained' }, 300);
  return s;
}

/** SEV1, acknowledged at 2 min, contained at 20 min (SLA 1h met), the same added step with other spacing and case. */
export function incidentC(): Scenario {
  const s = new Scenario(new Date('2026-11-10T10:00:00.000Z'));
  s.open({ severity: 'SEV1' });
  s.act({ kind: 'note', text: 'Paging the team' }, 2);
  s.act({ kind: 'add-step', stage: 'containment', text: '  call the   BANK ' }, 3);
  s.act({ kind: 'milestone', milestone: 'contained' }, 20);
  return s;
}

/** An exercise: must never be counted with real incidents. */
export function exerciseD(): Scenario {
  const s = new Scenario(new Date('2026-11-12T10:00:00.000Z'));
  s.open({ severity: 'SEV2', exercise: true });
  s.act({ kind: 'note', text: 'Drill started' }, 1);
  return s;
}
