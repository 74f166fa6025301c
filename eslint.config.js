// ESLint: typescript-eslint's recommended and strict type-checked rules over src/ and test/,
// with the few adjustments this code base has reasons for (each says why). Formatting is
// Prettier's alone (eslint-config-prettier turns off the rules that would disagree with it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.ts', 'scripts/*.js', 'bench/*.js', 'fixtures/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers in messages and keys are the norm here (`${count} curves`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Indexing typed arrays and registries after a bounds check is the numeric code's idiom;
      // noUncheckedIndexedAccess makes each `!` a visible claim.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Constants are written as their sources give them (fdlibm, mpmath at 50 digits); the
      // double each rounds to is the one meant, and the extra digits say where it came from.
      'no-loss-of-precision': 'off',
      // Strings are spread into code points on purpose: the terminal drawing counts columns in
      // code points (braille and box drawing are one column each), colours their hex digits.
      '@typescript-eslint/no-misused-spread': 'off',
      // Matching control characters is the point where it happens: escaping them in messages,
      // reading terminal colour escapes in tests.
      'no-control-regex': 'off',
      // `() => void work()` and `x => list.push(x)` are the callback idiom.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `_unused` names a value destructured away on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JavaScript (the bench, the build scripts, this file): no type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
  {
    // Prettier wraps code at 110 but leaves long strings and comments alone; 120 is the limit
    // for those (eslint-config-prettier turns max-len off, so it is set again after it).
    files: ['src/**/*.ts'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true, ignoreTemplateLiterals: true }] },
  },
);
