// Electron's own install script downloads its binary from the internet. We do not let npm
// run it as a dependency script (a failed download would fail `npm ci`); we run it here,
// where a failure is reported once and is not fatal: host mode needs no Electron binary.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
let electronDir
try {
  electronDir = dirname(require.resolve('electron/package.json'))
} catch {
  process.exit(0) // production install without dev dependencies: nothing to do
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || existsSync(join(electronDir, 'path.txt'))) process.exit(0)

const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  encoding: 'utf8',
  timeout: 120_000
})
if (result.status === 0 && existsSync(join(electronDir, 'path.txt'))) process.exit(0)

const reason = `${result.stderr ?? ''}`.split('\n').find((line) => /Error|ENOTFOUND|ECONN|timed? ?out/i.test(line))
console.warn(
  [
    '',
    'Note: the desktop window cannot start; host mode works.',
    `  Electron's binary could not be downloaded${reason ? ` (${reason.trim()})` : result.error ? ` (${result.error.message})` : ''}.`,
    '  `npm start` will serve the app in your browser instead. To get the desktop window later,',
    '  run `node node_modules/electron/install.js` on a machine with internet access.',
    ''
  ].join('\n')
)
