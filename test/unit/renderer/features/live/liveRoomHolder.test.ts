/**
 * The facilitator's page keeps a live board's document, its saving and its room while the
 * library is on screen. Against a real live session (its signaling server on loopback) with the
 * real persistence; only the facilitator's disk is in memory.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { SessionManager } from '../../../../../electron/host/sessionManager'
import type { DocLoadResult, FacilitatorSession } from '../../../../../shared/contract'
import { addNote } from '../../../../../renderer/src/crdt/intents'
import { joinLiveDoc, type LiveDocConnection, type LiveSyncPage } from '../../../../../renderer/src/crdt/liveSync'
import type { DocStorage } from '../../../../../renderer/src/crdt/persistence'
import { FACILITATOR_COLOUR } from '../../../../../renderer/src/crdt/presence'
import { keepLiveRoom, leaveLiveRoom, openBoardDoc } from '../../../../../renderer/src/features/live/liveRoomHolder'
import { boardStorage, loopbackSessions } from '../../../electron/loopbackSessions'
import { threeColumnBoard, IDEAS, textsIn } from '../../crdt/boardFixtures'

const WORKSHOP = 'workshop-held'

/** The facilitator's disk, in memory: what was loaded and every state saved. */
class MemoryStorage implements DocStorage {
  loads = 0
  saved: Uint8Array[] = []
  async load(): Promise<DocLoadResult> {
    this.loads++
    return { state: Y.encodeStateAsUpdate(threeColumnBoard()), notice: 'Restored from the last good copy.' }
  }
  async save(_id: string, state: Uint8Array): Promise<void> {
    this.saved.push(state)
  }
  lastSavedTexts(): string[] {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, this.saved.at(-1) ?? new Uint8Array([0, 0]))
    return textsIn(doc, IDEAS)
  }
}

const alwaysOnline: LiveSyncPage = { addEventListener() {}, removeEventListener() {}, navigator: { onLine: true } }

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('liveRoomHolder', () => {
  let dir: string
  let sessions: SessionManager
  let storage: MemoryStorage
  const originalWebSocket = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket')

  /** What useLiveSession does: join the room as the facilitator, asking the host whether the session is still on. */
  const joinAs = (doc: Y.Doc, session: FacilitatorSession) =>
    vi.fn(
      (): LiveDocConnection =>
        joinLiveDoc(
          doc,
          {
            address: { origin: `http://127.0.0.1:${session.port}`, room: session.room, ticket: session.ticket, hostKey: session.hostKey, preferWebSocket: true },
            name: 'Facilitator',
            role: 'facilitator',
            colour: FACILITATOR_COLOUR,
            sessionEnded: async () => sessions.status(WORKSHOP)?.room !== session.room
          },
          alwaysOnline
        )
    )

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-room-holder-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    sessions = loopbackSessions(dir)
    storage = new MemoryStorage()
    Object.defineProperty(globalThis, 'WebSocket', { value: WebSocket, configurable: true, writable: true })
  })

  afterEach(async () => {
    leaveLiveRoom(WORKSHOP)
    await sessions.close()
    if (originalWebSocket) Object.defineProperty(globalThis, 'WebSocket', originalWebSocket)
    else delete (globalThis as Record<string, unknown>).WebSocket
    await rm(dir, { recursive: true, force: true })
  })

  it('closes a board’s document when the board goes, if the workshop is not live', async () => {
    const board = await openBoardDoc(WORKSHOP, storage)
    addNote(board.doc, IDEAS, 'Saved on leaving')
    expect(await board.close()).toBe(true)
    expect(board.doc.isDestroyed).toBe(true)
    expect(storage.lastSavedTexts()).toEqual(['Saved on leaving'])
  })

  it('keeps a live board in its room while the board is away, and gives the same document and connection back', async () => {
    const session = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const first = await openBoardDoc(WORKSHOP, storage)
    expect(first.notice).toBe('Restored from the last good copy.')
    const join = joinAs(first.doc, session)
    const connection = keepLiveRoom(WORKSHOP, first.doc, session, join)
    await until(() => connection.connection.getSnapshot().via === 'websocket', 'the facilitator to reach its host')

    // The facilitator goes to the library.
    let closedForGood = false
    void first.close().then(() => (closedForGood = true))
    expect(first.doc.isDestroyed).toBe(false)
    // What the room adds meanwhile is still saved.
    addNote(first.doc, IDEAS, 'Added while the library was on screen')
    await until(() => storage.lastSavedTexts().includes('Added while the library was on screen'), 'the change to be saved')
    expect(connection.connection.getSnapshot()).toMatchObject({ via: 'websocket', ended: false })

    // Back to the board: the same document, the same connection, nothing loaded or joined again.
    const again = await openBoardDoc(WORKSHOP, storage)
    expect(again.doc).toBe(first.doc)
    expect(again.notice).toBeNull()
    expect(keepLiveRoom(WORKSHOP, again.doc, session, join)).toBe(connection)
    // A new code keeps the room, and the connection.
    expect(keepLiveRoom(WORKSHOP, again.doc, sessions.rotateCode(WORKSHOP)!, join)).toBe(connection)
    expect(join).toHaveBeenCalledTimes(1)
    expect(storage.loads).toBe(1)

    // The session ends elsewhere: the connection finds out and leaves; the board on screen keeps its document.
    await sessions.end(WORKSHOP)
    await until(() => connection.connection.getSnapshot().ended, 'the connection to find out the session ended')
    expect(again.doc.isDestroyed).toBe(false)
    expect(closedForGood).toBe(false)
    expect(await again.close()).toBe(true)
    expect(again.doc.isDestroyed).toBe(true)
    expect(closedForGood).toBe(true)
  })

  it('closes the document once the session ends while the library is on screen', async () => {
    const session = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const board = await openBoardDoc(WORKSHOP, storage)
    const connection = keepLiveRoom(WORKSHOP, board.doc, session, joinAs(board.doc, session))
    await until(() => connection.connection.getSnapshot().via === 'websocket', 'the facilitator to reach its host')
    addNote(board.doc, IDEAS, 'The last thing added')
    const closed = board.close()

    await sessions.end(WORKSHOP)
    expect(await closed).toBe(true)
    expect(board.doc.isDestroyed).toBe(true)
    expect(storage.lastSavedTexts()).toEqual(['The last thing added'])

    // The next board loads it from disk again.
    const next = await openBoardDoc(WORKSHOP, storage)
    expect(next.doc).not.toBe(board.doc)
    expect(storage.loads).toBe(2)
    await next.close()
  })

  it('keeps only a board it opened', async () => {
    const session = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const stranger = threeColumnBoard()
    expect(() => keepLiveRoom(WORKSHOP, stranger, session, joinAs(stranger, session))).toThrow()
  })
})
