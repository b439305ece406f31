/**
 * Each workshop's board as saved Yjs state in `<dataDir>/workshops/<id>.ydoc`. This service
 * makes it durable: debounced atomic writes with a maximum wait, a checksum to catch damage,
 * a check that the bytes decode as a Yjs update, and the previous save kept as
 * `<id>.ydoc.bak` to fall back on when the file is damaged or missing.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { UserError, type DocLoadResult } from '../../shared/contract'
import { moveAsideDamaged, readIfExists, writeFileAtomic } from './atomicFile'

/** Board file layout: magic "WSYD", 1 byte format version, SHA-256 of the payload, payload. */
const MAGIC = new TextEncoder().encode('WSYD')
export const DOC_FILE_VERSION = 1
const HASH_BYTES = 32
const HEADER_BYTES = MAGIC.length + 1 + HASH_BYTES

const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest()

/** The bytes of a board file holding `state`. */
export function encodeDocFile(state: Uint8Array): Uint8Array {
  const file = new Uint8Array(HEADER_BYTES + state.byteLength)
  file.set(MAGIC, 0)
  file[MAGIC.length] = DOC_FILE_VERSION
  file.set(sha256(state), MAGIC.length + 1)
  file.set(state, HEADER_BYTES)
  return file
}

/**
 * The state held in a board file (a view of `file`'s bytes, not a copy), or null when the
 * file is not one this version wrote intact.
 */
export function decodeDocFile(file: Uint8Array): Uint8Array | null {
  if (file.byteLength < HEADER_BYTES) return null
  if (MAGIC.some((byte, i) => file[i] !== byte) || file[MAGIC.length] !== DOC_FILE_VERSION) return null
  // A plain Uint8Array even when `file` is a Buffer: that is what the contract promises.
  const state = new Uint8Array(file.buffer, file.byteOffset + HEADER_BYTES, file.byteLength - HEADER_BYTES)
  const expected = file.subarray(MAGIC.length + 1, HEADER_BYTES)
  return Buffer.from(sha256(state)).equals(expected) ? state : null
}

/** The state a board file holds, or null when it is damaged: a wrong checksum, or bytes that are no Yjs update. */
export function readBoardFile(file: Uint8Array): Uint8Array | null {
  const state = decodeDocFile(file)
  if (!state) return null
  try {
    // A file written by a faulty version can have a right checksum around bytes Yjs cannot read.
    Y.decodeUpdate(state)
    return state
  } catch {
    return null
  }
}

/**
 * Whether the file a save replaces is worth keeping as `.bak`: its checksum is enough. Every save
 * asks this of the previous file, at least once a second on a busy board, so it does not decode
 * the board; loading from a `.bak` checks its Yjs bytes as it checks any board file.
 */
const isIntact = (file: Uint8Array) => decodeDocFile(file) !== null

/** Says in plain words why the disk refused a write. */
function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full'
    case 'EACCES':
    case 'EPERM':
      return 'the app is not allowed to write to its data folder'
    case 'EROFS':
      return 'the data folder is on a disk that cannot be written to'
    default:
      return `the computer reported an error${code ? ` (${code})` : ''}`
  }
}

/** Ids reach here validated by the contract; this keeps any other caller inside the folder. */
function assertWorkshopId(id: string): void {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`Not a workshop id: ${JSON.stringify(id)}`)
}

export interface DocsServiceOptions {
  /** How long a board must be still before its latest state is written. */
  debounceMs?: number
  /**
   * The longest a change waits to be written, however busy the board: a room whose edits keep
   * coming closer than the debounce would otherwise never be written, and a crash would lose it all.
   */
  maxWaitMs?: number
}

export class DocsService {
  readonly #dir: string
  readonly #debounceMs: number
  readonly #maxWaitMs: number
  /** When each board's oldest unwritten change arrived. */
  readonly #waitingSince = new Map<string, number>()
  /** The latest state per board not yet on disk. Kept until written, so nothing is lost to a failed write. */
  readonly #pending = new Map<string, Uint8Array>()
  readonly #timers = new Map<string, NodeJS.Timeout>()
  /** Per board, the tail of its file operations: they run one at a time, in call order. */
  readonly #queues = new Map<string, Promise<void>>()
  /** A background write that failed, reported to the next save of that board. */
  readonly #failures = new Map<string, unknown>()
  /** Recovery notices not yet shown, from a damaged file found while copying. */
  readonly #notices = new Map<string, string>()

  constructor(dataDir: string, { debounceMs = 250, maxWaitMs = 1_000 }: DocsServiceOptions = {}) {
    this.#dir = join(dataDir, 'workshops')
    this.#debounceMs = debounceMs
    this.#maxWaitMs = maxWaitMs
  }

  /**
   * Keeps `state` as the board's latest and writes it once the board has been still for
   * the debounce time, or once its oldest unwritten change has waited maxWaitMs. The service
   * takes the buffer over: do not change it afterwards.
   * Throws a UserError if the previous write of this board failed (the new state is kept
   * and will be written when the disk allows).
   */
  save(id: string, state: Uint8Array): void {
    assertWorkshopId(id)
    this.#pending.set(id, state)
    clearTimeout(this.#timers.get(id))
    const now = Date.now()
    const since = this.#waitingSince.get(id) ?? now
    this.#waitingSince.set(id, since)
    const delay = Math.max(0, Math.min(this.#debounceMs, since + this.#maxWaitMs - now))
    this.#timers.set(
      id,
      setTimeout(() => {
        this.#writePending(id).catch((error: unknown) => {
          this.#failures.set(id, error)
          console.error(`Saving board ${id} failed:`, error)
        })
      }, delay)
    )
    const failure = this.#failures.get(id)
    if (failure !== undefined) {
      this.#failures.delete(id)
      throw new UserError(
        `This board's latest changes could not be saved because ${describeWriteFailure(failure)}. ` +
          'They are kept while the app stays open, and saving is tried again with every change; ' +
          'fix the problem and keep working, or copy anything important elsewhere before closing the app.'
      )
    }
  }

  /**
   * The board's latest state: unsaved changes first, else its file. A damaged file is set
   * aside and the previous save used, with a notice for the user.
   */
  load(id: string): Promise<DocLoadResult> {
    const path = this.#pathOf(id)
    return this.#exclusive(id, async () => {
      const pending = this.#pending.get(id)
      if (pending) return { state: pending, notice: this.#takeNotice(id) }
      const file = await readIfExists(path)
      if (!file) return this.#restoreMissing(id, path)
      const state = readBoardFile(file)
      // An older notice stays stored and is given with the next load.
      return state ? { state, notice: this.#takeNotice(id) } : this.#recover(path)
    })
  }

  /** Writes every pending board now; for shutdown. Rejects if any write fails, after trying them all. */
  async flush(): Promise<void> {
    const results = await Promise.allSettled([...this.#pending.keys()].map((id) => this.#writePending(id)))
    const failed = results.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
  }

  /** Gives board `toId` the content of board `fromId`, unsaved changes included. */
  async copy(fromId: string, toId: string): Promise<void> {
    assertWorkshopId(toId)
    const { state, notice } = await this.load(fromId)
    // Recovery set the source's file aside: keep the notice for when that board is opened.
    if (notice) this.#notices.set(fromId, notice)
    if (!state) return
    this.#pending.set(toId, state)
    await this.#writePending(toId)
  }

  /** Deletes the board's file and its previous copy; for deleting a workshop for good. */
  async remove(id: string): Promise<void> {
    const path = this.#pathOf(id)
    clearTimeout(this.#timers.get(id))
    this.#timers.delete(id)
    this.#pending.delete(id)
    this.#waitingSince.delete(id)
    this.#failures.delete(id)
    this.#notices.delete(id)
    await this.#exclusive(id, async () => {
      await rm(path, { force: true })
      await rm(`${path}.bak`, { force: true })
    })
  }

  #pathOf(id: string): string {
    assertWorkshopId(id)
    return join(this.#dir, `${id}.ydoc`)
  }

  #takeNotice(id: string): string | null {
    const notice = this.#notices.get(id) ?? null
    this.#notices.delete(id)
    return notice
  }

  #exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#queues.get(id) ?? Promise.resolve()).then(task)
    const tail = run.then(
      () => undefined,
      () => undefined
    )
    this.#queues.set(id, tail)
    void tail.then(() => {
      if (this.#queues.get(id) === tail) this.#queues.delete(id)
    })
    return run
  }

  #writePending(id: string): Promise<void> {
    clearTimeout(this.#timers.get(id))
    this.#timers.delete(id)
    // What arrives from here on waits afresh.
    this.#waitingSince.delete(id)
    const path = this.#pathOf(id)
    return this.#exclusive(id, async () => {
      const state = this.#pending.get(id)
      if (!state) return
      await mkdir(this.#dir, { recursive: true })
      await writeFileAtomic(path, encodeDocFile(state), { isIntact })
      this.#failures.delete(id)
      // A save that arrived during the write stays pending for its own write.
      if (this.#pending.get(id) === state) this.#pending.delete(id)
    })
  }

  /**
   * A board with no file: new, or its file went missing (deleted by hand, or a crash between
   * setting a damaged file aside and restoring its copy). A good `.bak` is restored, and the
   * user told, before a save could write over it.
   */
  async #restoreMissing(id: string, path: string): Promise<DocLoadResult> {
    const backup = await readIfExists(`${path}.bak`)
    const state = backup && readBoardFile(backup)
    if (!backup || !state) return { state: null, notice: this.#takeNotice(id) }
    await writeFileAtomic(path, backup)
    return {
      state,
      notice: `This board's saved file was missing from ${this.#dir}; the board was restored from your previous save, so your last few seconds of changes may be missing.`
    }
  }

  /**
   * Removes temporary files that a crash left in the middle of a write (`<id>.ydoc.tmp-…`,
   * `<id>.ydoc.bak.tmp-…`). Call once at start, holding the data folder's lock, before any save.
   */
  async removeLeftoverTempFiles(): Promise<string[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[])
    const leftovers = names.filter((name) => /\.ydoc(\.bak)?\.tmp-[0-9a-f]+$/.test(name))
    await Promise.all(leftovers.map((name) => rm(join(this.#dir, name), { force: true })))
    return leftovers
  }

  async #recover(path: string): Promise<DocLoadResult> {
    const damaged = await moveAsideDamaged(path)
    const lead = `This board's saved file was damaged. It was set aside as ${damaged} in ${this.#dir}`
    const backupPath = `${path}.bak`
    const backup = await readIfExists(backupPath)
    const state = backup && readBoardFile(backup)
    if (backup && state) {
      // The damaged file is no longer at `path`, so this write leaves the .bak as it is.
      await writeFileAtomic(path, backup)
      return {
        state,
        notice: `${lead}; the board was restored from your previous save, so your last few seconds of changes may be missing.`
      }
    }
    if (backup) {
      const backupAside = await moveAsideDamaged(backupPath)
      return {
        state: null,
        notice: `${lead}; its earlier copy was damaged too and was set aside as ${backupAside}, so the board starts empty.`
      }
    }
    return { state: null, notice: `${lead}; there was no earlier copy, so the board starts empty.` }
  }
}
