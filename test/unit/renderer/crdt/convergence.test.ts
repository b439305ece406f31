import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { NOTE_COLOURS } from '../../../../shared/board'
import { addNote, deleteNote, editNote, moveNote, recolourNote } from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'
import { CANDIDATES, threeColumnBoard, IDEAS, peerOf, seededRandom, sync, textsIn, THEMES } from './boardFixtures'

const board = (doc: Y.Doc) => {
  const snapshot = buildBoardSnapshot(doc, null)
  return { columns: snapshot.columns, lists: snapshot.noteIdsByColumn, notes: snapshot.notes }
}

describe('two peers editing at once', () => {
  it('converge after moving different notes concurrently, each move kept', () => {
    const alice = threeColumnBoard()
    const ids = ['one', 'two', 'three', 'four'].map((text) => addNote(alice, IDEAS, text).noteId!)
    const bob = peerOf(alice)

    moveNote(alice, ids[3]!, IDEAS, null, ids[0]!)
    moveNote(bob, ids[1]!, THEMES, null, null)
    sync(alice, bob)

    expect(board(alice)).toEqual(board(bob))
    expect(textsIn(alice, IDEAS)).toEqual(['four', 'one', 'three'])
    expect(textsIn(alice, THEMES)).toEqual(['two'])
  })

  it('converge when both move the same note to different columns', () => {
    const alice = threeColumnBoard()
    const id = addNote(alice, IDEAS, 'contested').noteId!
    const bob = peerOf(alice)
    moveNote(alice, id, THEMES, null, null)
    moveNote(bob, id, CANDIDATES, null, null)
    sync(alice, bob)
    expect(board(alice)).toEqual(board(bob))
    expect([textsIn(alice, THEMES), textsIn(alice, CANDIDATES)]).toContainEqual(['contested'])
  })

  it('show notes that got the same order key in the same order on both sides', () => {
    const alice = threeColumnBoard()
    const bob = peerOf(alice)
    const fromAlice = addNote(alice, IDEAS, 'from Alice').noteId!
    const fromBob = addNote(bob, IDEAS, 'from Bob').noteId!
    sync(alice, bob)
    const snapshot = buildBoardSnapshot(alice, null)
    expect(snapshot.notes[fromAlice]!.order).toBe(snapshot.notes[fromBob]!.order)
    expect(textsIn(alice, IDEAS)).toEqual(textsIn(bob, IDEAS))
  })

  it('converge after many random edits on three peers that sync now and then', () => {
    const random = seededRandom(42)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const first = threeColumnBoard()
    const peers = [first, peerOf(first), peerOf(first)]
    const columns = [IDEAS, THEMES, CANDIDATES]

    for (let step = 0; step < 400; step++) {
      const doc = pick(peers)
      const snapshot = buildBoardSnapshot(doc, null)
      const noteIds = Object.keys(snapshot.notes)
      const action = random()
      if (noteIds.length < 3 || action < 0.3) {
        addNote(doc, pick(columns), `note ${step}`)
      } else if (action < 0.75) {
        const to = pick(columns)
        const list = snapshot.noteIdsByColumn[to]!
        const at = Math.floor(random() * (list.length + 1))
        moveNote(doc, pick(noteIds), to, list[at - 1] ?? null, list[at] ?? null)
      } else if (action < 0.85) {
        editNote(doc, pick(noteIds), `edited ${step}`)
      } else if (action < 0.93) {
        recolourNote(doc, pick(noteIds), pick(NOTE_COLOURS))
      } else {
        deleteNote(doc, pick(noteIds))
      }
      if (random() < 0.2) sync(pick(peers), pick(peers))
    }
    sync(peers[0]!, peers[1]!)
    sync(peers[1]!, peers[2]!)
    sync(peers[0]!, peers[1]!)

    const expected = board(peers[0]!)
    expect(board(peers[1]!)).toEqual(expected)
    expect(board(peers[2]!)).toEqual(expected)
    const listed = Object.values(expected.lists).flat()
    expect(listed.sort()).toEqual(Object.keys(expected.notes).sort())
  })
})
