// Child process: cold-require a bundle (and activate it when asked); prints the milliseconds, or
// with mode `loaded`, the files required by the end of activation (as JSON), or with mode
// `commands`, the command ids activation registered and, after one of them has run (which loads
// the implementation chunk next to the bundle), the ids the implementation handles (as JSON).
// Exits at once: the activated extension's timers would keep the process alive.
const path = require('node:path');
const [bundle, mode] = process.argv.slice(2);
const { makeContext, registeredCommands } = require('./vscodeStandIn.cjs');

async function main() {
  const started = performance.now();
  const loaded = require(bundle);
  if (mode === 'activate' || mode === 'loaded' || mode === 'commands') loaded.activate(makeContext());
  const elapsed = performance.now() - started;
  if (mode === 'commands') {
    const registered = [...registeredCommands.keys()].sort();
    const about = await registeredCommands.get('firebreak.about')?.();
    const handled = require(path.join(path.dirname(bundle), 'implementation.js')).handledCommandIds();
    process.stdout.write(JSON.stringify({ registered, handled, about }));
  } else {
    process.stdout.write(mode === 'loaded' ? JSON.stringify(Object.keys(require.cache)) : String(elapsed));
  }
  process.exit(0);
}

void main();
