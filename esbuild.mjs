// Builds every bundle, one esbuild target each:
//   extension  src/extension.ts     -> dist/extension.js    (node, cjs, `vscode` external)
//   cli        src/cli/main.ts      -> dist/cli.js          (node, cjs, runs with plain Node)
//   webview    src/webview/*.ts     -> media/dist/*.js      (browser, iife)
//   tests      test/integration/**  -> out/test/integration (node, cjs; run inside the extension host)
// Type-checking is separate (`npm run check-types`). `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const root = path.dirname(new URL(import.meta.url).pathname);
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

function filesUnder(dir, suffix) {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { recursive: true })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    // src/webview/dashboard.entry.ts -> media/dist/dashboard.js
    entryPoints: filesUnder('src/webview', '.entry.ts').map((f) => ({ in: f, out: path.basename(f, '.entry.ts') })),
    outdir: 'media/dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
  },
  {
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints: ['test/integration/index.ts', ...filesUnder('test/integration', '.test.ts')],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
  },
];

function copyCodicons() {
  const from = path.join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(root, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

const started = Date.now();
const results = await Promise.all(targets.filter((t) => t.entryPoints.length > 0).map((t) => esbuild.build(t)));
copyCodicons();
fs.chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
if (process.argv.includes('--sizes')) {
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
      if (file.endsWith('.js')) console.log(`${file}: ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
console.log(`[esbuild] built ${production ? 'production' : 'development'} bundles in ${Date.now() - started} ms`);
