import * as assert from 'node:assert/strict';
import { parseCommandArgs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/context';

const spec = { options: { title: 'string', exercise: 'boolean' }, min: 1, max: 2 } as const;

describe('cli: argument parser', () => {
  it('returns positionals and typed option values', () => {
    const parsed = parseCommandArgs(['phishing', '--title', 'Mail', '--exercise'], spec);
    assert.deepEqual(parsed.positionals, ['phishing']);
    assert.equal(parsed.values.title, 'Mail');
    assert.equal(parsed.values.exercise, true);
  });

  it('accepts --name=value', () => {
    assert.equal(parseCommandArgs(['x', '--title=A b'], spec).values.title, 'A b');
  });

  it('rejects an unknown option as a usage error', () => {
    assert.throws(() => parseCommandArgs(['x', '--upload-pack=touch /tmp/x'], spec), UsageError);
  });

  it('rejects an option value that starts with "-", in either form', () => {
    assert.throws(() => parseCommandArgs(['x', '--title', '--upload-pack=touch /tmp/x'], spec), UsageError);
    assert.throws(() => parseCommandArgs(['x', '--title=--upload-pack=touch /tmp/x'], spec), UsageError);
    assert.throws(() => parseCommandArgs(['x', '--title', '-rf'], spec), UsageError);
  });

  it('rejects a positional that starts with "-" unless it follows "--"', () => {
    assert.throws(() => parseCommandArgs(['-rf'], spec), UsageError);
    assert.deepEqual(parseCommandArgs(['x', '--', '-rf'], spec).positionals, ['x', '-rf']);
  });

  it('checks the number of positionals', () => {
    assert.throws(() => parseCommandArgs([], spec), /expected at least 1 argument/);
    assert.throws(() => parseCommandArgs(['a', 'b', 'c'], spec), /unexpected argument "c"/);
  });

  it('rejects an option given twice and an empty value', () => {
    assert.throws(() => parseCommandArgs(['x', '--title', 'a', '--title', 'b'], spec), /given twice/);
    assert.throws(() => parseCommandArgs(['x', '--title='], spec), /needs a value/);
  });

  it('rejects a value for a boolean option', () => {
    assert.throws(() => parseCommandArgs(['x', '--exercise=yes'], spec), UsageError);
  });
});
