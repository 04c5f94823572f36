// Lint rules. The boundary rule keeps the pure core free of the VS Code API:
// core, git, service, cli, webview and shared run (and are tested) in plain Node or a browser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const vscodeImportBan = {
  paths: [{ name: 'vscode', message: 'The pure layers (core, git, service, cli, webview, shared) must not import vscode: put VS Code code in src/vscode.' }],
  patterns: [{ group: ['**/vscode/**', '../vscode', './vscode'], message: 'The pure layers must not import from src/vscode.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', '.vscode-test/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**', 'src/git/**', 'src/service/**', 'src/cli/**', 'src/webview/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', vscodeImportBan] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
