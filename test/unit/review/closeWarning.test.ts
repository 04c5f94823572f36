import * as assert from 'node:assert/strict';
import { closeQuestion, NIST_FIELD_LABELS, NIST_FIELDS, type Completeness } from '../../../src/core/review';

const nothingMissing: Completeness = { complete: true, missing: [], uncheckedRequired: [] };

describe('review: the close confirmation warns with NIST completeness', () => {
  it('says the record is complete and lists nothing when nothing is missing', () => {
    assert.deepEqual(closeQuestion(nothingMissing), { message: 'Close the incident? Its record is complete.' });
  });

  it('counts and lists the empty fields and the unchecked required steps, and says closing is still allowed', () => {
    const question = closeQuestion({
      complete: false,
      missing: [{ field: 'summary', label: 'Summary' }, { field: 'impact', label: 'Impact' }],
      uncheckedRequired: [{ step: 'isolate', stage: 'containment', text: 'Isolate the host' }],
    });
    assert.equal(question.message, 'Close the incident with 2 record fields empty and 1 required step unchecked?');
    assert.equal(question.detail, [
      'Empty record fields (NIST SP 800-61):\n• Summary\n• Impact',
      'Required steps unchecked:\n• Isolate the host (containment)',
      'You can still close it, and fill these in or reopen it later.',
    ].join('\n\n'));
  });

  it('leaves out a part with nothing in it', () => {
    const onlySteps = closeQuestion({ complete: false, missing: [], uncheckedRequired: [{ step: 'a', stage: 'detection', text: 'Confirm' }, { step: 'b', stage: 'detection', text: 'Declare' }] });
    assert.equal(onlySteps.message, 'Close the incident with 2 required steps unchecked?');
    assert.doesNotMatch(onlySteps.detail!, /Empty record fields/);
    const onlyField = closeQuestion({ complete: false, missing: [{ field: 'contacts', label: 'Contacts' }], uncheckedRequired: [] });
    assert.equal(onlyField.message, 'Close the incident with 1 record field empty?');
    assert.doesNotMatch(onlyField.detail!, /Required steps/);
  });

  it('names every field completeness reports, by its label', () => {
    const all = closeQuestion({ complete: false, missing: NIST_FIELDS.map((field) => ({ field, label: NIST_FIELD_LABELS[field] })), uncheckedRequired: [] });
    const lines = all.detail!.split('\n');
    for (const field of NIST_FIELDS) assert.ok(lines.includes(`• ${NIST_FIELD_LABELS[field]}`), field);
    assert.match(all.message, /^Close the incident with 11 record fields empty\?$/);
  });
});
