// Child process for the crash and concurrency tests: records `count` notes on an incident through
// the CLI, printing `ACK <n>` once each is acknowledged (durable).
import { main } from '../../../src/cli/main';

const [dir, incident, prefix, countText] = process.argv.slice(2) as [string, string, string, string];

(async () => {
  for (let n = 0; n < Number(countText); n++) {
    let err = '';
    const code = await main(['note', incident, `${prefix}-${n}`], { cwd: dir, stdout: () => {}, stderr: (t) => { err += t; } });
    if (code !== 0) {
      process.stderr.write(`note ${n} failed (${code}): ${err}`);
      process.exit(1);
    }
    process.stdout.write(`ACK ${n}\n`);
  }
})();
