import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'zlib',
  'util',
  'stream',
];
const pattern = (group, message) => ({ group, message });

/**
 * Layering (ARCHITECTURE.md section 2), by where code runs:
 * shared imports nothing from node, electron, the DOM or other layers; the engine never imports
 * electron; the renderer never imports main, cli or node; the preload only electron and shared.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(nodeBuiltins, 'src/shared runs anywhere: no Node built-ins.'),
            pattern(
              ['electron', 'react', 'react-dom', '@duckdb/*'],
              'src/shared imports nothing but zod.',
            ),
            pattern(
              ['**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**'],
              'src/shared imports no other layer.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'navigator'],
    },
  },
  {
    files: ['src/main/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron'], 'The engine is plain Node: it never imports electron.'),
            pattern(
              ['**/shell/**', '**/renderer/**', '**/cli/**', '**/preload/**'],
              'The engine imports only shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(nodeBuiltins, 'The renderer runs in Chromium: no Node built-ins.'),
            pattern(
              ['electron', '@duckdb/*'],
              'The renderer talks to the engine only through the api client.',
            ),
            pattern(
              ['**/main/**', '**/cli/**', '**/preload/**'],
              'The renderer never imports main, cli or preload.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/main/**', '**/renderer/**', '**/cli/**'],
              'The preload imports only electron and shared.',
            ),
          ],
        },
      ],
    },
  },
);
