// Child process: cold-require a bundle (and activate it when asked); prints the milliseconds.
const [bundle, mode] = process.argv.slice(2);
const { makeContext } = require('./vscodeStandIn.cjs');
const started = performance.now();
const loaded = require(bundle);
if (mode === 'activate') loaded.activate(makeContext());
process.stdout.write(String(performance.now() - started));
