import * as assert from 'node:assert/strict';
import { asHostMessage } from '../../../src/webview/hostMessage';

describe('dashboard host messages', () => {
  it('accepts the three message shapes', () => {
    const view = { incident: { id: 'x' }, stages: [], now: '2026-11-28T10:00:00.000Z' };
    assert.equal(asHostMessage({ type: 'state', view })?.type, 'state');
    assert.deepEqual(asHostMessage({ type: 'busy', busy: true }), { type: 'busy', busy: true });
    assert.deepEqual(asHostMessage({ type: 'error', message: 'No Git identity' }), { type: 'error', message: 'No Git identity' });
  });

  it('ignores anything else posted to the page', () => {
    for (const data of [null, 'state', 42, {}, { type: 'state' }, { type: 'state', view: { stages: [] } }, { type: 'busy', busy: 'yes' },
      { type: 'error' }, { type: 'setStepChecked', stepId: 'x', checked: true }]) {
      assert.equal(asHostMessage(data), undefined, JSON.stringify(data));
    }
  });
});
