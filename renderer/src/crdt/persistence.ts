/**
 * Loads a workshop's document from the facilitator's disk and keeps saving it: the full
 * state, at most once per interval, with one save in flight at a time. A failed save is
 * retried until it works, and the person is told meanwhile; the board stays on screen, so
 * nothing is lost while the app is open.
 */
import * as Y from 'yjs'
import type { DocLoadResult } from '../../../shared/contract'
import { createListeners, type ExternalStore } from './externalStore'

/** What persistence needs from the app: `api.docs` satisfies it. */
export interface DocStorage {
  load(workshopId: string): Promise<DocLoadResult>
  save(workshopId: string, state: Uint8Array): Promise<void>
}

/** Null while every change is saved or on its way; a message for the person otherwise. */
export type SaveProblem = string | null

export interface WorkshopDocSession {
  doc: Y.Doc
  /** Something the person should know about how the board was loaded, such as a restored copy. */
  notice: string | null
  saveProblem: ExternalStore<SaveProblem>
  /**
   * Stops listening and saves what is pending. Resolves to whether that save worked; if it
   * did not, saving is still retried in the background until it does.
   */
  close(): Promise<boolean>
}

export interface PersistenceOptions {
  /**
   * The first change after a quiet spell is saved at once; changes made within this long
   * of a save are gathered into the next one. Unlike a plain debounce, a board that never
   * stops changing (a busy room) is still saved every interval, and a single drop is on
   * disk before anyone closes the app.
   */
  saveIntervalMs?: number
  /** Waits before each retry after a failed save; the last one repeats. */
  retryDelaysMs?: readonly number[]
  /** Where 'pagehide' is heard; null where there is no page (tests). */
  page?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null
}

/** The saved state exists but is not a board this app can read. */
export class UnreadableBoardError extends Error {
  override name = 'UnreadableBoardError'
  constructor() {
    super(
      "This workshop's saved board could not be read, so it was not opened and the file was left untouched. " +
        'Go back to your workshops and try again; if it keeps happening, keep a copy of the data folder before changing anything.'
    )
  }
}

/** Applying the saved file is not an edit: nothing to save again, nothing to undo. */
const LOAD_ORIGIN = 'load'

function describeSaveFailure(error: unknown): string {
  const reason = error instanceof Error && error.message ? error.message.trim() : 'The app did not answer.'
  return (
    `Your latest changes are not saved yet. ${/[.!?]$/.test(reason) ? reason : `${reason}.`} ` +
    'The board is still on screen, and saving will be retried in a few seconds.'
  )
}

/** A document holding `state`; throws UnreadableBoardError when the state is damaged. */
function decodeSavedState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state, LOAD_ORIGIN)
  } catch {
    doc.destroy()
    throw new UnreadableBoardError()
  }
  // Structs waiting for data that never came mean the state was cut short: saving this doc
  // would write a smaller board over the real one.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy()
    throw new UnreadableBoardError()
  }
  return doc
}

export async function openWorkshopDoc(
  workshopId: string,
  storage: DocStorage,
  { saveIntervalMs = 300, retryDelaysMs = [2_000, 5_000, 15_000, 30_000], page = globalThis.window ?? null }: PersistenceOptions = {}
): Promise<WorkshopDocSession> {
  const loaded = await storage.load(workshopId)
  const doc = loaded.state ? decodeSavedState(loaded.state) : new Y.Doc()

  const problemListeners = createListeners()
  let problem: SaveProblem = null
  const setProblem = (next: SaveProblem) => {
    if (next === problem) return
    problem = next
    problemListeners.notify()
  }

  let dirty = false
  let closed = false
  let destroyed = false
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<boolean> | null = null
  let lastSaveStartedAt = Number.NEGATIVE_INFINITY

  const destroyOnceSavedAfterClose = () => {
    if (!closed || dirty || destroyed) return
    destroyed = true
    doc.destroy()
  }
  const schedule = (delay: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => void saveNow(), delay)
  }

  function saveNow(): Promise<boolean> {
    clearTimeout(timer)
    timer = undefined
    // Whatever changes arrive during this save are written by the next one.
    if (inFlight) return inFlight.then(() => (dirty ? saveNow() : problem === null))
    if (!dirty) return Promise.resolve(problem === null)
    dirty = false
    lastSaveStartedAt = Date.now()
    inFlight = storage
      .save(workshopId, Y.encodeStateAsUpdate(doc))
      .then(
        () => {
          failures = 0
          setProblem(null)
          destroyOnceSavedAfterClose()
          return true
        },
        (error: unknown) => {
          dirty = true
          setProblem(describeSaveFailure(error))
          schedule(retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 5_000)
          failures++
          return false
        }
      )
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  const onUpdate = () => {
    dirty = true
    // A save already scheduled (or a retry keeping its own pace) will take this change along.
    if (timer !== undefined) return
    schedule(Math.max(0, lastSaveStartedAt + saveIntervalMs - Date.now()))
  }
  const onPageHide = () => void saveNow()
  doc.on('update', onUpdate)
  page?.addEventListener('pagehide', onPageHide)

  return {
    doc,
    notice: loaded.notice,
    saveProblem: { subscribe: problemListeners.add, getSnapshot: () => problem },
    async close() {
      if (closed) return problem === null
      closed = true
      doc.off('update', onUpdate)
      page?.removeEventListener('pagehide', onPageHide)
      const saved = await saveNow()
      destroyOnceSavedAfterClose()
      return saved
    }
  }
}
