// ESLint: typescript-eslint's recommended rules for the whole TypeScript tree; formatting is
// Prettier's (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'generated/', '.data/', '.tap/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The direction of imports (docs/architecture.md): what npm run build ships carries no development tooling.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts/**', '**/test/**', '**/bench/**', '**/examples/**'],
              message: 'server/ never imports scripts/, test/, bench/ or examples/',
            },
          ],
        },
      ],
    },
  },
  {
    // The example app runs in a browser: it talks to the API through the typed client only.
    files: ['examples/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/scripts/**', '**/test/**', '**/generated/**'],
              message: 'examples/ use the API through clients/typescript only',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
