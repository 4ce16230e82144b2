import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'release/**', 'node_modules/**', 'lib/generated/**', '.kaiji/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `"server-only";` as a bare string does nothing; only the import guards a module.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > Literal[value='server-only']",
          message: "Write import 'server-only'; a bare string does nothing.",
        },
      ],
    },
  },
  {
    // Dependencies point one way: app → components → lib. Server actions live in lib/<domain>/actions.ts,
    // so nothing below app/ needs a route folder (test/lint/upward-imports.test.ts proves this fires).
    files: ['components/**', 'lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app', '@/app/*', '**/app/*'],
              message: 'app → components → lib: components/ and lib/ never import from app/ (move the code to lib/<domain>).',
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a function named `use`; it is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
