// Runs the integration suites inside the VS Code extension host (any launcher: code-server or
// @vscode/test-electron). The launcher points `extensionTestsPath` at this module's bundle.
import Mocha from 'mocha';
import fs from 'node:fs';
import path from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The launcher picks the suites for its mode: Restricted Mode runs only the "restricted" ones,
  // the multi-root launch only the "multi-root" ones, the default launch every other (a pattern).
  const grep = process.env.FIREBREAK_TEST_GREP ?? process.env.FIREBREAK_TEST_GREP_INVERT;
  if (grep) mocha.grep(new RegExp(grep));
  if (!process.env.FIREBREAK_TEST_GREP && process.env.FIREBREAK_TEST_GREP_INVERT) mocha.invert();
  const files = fs.readdirSync(__dirname, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
