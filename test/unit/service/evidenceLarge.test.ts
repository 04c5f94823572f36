// A 100 MB file is attached streamed: copied and hashed without reading it into memory, whether it
// is stored in Git or kept out of it. Measured as the process's peak RSS growth during the attach.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

const MB = 1024 * 1024;
const SIZE = 100 * MB;

/** A 100 MB file of a repeating non-zero pattern (distinct per `seed`), written in 1 MB chunks. */
function writeLargeFile(file: string, seed: number): string {
  const chunk = Buffer.alloc(MB, `firebreak evidence ${seed} `);
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < SIZE; written += MB) {
      fs.writeSync(fd, chunk);
      hash.update(chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Runs `task` while sampling RSS; returns its result and the peak growth over the RSS before it. */
async function peakRssGrowth<T>(task: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

describe('service: 100 MB evidence is streamed', function () {
  this.timeout(300_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('stores it in Git and keeps it out of Git, each time with far less than 100 MB of memory', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'evidence: { max-size: 100MB }\n');
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const { incidentId } = await service.start({ runbook: 'tiny', title: 'Disk image' });
    const stored = writeLargeFile(fx.file('disk.img'), 1);
    const kept = writeLargeFile(fx.file('memory.raw'), 2);

    const progress: [number, number][] = [];
    const inGit = await peakRssGrowth(() => service.addEvidence(incidentId, { file: 'disk.img', description: 'disk image', onProgress: (read, total) => progress.push([read, total]) }));
    assert.equal(inGit.result.sha256, stored);
    assert.equal(inGit.result.size, SIZE);
    assert.equal(inGit.result.outOfGit, false);
    assert.equal(fs.statSync(fx.file('incidents', incidentId, 'evidence', inGit.result.evidenceId)).size, SIZE);
    assert.ok(inGit.growth < 20 * MB, `RSS grew by ${Math.round(inGit.growth / MB)} MB while copying 100 MB into evidence/`);
    assert.equal(progress.length, 100, 'progress after each 1 MB');
    assert.deepEqual(progress.at(-1), [SIZE, SIZE]);
    assert.ok(progress.every(([read], i) => i === 0 || read > progress[i - 1]![0]), 'progress only grows');

    const outOfGit = await peakRssGrowth(() => service.addEvidence(incidentId, { file: 'memory.raw', outOfGit: true }));
    assert.equal(outOfGit.result.sha256, kept);
    assert.equal(outOfGit.result.outOfGit, true);
    assert.ok(outOfGit.growth < 20 * MB, `RSS grew by ${Math.round(outOfGit.growth / MB)} MB while hashing 100 MB`);

    const again = await service.addEvidence(incidentId, { file: 'disk.img' });
    assert.equal(again.duplicate, true);
    assert.equal(again.evidenceId, inGit.result.evidenceId);
    assert.equal(again.commit, null);
    assert.equal(fs.readdirSync(fx.file('incidents', incidentId, 'evidence')).length, 1, 'the same file is not stored twice');
    console.log(`      RSS growth: ${Math.round(inGit.growth / MB)} MB copying, ${Math.round(outOfGit.growth / MB)} MB hashing (100 MB files)`);
  });
});
