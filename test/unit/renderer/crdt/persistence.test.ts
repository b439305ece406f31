import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DocLoadResult } from '../../../../shared/contract'
import { addNote } from '../../../../renderer/src/crdt/intents'
import { openWorkshopDoc, UnreadableBoardError, type DocStorage } from '../../../../renderer/src/crdt/persistence'
import { REMOTE_ORIGIN } from '../../../../renderer/src/crdt/sync/hubProvider'
import { threeColumnBoard, IDEAS, peerOf, textsIn } from './boardFixtures'

const ID = 'workshop-0001'

class FakeStorage implements DocStorage {
  saved: Uint8Array[] = []
  failNext = 0
  constructor(private readonly stored: DocLoadResult = { state: null, notice: null }) {}
  async load(): Promise<DocLoadResult> {
    return this.stored
  }
  async save(_id: string, state: Uint8Array): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--
      throw new Error('The disk is full.')
    }
    this.saved.push(state)
  }
  lastSavedTexts(): string[] {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, this.saved.at(-1)!)
    return textsIn(doc, IDEAS)
  }
}

const options = { saveIntervalMs: 300, retryDelaysMs: [1_000], page: null }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('openWorkshopDoc', () => {
  it('opens the saved board and passes on the notice about how it was loaded', async () => {
    const board = threeColumnBoard()
    addNote(board, IDEAS, 'Saved before')
    const notice = 'The board was damaged; the previous copy was restored.'
    const session = await openWorkshopDoc(ID, new FakeStorage({ state: Y.encodeStateAsUpdate(board), notice }), options)
    expect(textsIn(session.doc, IDEAS)).toEqual(['Saved before'])
    expect(session.notice).toBe(notice)
  })

  it('refuses a damaged or cut-short saved state, so nothing overwrites it', async () => {
    const board = threeColumnBoard()
    addNote(board, IDEAS, 'Precious')
    const full = Y.encodeStateAsUpdate(board)
    for (const state of [new Uint8Array([1, 2, 3, 4, 5, 6, 7]), full.slice(0, full.length - 3)]) {
      const storage = new FakeStorage({ state, notice: null })
      await expect(openWorkshopDoc(ID, storage, options)).rejects.toBeInstanceOf(UnreadableBoardError)
      expect(storage.saved).toEqual([])
    }
  })

  it('saves the first change at once, then gathers a burst into one save per interval', async () => {
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, options)
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    await vi.advanceTimersByTimeAsync(0)
    expect(storage.saved).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(1_000)
    addNote(session.doc, IDEAS, 'one')
    await vi.advanceTimersByTimeAsync(0)
    expect(storage.lastSavedTexts()).toEqual(['one'])

    addNote(session.doc, IDEAS, 'two')
    await vi.advanceTimersByTimeAsync(100)
    addNote(session.doc, IDEAS, 'three')
    await vi.advanceTimersByTimeAsync(199)
    expect(storage.saved).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(storage.saved).toHaveLength(3)
    expect(storage.lastSavedTexts()).toEqual(['one', 'two', 'three'])
  })

  it('saves what other people add during a live session, not only this person’s edits', async () => {
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, options)
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    await vi.advanceTimersByTimeAsync(1_000)
    const participant = peerOf(session.doc)
    addNote(participant, IDEAS, 'From a participant')
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(participant, Y.encodeStateVector(session.doc)), REMOTE_ORIGIN)
    await vi.advanceTimersByTimeAsync(0)
    expect(storage.lastSavedTexts()).toEqual(['From a participant'])
  })

  it('keeps saving a board that never stops changing', async () => {
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, options)
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    for (let i = 0; i < 20; i++) {
      addNote(session.doc, IDEAS, `note ${i}`)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(storage.saved.length).toBeGreaterThanOrEqual(6)
    expect(storage.lastSavedTexts().length).toBeGreaterThanOrEqual(18)
  })

  it('tells the person when saving fails, keeps the board, and retries until it works', async () => {
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, options)
    const listener = vi.fn()
    const dispose = session.saveProblem.subscribe(listener)
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    storage.failNext = 2
    addNote(session.doc, IDEAS, 'Must not be lost')
    await vi.advanceTimersByTimeAsync(0)

    const problem = session.saveProblem.getSnapshot()
    expect(problem).toContain('The disk is full.')
    expect(problem).toContain('still on screen')
    expect(problem).toContain('retried')
    expect(listener).toHaveBeenCalledTimes(1)

    await vi.advanceTimersByTimeAsync(1_000)
    expect(storage.saved).toHaveLength(0)
    expect(session.saveProblem.getSnapshot()).not.toBeNull()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(storage.lastSavedTexts()).toEqual(['Must not be lost'])
    expect(session.saveProblem.getSnapshot()).toBeNull()
    expect(listener).toHaveBeenCalledTimes(2)
    dispose()
  })

  it('saves at once when the page is hidden and when the board closes', async () => {
    const page = new EventTarget()
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, { ...options, page })
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    addNote(session.doc, IDEAS, 'before leaving')
    page.dispatchEvent(new Event('pagehide'))
    await vi.advanceTimersByTimeAsync(0)
    expect(storage.lastSavedTexts()).toEqual(['before leaving'])

    addNote(session.doc, IDEAS, 'last words')
    await expect(session.close()).resolves.toBe(true)
    expect(storage.lastSavedTexts()).toEqual(['before leaving', 'last words'])
    expect(session.doc.isDestroyed).toBe(true)

    page.dispatchEvent(new Event('pagehide'))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(storage.saved).toHaveLength(2)
  })

  it('keeps retrying after close when the last save failed, and only then lets go of the board', async () => {
    const storage = new FakeStorage()
    const session = await openWorkshopDoc(ID, storage, options)
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(threeColumnBoard()))
    addNote(session.doc, IDEAS, 'almost lost')
    storage.failNext = 1
    await expect(session.close()).resolves.toBe(false)
    expect(session.doc.isDestroyed).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(storage.lastSavedTexts()).toEqual(['almost lost'])
    expect(session.doc.isDestroyed).toBe(true)
  })
})
