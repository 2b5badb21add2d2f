import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Layers that only point down (docs/architecture.md):
 *   shared → db, kernel → features → server, cli          (server side)
 *   shared → web-kit → features/<f>/ui → web                (web side)
 * A feature reaches another feature only through the files that feature exports on purpose:
 * public.ts, ui/public.ts and its *.contract.ts (types).
 */
const FEATURE_ENTRY = ['public.ts', 'ui/public.ts', '*.contract.ts'];

const layers = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { project: './tsconfig.json' } },
    'boundaries/elements': [
      { type: 'shared', pattern: 'src/shared/**', partialMatch: false },
      { type: 'db', pattern: 'src/db/**', partialMatch: false },
      { type: 'kernel', pattern: 'src/kernel/**', partialMatch: false },
      { type: 'web-kit', pattern: 'src/web-kit/**', partialMatch: false },
      { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
      { type: 'server', pattern: 'src/server/**', partialMatch: false },
      { type: 'cli', pattern: 'src/cli/**', partialMatch: false },
      { type: 'web', pattern: 'src/web/**', partialMatch: false },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      2,
      {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
          { from: { element: { type: 'db' } }, allow: { to: { element: { types: { anyOf: ['shared', 'db'] } } } } },
          { from: { element: { type: 'kernel' } }, allow: { to: { element: { types: { anyOf: ['shared', 'db', 'kernel'] } } } } },
          { from: { element: { type: 'web-kit' } }, allow: { to: { element: { types: { anyOf: ['shared', 'web-kit'] } } } } },
          {
            from: { element: { type: 'feature' } },
            allow: { to: { element: { types: { anyOf: ['shared', 'db', 'kernel', 'web-kit'] } } } },
          },
          // Inside one feature, anything; another feature only through its entry files.
          { from: { element: { type: 'feature' } }, allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.captured.feature }}' } } } } },
          { from: { element: { type: 'feature' } }, allow: { to: { element: { type: 'feature', internalPath: FEATURE_ENTRY } } } },
          {
            from: { element: { types: { anyOf: ['server', 'cli'] } } },
            allow: { to: { element: { types: { anyOf: ['shared', 'db', 'kernel', 'feature', 'server', 'cli'] } } } },
          },
          { from: { element: { type: 'web' } }, allow: { to: { element: { types: { anyOf: ['shared', 'web-kit', 'feature', 'web'] } } } } },
        ],
      },
    ],
  },
};

/** Within a feature, the server side never imports the web side, and the web takes only types from the server side. */
const serverImports = ['**/ui/**', '**/web-kit/**', '**/web/**'];
const webImports = ['**/db/**', '**/kernel/**', '**/server/**', '**/*.routes*', '**/*.service*', '**/*.queries*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'src/db/migrations/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  layers,
  {
    files: ['src/features/*/*.ts', 'src/features/*/!(ui)/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: serverImports, message: 'The server side of a feature does not import web code.' }] }] },
  },
  {
    files: ['src/features/*/ui/**/*.{ts,tsx}', 'src/web-kit/**/*.{ts,tsx}', 'src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: webImports, message: 'Web code does not import server code.' },
            { group: ['**/*.contract', '**/*.contract.js'], allowTypeImports: true, message: 'The web takes only types from a contract (import type), so zod stays out of the bundle.' },
          ],
        },
      ],
    },
  },
);
