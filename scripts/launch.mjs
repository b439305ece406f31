// Starts the built app: the desktop window where Electron's binary is installed and a
// display exists, host mode (the app in your browser) everywhere else.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function whyNoWindow(binary) {
  if (!binary) return "Electron's binary is not installed (its download failed or was skipped)"
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display'
  return null
}

const binary = electronBinary()
const reason = whyNoWindow(binary)
const [command, commandArgs] = reason
  ? [process.execPath, [fileURLToPath(new URL('../out/main/host.js', import.meta.url)), ...args]]
  : [binary, [root, ...args]]
if (reason) console.log(`The desktop window cannot start here: ${reason}. Starting host mode instead.\n`)

const child = spawn(command, commandArgs, { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
