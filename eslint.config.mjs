import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'coverage/', 'dist/', '**/generated/**', 'ui/*/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Dependencies point one way (issue 17): subgraphs, the gateway and scripts may use the
    // platform and the adapters; adapters may use the platform; the platform uses none of them.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './platform',
              from: ['./gateway', './subgraphs', './adapters', './scripts', './tools', './test'],
              message: 'the platform is shared by everything, so it imports none of the parts that use it',
            },
            {
              target: './adapters',
              from: ['./gateway', './subgraphs', './scripts', './test'],
              message: 'an adapter bridges one external system; it may use the platform, never a subgraph or the gateway',
            },
            {
              target: './subgraphs',
              from: ['./gateway', './scripts'],
              message: 'a subgraph stands on the platform and the adapters, never on the gateway or the scripts',
            },
            {
              target: './gateway',
              from: ['./subgraphs', './scripts'],
              message: 'the gateway reaches subgraphs over federation, never by importing them',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', Buffer: 'readonly' } },
  },
);
