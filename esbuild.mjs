// Builds every bundle, one esbuild target each:
//   extension  src/extension.ts     -> dist/extension.js    (node, cjs, `vscode` external): the activation shell
//   implementation  src/vscode/activation/implementation.ts -> dist/implementation.js (required on first use)
//   core       what it loads later  -> dist/core.js         (node, cjs, required on first use)
//   cli        src/cli/main.ts      -> dist/cli.js          (node, cjs, runs with plain Node)
//   webview    src/webview/*.ts     -> media/dist/*.js      (browser, iife)
//   tests      test/integration/**  -> out/test/integration (node, cjs; run inside the extension host)
// Type-checking is separate (`npm run check-types`). `--production` minifies and drops source maps;
// `--out <dir>` writes the shipped bundles under <dir> instead of here (the activation benchmark).
// `--sizes` prints each bundle's size.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const root = path.dirname(new URL(import.meta.url).pathname);
const outArg = process.argv.indexOf('--out');
const outRoot = outArg === -1 ? root : path.resolve(process.argv[outArg + 1]);
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};
const node = { platform: 'node', format: 'cjs', target: 'node20' };

function filesUnder(dir, suffix) {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

// The activation bundle holds only what activation needs. What the extension loads on first use —
// a dynamic `import()` of the pure core (src/core, src/service, src/git) and the runtime libraries
// (package.json "dependencies": markdown-it, gray-matter, js-yaml…) — is bundled apart into
// dist/core.js, one lazy getter per module, which the extension requires when it first needs one.
const CORE_CHUNK = './core.js';
const runtimeLibraries = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});
const isPureCore = (file) => /^src\/(core|service|git)\//.test(path.relative(root, file).split(path.sep).join('/'));

/** Sends those imports to dist/core.js; `keys` collects the modules the core chunk must hold. */
function loadFromCoreChunk(keys) {
  return {
    name: 'core-chunk',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'core-chunk') return { path: CORE_CHUNK, external: true };
        if (args.pluginData?.resolving) return undefined;
        if (runtimeLibraries.some((name) => args.path === name || args.path.startsWith(`${name}/`))) {
          keys.add(args.path);
          return { path: args.path, namespace: 'core-chunk' };
        }
        if (args.kind !== 'dynamic-import' || !args.path.startsWith('.')) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
        if (resolved.errors.length > 0 || !isPureCore(resolved.path)) return undefined;
        const key = `./${path.relative(root, resolved.path).split(path.sep).join('/')}`;
        keys.add(key);
        return { path: key, namespace: 'core-chunk' };
      });
      build.onLoad({ filter: /.*/, namespace: 'core-chunk' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(CORE_CHUNK)})[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

// The activation bundle is only the shell (src/vscode/activation/shell.ts): its `require` of the
// implementation entry stays a runtime require of dist/implementation.js, bundled apart.
const IMPLEMENTATION_ENTRY = 'src/vscode/activation/implementation.ts';
const IMPLEMENTATION_CHUNK = './implementation.js';
const loadImplementationChunk = {
  name: 'implementation-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/implementation$/ }, (args) =>
      (args.kind === 'require-call' && args.importer.endsWith(path.join('src', 'vscode', 'activation', 'shell.ts')) ? { path: IMPLEMENTATION_CHUNK, external: true } : undefined));
  },
};

function coreChunkTarget(keys) {
  const getters = [...keys].sort().map((key) => `  ${JSON.stringify(key)}: { enumerable: true, get: () => require(${JSON.stringify(key)}) },`);
  return {
    ...common,
    ...node,
    stdin: { contents: `Object.defineProperties(exports, {\n${getters.join('\n')}\n});\n`, resolveDir: root, sourcefile: 'core-chunk.js', loader: 'js' },
    outfile: path.join(outRoot, 'dist', 'core.js'),
    metafile: true,
  };
}

async function buildExtensionAndCore() {
  const keys = new Set();
  const extensionTarget = (entry, outfile, plugins) => ({
    ...common,
    ...node,
    entryPoints: [entry],
    outfile: path.join(outRoot, 'dist', outfile),
    external: ['vscode'],
    metafile: true,
    plugins: [...plugins, loadFromCoreChunk(keys)],
  });
  const bundles = await Promise.all([
    esbuild.build(extensionTarget('src/extension.ts', 'extension.js', [loadImplementationChunk])),
    esbuild.build(extensionTarget(IMPLEMENTATION_ENTRY, IMPLEMENTATION_CHUNK, [])),
  ]);
  return [...bundles, await esbuild.build(coreChunkTarget(keys))];
}

const targets = [
  {
    ...common,
    ...node,
    entryPoints: ['src/cli/main.ts'],
    outfile: path.join(outRoot, 'dist', 'cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
  },
  {
    ...common,
    // src/webview/dashboard.entry.ts -> media/dist/dashboard.js
    entryPoints: filesUnder('src/webview', '.entry.ts').map((f) => ({ in: f, out: path.basename(f, '.entry.ts') })),
    outdir: path.join(outRoot, 'media', 'dist'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
  },
  ...(outRoot === root ? [{
    ...common,
    ...node,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/integration/index.ts', ...filesUnder('test/integration', '.test.ts')],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    packages: 'external',
  }] : []),
];

function copyCodicons() {
  const from = path.join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(outRoot, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

const started = Date.now();
const results = (await Promise.all([
  buildExtensionAndCore(),
  ...targets.filter((t) => t.entryPoints.length > 0).map((t) => esbuild.build(t)),
])).flat();
copyCodicons();
fs.chmodSync(path.join(outRoot, 'dist', 'cli.js'), 0o755);
if (process.argv.includes('--sizes')) {
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
      if (file.endsWith('.js')) console.log(`${path.relative(outRoot, path.resolve(root, file))}: ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
console.log(`[esbuild] built ${production ? 'production' : 'development'} bundles in ${Date.now() - started} ms`);
