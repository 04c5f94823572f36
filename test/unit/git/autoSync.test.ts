import * as assert from 'node:assert/strict';
import { AutoSync } from '../../../src/git/autoSync';
import type { SyncResult } from '../../../src/git/sync';

/** A sync the test finishes by hand, counting how often it was started. */
function manualSync(): { sync: () => Promise<SyncResult>; finish: () => void; started: () => number } {
  let started = 0;
  let finish: () => void = () => {};
  return {
    sync: () => {
      started++;
      return new Promise<SyncResult>((resolve) => { finish = () => resolve({ state: 'up-to-date', head: null, mergedIncidents: [] }); });
    },
    finish: () => finish(),
    started: () => started,
  };
}

describe('AutoSync.stop', () => {
  it('settles only once the sync in flight has ended, and starts no further sync', async () => {
    const fake = manualSync();
    const auto = new AutoSync({ sync: fake.sync, debounceMs: 1, intervalMs: 60_000 });
    auto.start();
    void auto.syncNow(); // asks for another round after the one in flight
    let stopped = false;
    const stopping = auto.stop().then(() => { stopped = true; });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(stopped, false, 'stop() settled while git was still running');
    fake.finish();
    await stopping;
    assert.equal(auto.current.running, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(fake.started(), 1, 'a stopped AutoSync started another sync');
  });

  it('settles at once when nothing is in flight', async () => {
    const auto = new AutoSync({ sync: manualSync().sync });
    await auto.stop();
  });
});
