// House rules the linter enforces: where each kind of code may run decides what it may import.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

/** What shared/ may not import; `allowed` takes some back for one file. */
const sharedRestrictions = (allowed = []) => [
  'error',
  {
    paths: [...nodeModules, 'electron', 'react', 'react-dom', 'yjs', 'y-webrtc']
      .filter((name) => !allowed.includes(name))
      .map((name) => ({ name, message: 'shared/ is environment-neutral: no Node, Electron, DOM or Yjs.' })),
    patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing above it.' }]
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,cjs,mjs,ts}', 'test/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    // CommonJS on purpose: electron-builder requires its hooks.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'The renderer runs in a browser.' })),
          patterns: [{ group: ['yjs', 'y-webrtc', 'y-indexeddb', 'y-protocols/*'], message: 'Only renderer/src/crdt imports Yjs: call an intent.' }]
        }
      ]
    }
  },
  {
    files: ['renderer/src/crdt/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'The renderer runs in a browser.' })) }
      ]
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': sharedRestrictions(),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'shared/ is environment-neutral: no DOM or Node globals.' })
        )
      ]
    }
  },
  {
    // The one part of the document's format that the host and a laptop both write, the same way:
    // shared writing's entries, merged (shared/sharedWriting.ts).
    files: ['shared/sharedWriting.ts'],
    rules: { 'no-restricted-imports': sharedRestrictions(['yjs']) }
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services and the host run without Electron (host mode).' }] }
      ]
    }
  }
)
