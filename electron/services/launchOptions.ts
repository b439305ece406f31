/** Command-line options shared by the desktop app and host mode. */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UserError } from '../../shared/contract'

export interface LaunchOptions {
  /** Where library.json and the workshops live; undefined means the OS app-data folder. */
  dataDir: string | undefined
  /** Host mode's loopback port for the facilitator; 0 picks a free port. */
  port: number
  /** The port participants join a live session on; 0 picks a free port. */
  sessionPort: number
  /** Host mode: open the system browser at the facilitator's URL. */
  openBrowser: boolean
}

function parsePort(option: string, text: string | boolean | undefined): number {
  if (text === undefined) return 0
  const port = Number(text)
  if (typeof text !== 'string' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(`${option} must be a whole number from 0 to 65535 (0 picks a free port); got "${String(text)}".`)
  }
  return port
}

export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  // Electron and Chromium add switches of their own: ignore what we do not know.
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'session-port': { type: 'string' },
      'no-open': { type: 'boolean' }
    }
  })
  const dataDir = values['data-dir']
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir.trim() === '')) {
    throw new UserError('--data-dir needs a folder, for example --data-dir ~/workshops.')
  }
  return {
    dataDir: dataDir === undefined ? undefined : resolve(dataDir),
    port: parsePort('--port', values.port),
    sessionPort: parsePort('--session-port', values['session-port']),
    openBrowser: values['no-open'] !== true
  }
}
