import * as assert from 'node:assert/strict';
import type { SlaView } from '../../../src/shared/dashboardProtocol';
import { liveSlaState, slaText } from '../../../src/webview/sla';

const deadline = '2026-11-28T10:00:00.000Z';
const due = Date.parse(deadline);
const sla = (state: SlaView['state']): SlaView => ({ label: 'Containment', deadline, state });

describe('dashboard SLA countdowns', () => {
  it('keeps the host state while the deadline is ahead', () => {
    assert.equal(liveSlaState(sla('ok'), due - 1), 'ok');
    assert.equal(liveSlaState(sla('warning'), due - 1), 'warning');
  });

  it('turns ok or warning into missed once the local tick passes the deadline', () => {
    assert.equal(liveSlaState(sla('ok'), due), 'missed');
    assert.equal(liveSlaState(sla('warning'), due + 60_000), 'missed');
  });

  it('never changes a met or missed SLA', () => {
    assert.equal(liveSlaState(sla('met'), due + 60_000), 'met');
    assert.equal(liveSlaState(sla('missed'), due - 60_000), 'missed');
  });

  it('leaves an SLA with an unreadable deadline as the host said', () => {
    assert.equal(liveSlaState({ label: 'x', deadline: 'never', state: 'ok' }, due), 'ok');
  });

  it('shows time left, time over, or when a met SLA was due', () => {
    assert.equal(slaText(sla('ok'), due - 90_000), '1m 30s left');
    assert.equal(slaText(sla('missed'), due + 90_000), '1m 30s over');
    assert.equal(slaText(sla('met'), due + 90_000), 'met (due 2026-11-28 10:00 UTC)');
  });
});
