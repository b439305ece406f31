import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { addNote, editNote } from '../../../../renderer/src/crdt/intents'
import { createBoardUndo } from '../../../../renderer/src/crdt/undo'
import { createWireDoc, REMOTE_ORIGIN } from '../../../../renderer/src/crdt/wireDoc'
import { threeColumnBoard, IDEAS, peerOf, textsIn } from './boardFixtures'

/** What a peer would send: everything `from` has that `to` lacks. */
const diff = (from: Y.Doc, to: Y.Doc) => Y.encodeStateAsUpdate(from, Y.encodeStateVector(to))

describe('createWireDoc', () => {
  it('starts as a copy of the board and sends out every change made on it', () => {
    const board = threeColumnBoard()
    addNote(board, IDEAS, 'Before going live')
    const wire = createWireDoc(board)
    expect(textsIn(wire.doc, IDEAS)).toEqual(['Before going live'])
    addNote(board, IDEAS, 'While live')
    expect(textsIn(wire.doc, IDEAS)).toEqual(['Before going live', 'While live'])
  })

  it('brings peers’ changes into the board as remote ones, which Undo leaves alone', () => {
    const board = threeColumnBoard()
    const undo = createBoardUndo(board)
    const wire = createWireDoc(board)
    const peer = peerOf(board)
    addNote(peer, IDEAS, 'From a participant')
    const origins: unknown[] = []
    board.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    Y.applyUpdate(wire.doc, diff(peer, wire.doc), 'a peer')
    expect(textsIn(board, IDEAS)).toEqual(['From a participant'])
    expect(origins).toEqual([REMOTE_ORIGIN])
    expect(undo.getSnapshot().canUndo).toBe(false)
  })

  it('refuses bytes that are not an update, leaving the board as it was', () => {
    const board = threeColumnBoard()
    addNote(board, IDEAS, 'Precious')
    const before = Y.encodeStateAsUpdate(board)
    const wire = createWireDoc(board)
    const peer = peerOf(board)
    addNote(peer, IDEAS, 'Sent by a faulty peer')
    const update = diff(peer, board)
    const garbled = update.slice(0, update.length - 2)
    garbled[1] = 0xff
    for (const bytes of [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), garbled, new Uint8Array(0)]) {
      try {
        Y.applyUpdate(wire.doc, bytes, 'a peer')
      } catch {
        // What y-webrtc would meet; the board must not care.
      }
    }
    expect(textsIn(board, IDEAS)).toEqual(['Precious'])
    expect(Y.encodeStateAsUpdate(board)).toEqual(before)
    // Still in touch afterwards.
    editNote(peer, Object.keys(peer.getMap('notes').toJSON())[0]!, 'Precious, edited')
    Y.applyUpdate(wire.doc, diff(peer, wire.doc), 'a peer')
    expect(textsIn(board, IDEAS)).toContain('Precious, edited')
  })

  it('holds back changes whose history has not arrived, so the saved board is always whole', () => {
    const board = threeColumnBoard()
    const wire = createWireDoc(board)
    const peer = peerOf(board)
    addNote(peer, IDEAS, 'first')
    const first = diff(peer, board)
    const afterFirst = peerOf(peer)
    addNote(peer, IDEAS, 'second')
    const second = diff(peer, afterFirst)

    // In a mesh the second update can arrive first, by another path.
    Y.applyUpdate(wire.doc, second, 'a peer')
    expect(wire.doc.store.pendingStructs).not.toBeNull()
    expect(board.store.pendingStructs).toBeNull()
    expect(textsIn(board, IDEAS)).toEqual([])

    Y.applyUpdate(wire.doc, first, 'a peer')
    expect(textsIn(board, IDEAS)).toEqual(['first', 'second'])
    expect(board.store.pendingStructs).toBeNull()
  })

  it('reports a change that failed on its way into the board, and keeps relaying', () => {
    const board = threeColumnBoard()
    const failed = vi.fn()
    const wire = createWireDoc(board, failed)
    const peer = peerOf(board)
    let failNext = true
    board.getMap('notes').observeDeep(() => {
      if (failNext) {
        failNext = false
        throw new Error('a listener on the board failed')
      }
    })
    addNote(peer, IDEAS, 'one')
    expect(() => Y.applyUpdate(wire.doc, diff(peer, wire.doc), 'a peer')).not.toThrow()
    expect(failed).toHaveBeenCalledOnce()
    addNote(peer, IDEAS, 'two')
    Y.applyUpdate(wire.doc, diff(peer, wire.doc), 'a peer')
    expect(textsIn(board, IDEAS)).toEqual(['one', 'two'])
  })

  it('stops relaying and frees the copy on destroy', () => {
    const board = threeColumnBoard()
    const wire = createWireDoc(board)
    wire.destroy()
    addNote(board, IDEAS, 'after')
    expect(textsIn(wire.doc, IDEAS)).toEqual([])
  })
})
