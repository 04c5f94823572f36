// Child process: cold-require a bundle (and activate it when asked); prints the milliseconds, or
// with mode `loaded`, the files required by the end of activation (as JSON). Exits at once: the
// activated extension's timers (status bar clock) would keep the process alive.
const [bundle, mode] = process.argv.slice(2);
const { makeContext } = require('./vscodeStandIn.cjs');
const started = performance.now();
const loaded = require(bundle);
if (mode === 'activate' || mode === 'loaded') loaded.activate(makeContext());
const elapsed = performance.now() - started;
process.stdout.write(mode === 'loaded' ? JSON.stringify(Object.keys(require.cache)) : String(elapsed));
process.exit(0);
