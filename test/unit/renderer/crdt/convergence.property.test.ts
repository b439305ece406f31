/**
 * Property: however N peers edit concurrently and however the network delivers their
 * updates (late, out of order, twice, after an offline spell), once everything has
 * arrived every peer shows the same board, and every note sits in exactly one column.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE_COLOURS } from '../../../../shared/board'
import { addNote, deleteNote, editNote, moveNote, recolourNote } from '../../../../renderer/src/crdt/intents'
import { buildBoardSnapshot } from '../../../../renderer/src/crdt/snapshot'
import { CANDIDATES, threeColumnBoard, IDEAS, peerOf, THEMES } from './boardFixtures'

const COLUMNS = [IDEAS, THEMES, CANDIDATES]

function randomSource(seed: number) {
  let state = seed
  const next = () => {
    // Mulberry32: small, fast, and the same sequence on every machine.
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! }
}

function board(doc: Y.Doc) {
  const snapshot = buildBoardSnapshot(doc, null)
  return { lists: snapshot.noteIdsByColumn, notes: snapshot.notes }
}

function runScenario(seed: number, peerCount: number, steps: number) {
  const random = randomSource(seed)
  const first = threeColumnBoard()
  const peers = [first, ...Array.from({ length: peerCount - 1 }, () => peerOf(first))]
  const inboxes = peers.map(() => [] as Uint8Array[])
  const offline = new Set<number>()
  peers.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return
      peers.forEach((_, to) => to !== from && inboxes[to]!.push(update))
    })
  )
  const deliverSome = (to: number) => {
    const inbox = inboxes[to]!
    for (let n = Math.floor(random.next() * 4); n > 0 && inbox.length; n--) {
      const at = Math.floor(random.next() * inbox.length)
      const update = inbox[at]!
      // Now and then a message arrives twice.
      if (random.next() > 0.1) inbox.splice(at, 1)
      Y.applyUpdate(peers[to]!, update, 'remote')
    }
  }

  for (let step = 0; step < steps; step++) {
    const index = Math.floor(random.next() * peers.length)
    const doc = peers[index]!
    const { lists, notes } = board(doc)
    const noteIds = Object.keys(notes)
    const roll = random.next()
    if (noteIds.length < 2 || roll < 0.3) {
      addNote(doc, random.pick(COLUMNS), `note ${seed}-${step}`)
    } else if (roll < 0.7) {
      const to = random.pick(COLUMNS)
      const list = lists[to]!
      const at = Math.floor(random.next() * (list.length + 1))
      moveNote(doc, random.pick(noteIds), to, list[at - 1] ?? null, list[at] ?? null)
    } else if (roll < 0.82) {
      editNote(doc, random.pick(noteIds), `edited ${step}`)
    } else if (roll < 0.9) {
      recolourNote(doc, random.pick(noteIds), random.pick(NOTE_COLOURS))
    } else {
      deleteNote(doc, random.pick(noteIds))
    }
    if (random.next() < 0.05) offline.add(index)
    if (random.next() < 0.1) offline.delete(random.pick([...offline, index]))
    peers.forEach((_, to) => !offline.has(to) && deliverSome(to))
  }
  // Everyone comes back online and the network drains.
  peers.forEach((doc, to) => inboxes[to]!.splice(0).forEach((update) => Y.applyUpdate(doc, update, 'remote')))
  return peers.map(board)
}

describe('convergence of concurrent edits', () => {
  const scenarios = Array.from({ length: 24 }, (_, i) => ({ seed: 1000 + i, peers: 2 + (i % 7) }))

  it.each(scenarios)('seed $seed with $peers peers converges to one board', ({ seed, peers }) => {
    const boards = runScenario(seed, peers, 250)
    for (const other of boards.slice(1)) expect(other).toEqual(boards[0])

    const { lists, notes } = boards[0]!
    const listed = Object.values(lists).flat()
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed.sort()).toEqual(Object.keys(notes).sort())
    for (const [columnId, ids] of Object.entries(lists)) {
      for (const id of ids) expect(notes[id]!.columnId).toBe(columnId)
    }
  })
})
