import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// src/core must run in Node, the CLI and VS Code for the web: no `vscode`, no Node built-ins.
const nodeBuiltins = [...builtinModules, ...builtinModules.map(m => `node:${m}`)];
// The hosts (editor, CLI, Node adapters) see the core through its one public face, src/core/index.ts.
const coreFace = { group: ['**/core/*', '!**/core/index'], message: 'Import the core from its public face (src/core/index.ts), not from a folder inside it.' };

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.cache/', 'node_modules/', '.vscode-test/', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: the editor glue lives in src/vscode.' },
            ...nodeBuiltins.map(name => ({ name, message: 'src/core is pure: no Node built-ins (it runs in VS Code for the web).' })),
          ],
          patterns: [{ group: ['node:*'], message: 'src/core is pure: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    // The editor glue runs in the browser's web worker host too (dist/web/extension.js): Node built-ins only in
    // src/vscode/node/, which only the Node entry imports.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map(name => ({
            name,
            message: 'src/vscode also runs in VS Code for the web: Node built-ins only in src/vscode/node/ (passed in through Platform).',
          })),
          patterns: [
            { group: ['node:*'], message: 'src/vscode also runs in VS Code for the web: Node built-ins only in src/vscode/node/.' },
            {
              group: ['**/node/*'],
              message: 'Only the Node entry (src/vscode/node/extension.ts) may import src/vscode/node/ (the web bundle must not reach it).',
            },
            coreFace,
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts', 'src/node/**/*.ts', 'src/vscode/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }], patterns: [coreFace] }],
    },
  },
  {
    // the Node entry of the extension may import vscode
    files: ['src/vscode/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreFace] }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
);
