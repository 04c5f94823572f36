// Command output is scanned for secrets while it streams, across chunk boundaries, in bounded memory.
import assert from 'node:assert/strict';
import { StreamingSecretScanner } from '../../../src/service/secrets';

describe('secret scan of streamed output', () => {
  it('finds a key split across chunks, with its line number', () => {
    const scanner = new StreamingSecretScanner();
    const text = 'line one\nline two\naws key AKIAIOSFODNN7EXAMPLE here\nlast line';
    for (let i = 0; i < text.length; i += 5) scanner.write(Buffer.from(text.slice(i, i + 5)));
    assert.deepEqual(scanner.end(), [{ kind: 'AWS access key id', line: 3 }]);
  });

  it('reports nothing for ordinary output, and keeps at most 20 findings', () => {
    const clean = new StreamingSecretScanner();
    clean.write(Buffer.from('tcp ESTAB 10.0.0.5:22 203.0.113.7:51234\n'.repeat(1000)));
    assert.deepEqual(clean.end(), []);
    const noisy = new StreamingSecretScanner();
    noisy.write(Buffer.from('AKIAIOSFODNN7EXAMPLE\n'.repeat(100)));
    assert.equal(noisy.end().length, 20);
  });
});
