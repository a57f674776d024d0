// Lint (`npm run lint`, first step of `npm test`): JS and TypeScript recommended rules, React's hooks
// rules and rules about disable comments. Layout is Prettier's (.prettierrc.json); the one layout rule
// here, max-len, only sees what Prettier leaves long: comments.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    'dist/',
    'storybook-static/',
    'coverage/',
    'test-artifacts/',
    '**/node_modules/',
    'examples/.packed/',
    'examples/*/.next/',
    'examples/*/dist/',
    'examples/*/next-env.d.ts',
  ]),
  {
    linterOptions: {
      // A disable comment that silences nothing hides the next real problem on its line.
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Rules of React, checked by React Compiler's analysis: refs read during render, setState in effects, ...
  reactHooks.configs.flat['recommended-latest'],
  comments.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // A missing dependency is a stale-closure bug: as strict as the other hooks rules.
      'react-hooks/exhaustive-deps': 'error',
      // A silenced hooks rule hides a stale closure: read the latest value through a ref set in an effect.
      '@eslint-community/eslint-comments/no-restricted-disable': ['error', 'react-hooks/*'],
      // `const { secret: _dropped, ...rest } = x` is how the code leaves a field out of an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Prettier wraps code at 120 but never comments or strings; strings stay whole so they can be grepped.
      'max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read raw JSON answers and the official SDK's untyped members; typing them adds casts, not checks.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
