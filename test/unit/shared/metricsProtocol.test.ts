import * as assert from 'node:assert/strict';
import { parseMetricsMessage } from '../../../src/shared/metricsProtocol';

describe('metrics page messages to the host', () => {
  it('accepts ready and openIncident with an id', () => {
    assert.deepEqual(parseMetricsMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseMetricsMessage({ type: 'openIncident', incidentId: '20261102-a1b2c3' }), { type: 'openIncident', incidentId: '20261102-a1b2c3' });
  });

  it('refuses any other shape, extra keys and oversized ids', () => {
    for (const raw of [null, 'ready', 42, {}, { type: 'ready', extra: 1 }, { type: 'openIncident' }, { type: 'openIncident', incidentId: 7 },
      { type: 'openIncident', incidentId: 'x'.repeat(65) }, { type: 'openIncident', incidentId: 'a', command: 'workbench.action.terminal.new' },
      { type: 'setStepChecked', stepId: 'x', checked: true }]) {
      assert.equal(parseMetricsMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});
