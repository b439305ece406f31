import { describe, expect, it } from 'vitest'
import type { BoardPatch } from '../../../../../shared/boardPatch'
import { createUnsentPatches } from '../../../../../renderer/src/crdt/sync/unsentPatches'
import { MemoryStorage } from '../../features/MemoryStorage'

const patch = (stream: string, seq: number, text: string): BoardPatch => ({
  v: 1,
  stream,
  seq,
  changes: { notes: { n1: { text, colour: 'yellow', columnId: 'column-1', order: 'a0' } } }
})

describe('createUnsentPatches', () => {
  it('keeps what the host has not written across a reload of the page, in order, and lets go of what it wrote', () => {
    const storage = new MemoryStorage()
    const before = createUnsentPatches('room-1', storage)
    before.add(patch('stream-page-1', 1, 'Call back'))
    before.add(patch('stream-page-1', 2, 'Call back the same day'))

    const reloaded = createUnsentPatches('room-1', storage)
    expect(reloaded.all().map((each) => each.seq)).toEqual([1, 2])
    reloaded.add(patch('stream-page-2', 1, 'Own the problem'))
    reloaded.written('stream-page-1', 1)
    expect(createUnsentPatches('room-1', storage).all().map((each) => `${each.stream}/${each.seq}`)).toEqual(['stream-page-1/2', 'stream-page-2/1'])
    // Another room's are its own.
    expect(createUnsentPatches('room-2', storage).all()).toEqual([])
  })

  it('keeps nothing once forgotten, and reads a damaged entry as nothing', () => {
    const storage = new MemoryStorage()
    const patches = createUnsentPatches('room-1', storage)
    patches.add(patch('stream-page-1', 1, 'Call back'))
    patches.forget()
    expect(storage.items.size).toBe(0)
    storage.setItem('unsent-board-patches:room-1', '{not json')
    expect(createUnsentPatches('room-1', storage).all()).toEqual([])
    storage.setItem('unsent-board-patches:room-1', JSON.stringify(['{"v":1}', JSON.stringify(patch('stream-page-1', 3, 'Say no'))]))
    expect(createUnsentPatches('room-1', storage).all().map((each) => each.seq)).toEqual([3])
  })
})
