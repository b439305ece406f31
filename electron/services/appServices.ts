/**
 * Everything the main side needs behind the contract, opened on one data folder. The
 * Electron main process and host mode both start here and differ only in transport.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UserError, type AllHandlers, type AppInfo, type EventMessage } from '../../shared/contract'
import { acquireDataLock } from './dataLock'
import { DocsService } from './docs.service'
import { ExportsService } from './exports.service'
import { createHandlers, type FileShower, type FolderPicker, type SessionControl } from './handlers'
import { LibraryService } from './library.service'

export interface AppServicesOptions {
  dataDir: string
  mode: AppInfo['mode']
  version: string
  sessions: SessionControl
  /** Where exports go unless the person picks another folder; `<dataDir>/exports` when not given. */
  exportsFolder?: string
  /** The desktop app's folder picker; host mode has none. */
  pickFolder?: FolderPicker
  showInFolder?: FileShower
}

export interface AppServices {
  handlers: AllHandlers
  /** Calls `listener` with every event for the windows and tabs; returns its disposer. */
  onEvent(listener: (message: EventMessage) => void): () => void
  /** Writes unsaved boards and gives up the data folder. Safe to call more than once. */
  close(): Promise<void>
}

async function makeDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(
      `Workshop Studio could not create its data folder ${dataDir}${code ? ` (${code})` : ''}. ` +
        'Check that the folder can be written to, or start the app with --data-dir <another folder>.'
    )
  }
}

export async function openAppServices(options: AppServicesOptions): Promise<AppServices> {
  const dataDir = resolve(options.dataDir)
  await makeDataDir(dataDir)
  const lock = acquireDataLock(dataDir)
  let library: LibraryService
  try {
    library = await LibraryService.open(dataDir)
  } catch (error) {
    lock.release()
    throw error
  }
  const docs = new DocsService(dataDir)
  // Holding the lock, no write of ours is under way: a temporary file is a crash's leftover.
  await docs.removeLeftoverTempFiles()
  const exportsService = new ExportsService(library, options.exportsFolder ?? join(dataDir, 'exports'))

  const listeners = new Set<(message: EventMessage) => void>()
  const handlers = createHandlers({
    library,
    docs,
    exportsService,
    pickFolder: options.pickFolder,
    showInFolder: options.showInFolder,
    sessions: options.sessions,
    info: () => ({ version: options.version, mode: options.mode, dataDir, notices: [...library.notices] }),
    emit: (namespace, event, payload) => {
      for (const listener of listeners) {
        // One broken window must not keep the others from hearing about the change.
        try {
          listener({ namespace, event, payload })
        } catch (error) {
          console.error(`A listener for ${namespace}.${event} failed:`, error)
        }
      }
    }
  })

  let closing: Promise<void> | undefined
  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      closing ??= (async () => {
        try {
          await options.sessions.close()
          await docs.flush()
        } finally {
          lock.release()
        }
      })()
      return closing
    }
  }
}
