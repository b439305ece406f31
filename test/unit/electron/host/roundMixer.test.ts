/**
 * Anonymous mode's rounds at the hub (electron/host/roundMixer.ts through HubRoom): laptops
 * hand in their parts; the host writes them as its own change, mixed, one change per release,
 * with its own thresholds, and holds latecomers until enough can go together. Each laptop here
 * is a Y.Doc on an in-memory link speaking the real link messages.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { HubRoom, PRESENCE_BATCH_MS, UPDATE_BATCH_MS, type LinkRole } from '../../../../electron/host/hubRoom'
import { COLLECT_MS } from '../../../../electron/host/roundMixer'
import { DOC_KEYS } from '../../../../shared/board'
import { HOST_PRESENCE_ROLE } from '../../../../shared/liveSession'
import { encodeBoardPatch, PATCHED_COPY_CLIENT_ID } from '../../../../shared/boardPatch'
import { encodeSubmission, type Submission } from '../../../../shared/roundSubmissions'
import { decodePresenceEntries, encodePresenceEntries, LINK_MESSAGE, linkMessage } from '../../../../shared/sync/linkFrames'
import { FLOW_FIELDS } from '../../../../shared/workshopMeta'

const FIRST_COLUMN = 'column-ideas'

interface Laptop {
  doc: Y.Doc
  ticket: string
  /** Every update the host sent this laptop, as it came. */
  updates: Uint8Array[]
  /** What the host last said of this person's own parts held back, if anything. */
  heldBack: string[] | null
  /** Every presence state the host relayed, by client id, latest last. */
  presence: Array<{ clientId: number; clock: number; state: Record<string, unknown> | null }>
  /** The same presence taken in by y-protocols, as a laptop's screen does: who it shows in the room. */
  awareness: awarenessProtocol.Awareness
  closedWith: string | null
  /** How often the host asked this laptop for the changes it lacks (a sync step 1). */
  askedForChanges: number
  /** What the host said of the board patches it wrote, as it said it (JSON). */
  patchesWritten: string[]
  /** A board patch, as its JSON text. */
  sendPatch(text: string): void
  submit(submission: Submission): void
  sendUpdate(update: Uint8Array): void
  /** A presence state, with its owner's clock (by default one that moves on). */
  sendPresence(clientId: number, state: Record<string, unknown>, clock?: number): void
  leave(): void
}

const rooms: HubRoom[] = []
const laptops: Laptop[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
  for (const laptop of laptops.splice(0)) laptop.awareness.destroy()
})

function openRoom(anonymous = true, meta: Record<string, unknown> = {}): HubRoom {
  const board = new Y.Doc()
  board.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.anonymous, anonymous)
  for (const [key, value] of Object.entries(meta)) board.getMap(DOC_KEYS.meta).set(key, value)
  const room = new HubRoom({ initialState: Y.encodeStateAsUpdate(board), save: () => undefined, log: () => undefined })
  rooms.push(room)
  return room
}

function join(room: HubRoom, ticket: string, role: LinkRole = 'participant'): Laptop {
  const doc = new Y.Doc()
  const laptop: Laptop = {
    doc,
    ticket,
    updates: [],
    heldBack: null,
    presence: [],
    awareness: new awarenessProtocol.Awareness(new Y.Doc()),
    closedWith: null,
    askedForChanges: 0,
    patchesWritten: [],
    sendPatch: (text) => attached.receive(linkMessage(LINK_MESSAGE.boardPatch, (encoder) => encoding.writeVarString(encoder, text))),
    submit: (submission) =>
      attached.receive(linkMessage(LINK_MESSAGE.submission, (encoder) => encoding.writeVarString(encoder, encodeSubmission(submission)))),
    sendUpdate: (update) => attached.receive(linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update))),
    sendPresence(clientId, state, clock = Date.now() % 100_000) {
      const update = encodePresenceEntries([{ clientId, clock, json: JSON.stringify(state) }])
      attached.receive(linkMessage(LINK_MESSAGE.awareness, (message) => encoding.writeVarUint8Array(message, update)))
    },
    leave: () => attached.detach()
  }
  const attached = room.attach(
    {
      kind: 'websocket',
      send(frame) {
        const decoder = decoding.createDecoder(frame)
        const type = decoding.readVarUint(decoder)
        if (type === LINK_MESSAGE.sync) {
          const syncType = decoding.readVarUint(decoder)
          const update = decoding.readVarUint8Array(decoder)
          if (syncType === syncProtocol.messageYjsSyncStep1) {
            laptop.askedForChanges++
            return
          }
          laptop.updates.push(update)
          Y.applyUpdate(doc, update)
        } else if (type === LINK_MESSAGE.boardPatchWritten) {
          laptop.patchesWritten.push(decoding.readVarString(decoder))
        } else if (type === LINK_MESSAGE.heldBack) {
          laptop.heldBack = JSON.parse(decoding.readVarString(decoder)) as string[]
        } else if (type === LINK_MESSAGE.awareness) {
          const update = decoding.readVarUint8Array(decoder)
          awarenessProtocol.applyAwarenessUpdate(laptop.awareness, update, 'hub')
          for (const { clientId, clock, json } of decodePresenceEntries(update)) {
            laptop.presence.push({ clientId, clock, state: JSON.parse(json) as Record<string, unknown> | null })
          }
        }
      },
      close: (reason) => (laptop.closedWith = reason)
    },
    role,
    ticket
  )
  laptops.push(laptop)
  return laptop
}

/** The facilitator closes a round (or reveals) by writing `meta`, as its screen does. */
function facilitatorSets(facilitator: Laptop, field: string, value: unknown): void {
  const before = Y.encodeStateVector(facilitator.doc)
  facilitator.doc.getMap(DOC_KEYS.meta).set(field, value)
  facilitator.sendUpdate(Y.encodeStateAsUpdate(facilitator.doc, before))
}

/** The client ids that wrote a top-level map's entries. */
function writersOf(doc: Y.Doc, key: string): Set<number> {
  const writers = new Set<number>()
  doc.getMap(key)._map.forEach((item) => writers.add(item.id.client))
  return writers
}

const notePart = (ids: string[]): Submission => ({
  v: 1,
  round: 'brainstorm',
  notes: ids.map((id) => ({ id, text: `Note ${id}`, colour: 'yellow', columnId: FIRST_COLUMN }))
})
const scores = (key: string, marks: Record<string, number>): Submission => ({ v: 1, round: 'consensus', key, marks })

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Changes after the first of a quiet spell leave the hub merged, once per UPDATE_BATCH_MS. */
const delivered = () => wait(UPDATE_BATCH_MS * 3)

describe('the host mixes anonymous rounds', () => {
  it('writes everyone’s revealed notes as its own change, in one message, once every laptop has handed in', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const people = ['ana', 'ben', 'cleo', 'dev'].map((ticket) => join(room, ticket))
    facilitatorSets(facilitator, FLOW_FIELDS.revealed, true)
    await delivered()
    people.forEach((person, i) => person.submit(notePart([`${person.ticket}-1`, ...(i % 2 ? [`${person.ticket}-2`] : [])])))
    expect(room.doc.getMap(DOC_KEYS.notes).size).toBe(0)
    // The facilitator hands in its part (none) last: only now is everyone in.
    const watcher = people[0]!
    const before = watcher.updates.length
    facilitator.submit(notePart([]))
    await delivered()
    expect(watcher.updates.length - before).toBe(1)
    expect(watcher.doc.getMap(DOC_KEYS.notes).size).toBe(6)
    expect(writersOf(watcher.doc, DOC_KEYS.notes)).toEqual(new Set([room.doc.clientID]))
  })

  it('releases a closed round after COLLECT_MS even if a laptop never hands in', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const ana = join(room, 'ana')
    join(room, 'silent')
    facilitatorSets(facilitator, FLOW_FIELDS.revealed, true)
    ana.submit(notePart(['ana-1']))
    expect(ana.doc.getMap(DOC_KEYS.notes).size).toBe(0)
    await wait(COLLECT_MS + 200)
    expect(ana.doc.getMap(DOC_KEYS.notes).has('ana-1')).toBe(true)
  })

  it('writes a value’s scores only from k people up, one entry per score; below k only how many, never a score', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const people = ['ana', 'ben', 'cleo'].map((ticket) => join(room, ticket))
    facilitatorSets(facilitator, FLOW_FIELDS.consensusClosed, true)
    people[0]!.submit(scores('key-ana', { honesty: 5, courage: 0 }))
    people[1]!.submit(scores('key-ben', { honesty: 4, courage: 1 }))
    people[2]!.submit(scores('key-cleo', { honesty: 3 }))
    facilitator.submit(scores('key-facilitator', {}))
    await delivered()
    const entries = [...people[0]!.doc.getMap(DOC_KEYS.consensus).values()] as Array<Record<string, unknown>>
    expect(entries).toHaveLength(4)
    expect(entries.filter((entry) => entry.kind === 'withheld')).toEqual([{ v: 1, kind: 'withheld', optionId: 'courage', voters: 2 }])
    const honesty = entries.filter((entry) => entry.kind !== 'withheld').map((entry) => (entry.marks as Record<string, number>).honesty)
    expect(honesty.sort()).toEqual([3, 4, 5])
    // Nothing ties one person's scores together: each entry holds one value's score.
    for (const entry of entries) if (entry.marks) expect(Object.keys(entry.marks as object)).toEqual(['honesty'])
    expect(JSON.stringify(people[1]!.doc.toJSON())).not.toMatch(/"courage":[01]/)
  })

  it('withholds two scores even when the board asks for a minimum group of 1 (an old file, a faulty facilitator)', async () => {
    const room = openRoom(true, { [FLOW_FIELDS.minGroup]: 1 })
    const facilitator = join(room, 'facilitator', 'facilitator')
    const people = ['ana', 'ben'].map((ticket) => join(room, ticket))
    facilitatorSets(facilitator, FLOW_FIELDS.consensusClosed, true)
    people.forEach((person, i) => person.submit(scores(`key-${person.ticket}`, { honesty: i * 5 })))
    facilitator.submit(scores('key-facilitator', {}))
    await delivered()
    expect([...people[0]!.doc.getMap(DOC_KEYS.consensus).values()]).toEqual([{ v: 1, kind: 'withheld', optionId: 'honesty', voters: 2 }])
  })

  it('counts one part per person: a second ballot from the same ticket replaces the first, so it cannot reach k alone', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const rogue = join(room, 'rogue')
    const ana = join(room, 'ana')
    facilitatorSets(facilitator, FLOW_FIELDS.emotionsClosed, true)
    rogue.submit({ v: 1, round: 'emotions', key: 'forged-1', ratings: { exit: 2 } })
    rogue.submit({ v: 1, round: 'emotions', key: 'forged-2', ratings: { exit: 2 } })
    ana.submit({ v: 1, round: 'emotions', key: 'key-ana', ratings: { exit: -2 } })
    facilitator.submit({ v: 1, round: 'emotions', key: 'key-facilitator', ratings: {} })
    await delivered()
    const entries = [...ana.doc.getMap(DOC_KEYS.emotions).values()]
    expect(entries).toEqual([{ v: 1, kind: 'withheld', stageId: 'exit', raters: 2 }])
  })

  it('holds a latecomer’s ballot until k can go together, and tells the room how many wait', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const early = ['ana', 'ben', 'cleo'].map((ticket) => join(room, ticket))
    facilitatorSets(facilitator, FLOW_FIELDS.votingClosed, true)
    early.forEach((person) => person.submit({ v: 1, round: 'votes', key: `key-${person.ticket}`, marks: { c1: 1 } }))
    facilitator.submit({ v: 1, round: 'votes', key: 'key-facilitator', marks: {} })
    await delivered()
    const votes = () => facilitator.doc.getMap(DOC_KEYS.votes).size
    expect(votes()).toBe(3)

    const late = ['dev', 'eve', 'fay'].map((ticket) => join(room, ticket))
    late[0]!.submit({ v: 1, round: 'votes', key: 'key-dev', marks: { c2: 2 } })
    await delivered()
    expect(votes()).toBe(3)
    const hostEntry = () =>
      [...room.awareness.getStates().values()].find((state) => state.role === HOST_PRESENCE_ROLE) as { room: { waiting: Record<string, number> } }
    expect(hostEntry().room.waiting.votes).toBe(1)
    // Only Dev hears that their vote is held; no one else hears anything of it.
    expect(late[0]!.heldBack).toEqual(['votes'])
    for (const other of [...early, late[1]!, late[2]!, facilitator]) expect(other.heldBack).toBeNull()
    late[1]!.submit({ v: 1, round: 'votes', key: 'key-eve', marks: { c2: 1 } })
    await delivered()
    expect(votes()).toBe(3)
    const before = early[0]!.updates.length
    late[2]!.submit({ v: 1, round: 'votes', key: 'key-fay', marks: { c1: 1 } })
    await delivered()
    // The three latecomers go together, in one change.
    expect(votes()).toBe(6)
    expect(early[0]!.updates.length - before).toBe(1)
    expect(hostEntry().room.waiting.votes).toBe(0)
    for (const latecomer of late.slice(0, 2)) expect(latecomer.heldBack).toEqual([])
  })

  it('holds nothing for a latecomer with nothing to hand in, and does not count them towards the k that lets another latecomer go', async () => {
    const room = openRoom()
    const facilitator = join(room, 'facilitator', 'facilitator')
    const early = ['ana', 'ben', 'cleo'].map((ticket) => join(room, ticket))
    facilitatorSets(facilitator, FLOW_FIELDS.revealed, true)
    early.forEach((person) => person.submit(notePart([`${person.ticket}-1`])))
    facilitator.submit(notePart([]))
    await delivered()
    const notes = () => facilitator.doc.getMap(DOC_KEYS.notes).size
    expect(notes()).toBe(3)

    const [dev, eve, fay] = ['dev', 'eve', 'fay'].map((ticket) => join(room, ticket))
    dev!.submit(notePart(['dev-1']))
    // Eve and Fay joined after the reveal with nothing written: their screens hand in empty parts.
    eve!.submit(notePart([]))
    fay!.submit(notePart([]))
    await delivered()
    // Dev's note would go out with two empty parts: alone, and so his. It waits for two real ones.
    expect(notes()).toBe(3)
    expect(dev!.heldBack).toEqual(['brainstorm'])
    expect(eve!.heldBack).toBeNull()
    expect(fay!.heldBack).toBeNull()
  })

  it('closes the link of a participant that writes a ballot or rating straight into an anonymous board', () => {
    const room = openRoom()
    const rogue = join(room, 'rogue')
    for (const key of [DOC_KEYS.votes, DOC_KEYS.consensus, DOC_KEYS.emotions]) {
      const forged = new Y.Doc()
      forged.getMap(key).set('forged', { v: 1, kind: 'rated', stageId: 'exit' })
      const link = join(room, `rogue-${key}`)
      link.sendUpdate(Y.encodeStateAsUpdate(forged))
      expect(link.closedWith).toMatch(/straight into an anonymous board/)
      expect(room.doc.getMap(key).size).toBe(0)
    }
    expect(rogue.closedWith).toBeNull()
  })

  it('with anonymity off, leaves ballots to the laptops: a submission is ignored and a ballot written directly is taken', async () => {
    const room = openRoom(false)
    const facilitator = join(room, 'facilitator', 'facilitator')
    const ana = join(room, 'ana')
    facilitatorSets(facilitator, FLOW_FIELDS.votingClosed, true)
    ana.submit({ v: 1, round: 'votes', key: 'key-ana', marks: { c1: 1 } })
    await wait(COLLECT_MS + 100)
    const own = new Y.Doc()
    own.getMap(DOC_KEYS.votes).set('key-ana', { v: 1, marks: { c1: 1 } })
    ana.sendUpdate(Y.encodeStateAsUpdate(own))
    expect(ana.closedWith).toBeNull()
    expect(writersOf(room.doc, DOC_KEYS.votes)).toEqual(new Set([own.clientID]))
  })

  it('relays no one’s own progress or editing in anonymous mode, and publishes the room’s counts instead', async () => {
    for (const anonymous of [true, false]) {
      const room = openRoom(anonymous)
      const watcher = join(room, 'watcher')
      const people = ['ana', 'ben', 'cleo'].map((ticket) => join(room, ticket))
      people.forEach((person, i) =>
        person.sendPresence(100 + i, { name: person.ticket, editingNoteId: 'note-1', progress: { stage: 'vote', notes: 0, done: i < 2 } })
      )
      await wait(120)
      const relayed = watcher.presence.filter((entry) => entry.state?.name)
      expect(relayed).toHaveLength(3)
      for (const { state } of relayed) {
        expect('progress' in state!).toBe(!anonymous)
        expect('editingNoteId' in state!).toBe(!anonymous)
      }
      const counts = watcher.presence.filter((entry) => entry.state?.role === HOST_PRESENCE_ROLE).at(-1)!.state!.room
      expect(counts).toMatchObject({ participants: 3, stages: { vote: { done: 2 } } })
    }
  })

  it('refuses a submission that is not one, and closes that link', () => {
    const room = openRoom()
    const rogue = join(room, 'rogue')
    rogue.submit({ v: 1, round: 'votes', key: 'k', marks: { c1: 1e9 } } as Submission)
    expect(rogue.closedWith).toMatch(/not one/)
  })
})

describe('the host relays presence', () => {
  it('shows someone back on a new link at once, though their client repeats the clock it left with (as y-webrtc does)', async () => {
    const room = openRoom(false)
    const watcher = join(room, 'ticket-watcher')
    const shown = () => (watcher.awareness.getStates().get(7) as { name?: string } | undefined)?.name
    const first = join(room, 'ticket-ana')
    first.sendPresence(7, { name: 'Ana' }, 3)
    await wait(PRESENCE_BATCH_MS * 3)
    expect(shown()).toBe('Ana')
    first.leave()
    await wait(PRESENCE_BATCH_MS * 3)
    expect(shown()).toBeUndefined()

    const again = join(room, 'ticket-ana')
    again.sendPresence(7, { name: 'Ana' }, 3)
    await wait(PRESENCE_BATCH_MS * 3)
    expect(shown()).toBe('Ana')
    // Her renewals go on counting from there.
    again.sendPresence(7, { name: 'Ana Lima' }, 4)
    await wait(PRESENCE_BATCH_MS * 3)
    expect(shown()).toBe('Ana Lima')
  })
})

describe('the host counts who took part', () => {
  it('counts each participant who was in the room once, present or gone, and not the facilitator', async () => {
    const room = openRoom()
    const tookPart = () =>
      ([...room.awareness.getStates().values()].find((state) => state.role === HOST_PRESENCE_ROLE) as { room: { tookPart: number } }).room.tookPart
    const facilitator = join(room, 'facilitator', 'facilitator')
    facilitator.sendPresence(1, { name: 'Facilitator' })
    const ana = join(room, 'ana')
    ana.sendPresence(2, { name: 'Ana' })
    join(room, 'silent')
    expect(tookPart()).toBe(1)
    const ben = join(room, 'ben')
    ben.sendPresence(3, { name: 'Ben' })
    ben.leave()
    // Ana's browser comes back on a new link, with a new tab's presence.
    ana.leave()
    join(room, 'ana').sendPresence(4, { name: 'Ana' })
    expect(tookPart()).toBe(2)
  })
})

describe('the host takes changes', () => {
  it('asks a laptop for what it lacks, rather than closing its link, when a change builds on one it never got', async () => {
    const room = openRoom(false)
    const ana = join(room, 'ana')
    const text = ana.doc.getText('scratchpad')
    text.insert(0, 'Call the customer back')
    const before = Y.encodeStateVector(ana.doc)
    text.insert(text.length, ' the same day')
    // The first change went out on a link that dropped; only the second arrives.
    ana.sendUpdate(Y.encodeStateAsUpdate(ana.doc, before))
    expect(ana.closedWith).toBeNull()
    expect(room.doc.getText('scratchpad').toString()).toBe('')
    expect(ana.askedForChanges).toBe(2)
    // The laptop answers with all the host lacks, as its sync step 2 does.
    ana.sendUpdate(Y.encodeStateAsUpdate(ana.doc, Y.encodeStateVector(room.doc)))
    expect(room.doc.getText('scratchpad').toString()).toBe('Call the customer back the same day')
  })

  it('writes a laptop’s board patch as its own change, to everyone, once, and says so to the sender', async () => {
    const room = openRoom()
    const [ana, ben] = [join(room, 'ana'), join(room, 'ben')]
    const patch = (seq: number, text: string) =>
      ana.sendPatch(encodeBoardPatch({ v: 1, stream: 'stream-ana-1', seq, changes: { notes: { n1: { text, colour: 'yellow', columnId: FIRST_COLUMN, order: 'a0' } } } }))
    patch(1, 'Call the customer back')
    await delivered()
    const note = () => (ben.doc.getMap(DOC_KEYS.notes).get('n1') as Y.Map<unknown> | undefined)?.get('text')
    expect(note()).toBe('Call the customer back')
    // Written by the host: the sender's own copy gets it too.
    expect(writersOf(ben.doc, DOC_KEYS.notes)).toEqual(new Set([room.doc.clientID]))
    expect((ana.doc.getMap(DOC_KEYS.notes).get('n1') as Y.Map<unknown>).get('text')).toBe('Call the customer back')
    expect(ana.patchesWritten).toEqual(['["stream-ana-1",1]'])
    // Re-sent on a new link (the answer was lost), the same patch is not written again over a newer one.
    patch(2, 'Call the customer back the same day')
    patch(1, 'Call the customer back')
    await delivered()
    expect(note()).toBe('Call the customer back the same day')
    expect(ana.closedWith).toBeNull()
  })

  it('closes the link of a laptop that sends a patch that is not one, or writes under the id kept for laptops’ own copies', () => {
    const room = openRoom()
    const ana = join(room, 'ana')
    ana.sendPatch(JSON.stringify({ v: 1, stream: 'stream-ana-1', seq: 1, changes: { notes: { n1: { text: 'x'.repeat(10_000) } } } }))
    expect(ana.closedWith).not.toBeNull()
    const ben = join(room, 'ben')
    const copy = new Y.Doc()
    copy.clientID = PATCHED_COPY_CLIENT_ID
    copy.getMap(DOC_KEYS.notes).set('n2', 'mine')
    ben.sendUpdate(Y.encodeStateAsUpdate(copy))
    expect(ben.closedWith).not.toBeNull()
    expect(room.doc.getMap(DOC_KEYS.notes).has('n2')).toBe(false)
  })

  it('closes the link of a laptop whose patches of shared writing are made to be costly to merge, and takes an honest one after', () => {
    const random = (length: number) => Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')
    const room = openRoom()
    const values = room.doc.getMap(DOC_KEYS.values)
    room.doc.transact(() => {
      for (let v = 0; v < 64; v++) values.set(`value-${v}`, new Y.Map<unknown>([['definition', new Y.Text(random(990))]]))
    })
    const rogue = join(room, 'rogue')
    // Each patch: 64 definitions, each a 990-character text unlike its base and unlike the board's.
    const costly = (seq: number) =>
      JSON.stringify({
        v: 1,
        stream: 'stream-rogue-1',
        seq,
        changes: {
          values: Object.fromEntries(
            Array.from({ length: 64 }, (_, v) => [`value-${v}`, { now: { definition: { text: random(990) } }, base: { definition: { text: random(990) } } }])
          )
        }
      })
    let sent = 0
    while (rogue.closedWith === null && sent < 20) rogue.sendPatch(costly(++sent))
    expect(rogue.closedWith).toContain('too costly to merge')
    expect(sent).toBeLessThan(20)

    const ana = join(room, 'ana')
    ana.sendPatch(
      JSON.stringify({
        v: 1,
        stream: 'stream-ana-1',
        seq: 1,
        changes: { values: { 'value-0': { now: { definition: { text: 'We listen.' } }, base: null } } }
      })
    )
    expect(ana.closedWith).toBeNull()
    expect(String((values.get('value-0') as Y.Map<unknown>).get('definition'))).toContain('We listen.')
  })
})

