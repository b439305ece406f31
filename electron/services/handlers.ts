/**
 * The main side of the contract: one handler per method, each a thin call into the
 * services. Arguments arrive already validated by `dispatch`.
 */
import {
  UserError,
  type AllHandlers,
  type AppInfo,
  type DocLoadResult,
  type FacilitatorSession,
  type EventNamespace,
  type events,
  type Handlers,
  type PayloadOf
} from '../../shared/contract'
import type { DocsService } from './docs.service'
import type { ExportsService } from './exports.service'
import type { LibraryService } from './library.service'

/** Sends an event declared in the contract to every window and tab. */
export type Emit = <N extends EventNamespace, E extends keyof (typeof events)[N] & string>(
  namespace: N,
  event: E,
  payload: PayloadOf<N, E>
) => void

/** A workshop's board on disk, as the host's hub reads and writes it while the workshop is live. */
export interface BoardStorage {
  load(): Promise<DocLoadResult>
  save(state: Uint8Array): void
}

/** A workshop's board on disk through the docs service, as a live session's hub uses it. */
export function liveBoardStorage(docs: DocsService, workshopId: string): BoardStorage {
  return {
    load: () => docs.load(workshopId),
    save(state) {
      try {
        docs.save(workshopId, state)
      } catch (error) {
        // The docs service keeps the state and tries again with the next save.
        console.error(`Saving the live board of ${workshopId} failed:`, error)
      }
    }
  }
}

/** Live sessions on the room's network; implemented by the host (electron/host/sessionManager.ts). */
export interface SessionControl {
  goLive(workshopId: string, title: string, storage: BoardStorage): Promise<FacilitatorSession>
  /** The board as the live session's hub holds it; null when the workshop is not live. */
  liveBoard(workshopId: string): Uint8Array | null
  /**
   * A save from the facilitator's window: merged into the hub while live (null: nothing to
   * write), else the state to write, with whatever an ended session's hub had that it lacks.
   */
  boardToSave(workshopId: string, state: Uint8Array): Uint8Array | null
  status(workshopId: string): FacilitatorSession | null
  rotateCode(workshopId: string): FacilitatorSession | null
  end(workshopId: string): Promise<void>
  close(): Promise<void>
}

/** Asks the person for a folder, starting in `startIn`; null when they cancel. Only the desktop app has one. */
export type FolderPicker = (startIn: string) => Promise<string | null>
/** Opens the system's file manager with `path` selected. Only the desktop app has one. */
export type FileShower = (path: string) => void

export interface HandlerDeps {
  library: LibraryService
  docs: DocsService
  exportsService: ExportsService
  /** Absent in host mode, where the browser cannot show this computer's folders. */
  pickFolder?: FolderPicker
  /** Absent in host mode, likewise. */
  showInFolder?: FileShower
  sessions: SessionControl
  info: () => AppInfo
  emit: Emit
}

/** A board saved this often marks its workshop as changed; more often would rewrite library.json on every keystroke. */
export const TOUCH_INTERVAL_MS = 5_000

export function createHandlers({ library, docs, exportsService, pickFolder, showInFolder, sessions, info, emit }: HandlerDeps): AllHandlers {
  const changed = () => emit('library', 'changed', null)
  const lastTouched = new Map<string, number>()

  const appHandlers = {
    info: () => info()
  } satisfies Handlers<'app'>

  const libraryHandlers = {
    list: () => library.list(),
    create: async (input) => {
      const workshop = await library.create(input)
      changed()
      return workshop
    },
    rename: async (id, title) => {
      const workshop = await library.rename(id, title)
      changed()
      return workshop
    },
    duplicate: async (id) => {
      const copy = await library.duplicate(id)
      try {
        await docs.copy(id, copy.id)
      } catch (error) {
        // Without its board the copy would open empty: take it back out of the list.
        await library.trash(copy.id)
        await library.deleteForever(copy.id)
        throw error
      }
      changed()
      return copy
    },
    trash: async (id) => {
      await sessions.end(id)
      const workshop = await library.trash(id)
      changed()
      return workshop
    },
    restore: async (id) => {
      const workshop = await library.restore(id)
      changed()
      return workshop
    },
    deleteForever: async (id) => {
      await library.deleteForever(id)
      lastTouched.delete(id)
      changed()
      await docs.remove(id)
    },
    finalize: async (id, record) => {
      const finalized = await library.finalize(id, record)
      changed()
      return finalized
    },
    finalized: (id) => library.finalized(id)
  } satisfies Handlers<'library'>

  const docsHandlers = {
    load: (id) => {
      library.get(id)
      const live = sessions.liveBoard(id)
      return live ? { state: live, notice: null } : docs.load(id)
    },
    save: async (id, state) => {
      if (library.get(id).trashedAt !== null) {
        throw new UserError(
          'This workshop is in the trash, so changes to its board are not saved. Restore it from the trash to keep working on it.'
        )
      }
      const toWrite = sessions.boardToSave(id, state)
      if (toWrite) docs.save(id, toWrite)
      const now = Date.now()
      if (now - (lastTouched.get(id) ?? -Infinity) >= TOUCH_INTERVAL_MS) {
        lastTouched.set(id, now)
        await library.touch(id)
        changed()
      }
    }
  } satisfies Handlers<'docs'>

  const notLive = () =>
    new UserError('This workshop is not live any more. Press Go live to start a new session.')

  const sessionHandlers = {
    goLive: async (id) => {
      const workshop = library.get(id)
      if (workshop.trashedAt !== null) {
        throw new UserError('This workshop is in the trash. Restore it before going live.')
      }
      return sessions.goLive(id, workshop.title, liveBoardStorage(docs, id))
    },
    status: (id) => sessions.status(id),
    rotateCode: (id) => {
      const session = sessions.rotateCode(id)
      if (!session) throw notLive()
      return session
    },
    end: (id) => sessions.end(id)
  } satisfies Handlers<'session'>

  const exportsHandlers = {
    write: (id, format, folder) => exportsService.write(id, format, folder),
    defaultFolder: () => exportsService.defaultFolder(),
    pickFolder: (startIn) => {
      if (!pickFolder) throw new UserError('There is no folder picker here: type the full path of the folder instead.')
      return pickFolder(startIn)
    },
    showInFolder: (path) => {
      if (!showInFolder) throw new UserError(`There is no file manager to open from here: the file is at ${path}.`)
      showInFolder(path)
    }
  } satisfies Handlers<'exports'>

  return { app: appHandlers, library: libraryHandlers, docs: docsHandlers, session: sessionHandlers, exports: exportsHandlers }
}
