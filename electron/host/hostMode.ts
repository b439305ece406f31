/**
 * Host mode: the whole app without Electron. The same services run under plain Node and
 * the facilitator's screens are served to a browser on this computer only.
 *
 *   node out/main/host.js [--data-dir DIR] [--port N] [--no-open]
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { UserError } from '../../shared/contract'
import { openAppServices } from '../services/appServices'
import { parseLaunchOptions } from '../services/launchOptions'
import { defaultDataDir } from '../services/paths'
import { startFacilitatorServer } from './facilitatorServer'
import { openBrowser } from './openBrowser'
import { SessionManager } from './sessionManager'

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2))
  const dataDir = options.dataDir ?? defaultDataDir()
  const sessions = new SessionManager({ rendererDir, port: options.sessionPort, dataDir })
  const services = await openAppServices({ dataDir, mode: 'host', version, sessions })
  const server = await startFacilitatorServer({
    handlers: services.handlers,
    onEvent: services.onEvent,
    rendererDir,
    port: options.port
  })

  console.log(`Workshop Studio ${version} is running in host mode.`)
  console.log(`Data folder: ${dataDir}`)
  console.log(`Open this address in your browser (it only works on this computer):`)
  console.log(`  ${server.url}`)
  if (options.openBrowser && !openBrowser(server.url)) {
    console.log('No browser could be opened here; copy the address above into one.')
  }
  console.log('Press Ctrl+C to stop. Your work is saved as you go.')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\nStopping (${signal}): saving everything…`)
    await server.close()
    await services.close()
    console.log('Stopped. Everything is saved.')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof UserError) console.error(error.message)
  else console.error('Workshop Studio could not start:', error)
  process.exit(1)
})
