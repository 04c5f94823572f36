#!/usr/bin/env node
// The same integration suites under desktop VS Code via @vscode/test-electron, for machines that
// can download VS Code (not these: use run-integration.mjs, the default).
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { makeRunDir, makeWorkspace, removeRunDir } from './codeServer.mjs';
import { projectRoot } from './paths.mjs';

const { runDir, env } = makeRunDir();
env.FIREBREAK_TEST_MODE = 'trusted';
env.FIREBREAK_TEST_GREP_INVERT = 'restricted';
const workspace = makeWorkspace(runDir, env, path.join(projectRoot, 'test', 'fixtures', 'workspace'));
let exitCode = 0;
try {
  await runTests({
    version: process.env.FIREBREAK_VSCODE_VERSION ?? '1.139.1',
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', `--user-data-dir=${path.join(runDir, 'user-data')}`],
    extensionTestsEnv: env,
  });
} catch (error) {
  console.error(`[integration:electron] ${error.message ?? error}`);
  exitCode = 1;
} finally {
  removeRunDir(runDir);
}
process.exit(exitCode);
