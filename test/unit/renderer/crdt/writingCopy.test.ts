/**
 * What a group writes together in anonymous mode, live (renderer/src/crdt/writingCopy.ts and
 * shared/sharedWriting.ts): each laptop's values and plan go to a real HubRoom as patches, the
 * host merges and writes them as its own change. Links here are in memory and asynchronous,
 * speaking the real link messages, so patches cross and arrive late as on a network.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { HubRoom } from '../../../../electron/host/hubRoom'
import { encodeBoardPatch, WRITING_LIMITS, type BoardChanges } from '../../../../shared/boardPatch'
import { DOC_KEYS } from '../../../../shared/board'
import { LINK_MESSAGE, linkMessage } from '../../../../shared/sync/linkFrames'
import { FLOW_FIELDS } from '../../../../shared/workshopMeta'
import { createProgramPlanModel, seedProgramPlan } from '../../../../renderer/src/crdt/programPlan'
import { createValuesModel, readValues } from '../../../../renderer/src/crdt/values'
import { createWritingCopy } from '../../../../renderer/src/crdt/writingCopy'

interface Laptop {
  board: Y.Doc
  copy: Y.Doc
  /** Patches this laptop sent. */
  sent: BoardChanges[]
  /** The screen's models are rebuilt or closed: the copy goes, the link stays. */
  closeCopy(): void
  /** Out of reach: patches wait on this laptop (as the app keeps them) until `backOnline`. */
  goOffline(): void
  backOnline(): void
  destroy(): void
}

const rooms: HubRoom[] = []
const laptops: Laptop[] = []
afterEach(() => {
  for (const laptop of laptops.splice(0)) laptop.destroy()
  for (const room of rooms.splice(0)) room.destroy()
})

/** A network's delay: every message arrives in a later task, in order. */
const later = (deliver: () => void) => setTimeout(deliver, 2)

function openRoom(seed: (doc: Y.Doc) => void): HubRoom {
  const facilitator = new Y.Doc()
  facilitator.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.anonymous, true)
  seed(facilitator)
  const room = new HubRoom({ initialState: Y.encodeStateAsUpdate(facilitator), save: () => undefined, log: () => undefined })
  rooms.push(room)
  return room
}

function join(room: HubRoom, ticket: string): Laptop {
  const board = new Y.Doc()
  Y.applyUpdate(board, Y.encodeStateAsUpdate(room.doc))
  const written = new Set<(seq: number) => void>()
  const sent: BoardChanges[] = []
  const stream = `stream-${ticket}-1`
  let seq = 0
  let open = true
  let held: string[] | null = null
  const deliver = (text: string) =>
    later(() => attached.receive(linkMessage(LINK_MESSAGE.boardPatch, (encoder) => encoding.writeVarString(encoder, text))))
  const attached = room.attach(
    {
      kind: 'websocket',
      send(frame) {
        later(() => {
          if (!open) return
          const decoder = decoding.createDecoder(frame)
          const type = decoding.readVarUint(decoder)
          if (type === LINK_MESSAGE.sync) {
            const syncType = decoding.readVarUint(decoder)
            const update = decoding.readVarUint8Array(decoder)
            if (syncType !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(board, update, 'host')
          } else if (type === LINK_MESSAGE.boardPatchWritten) {
            const [writtenStream, writtenSeq] = JSON.parse(decoding.readVarString(decoder)) as [string, number]
            if (writtenStream === stream) for (const listener of written) listener(writtenSeq)
          }
        })
      },
      close: (reason) => {
        throw new Error(`the host closed ${ticket}'s link: ${reason}`)
      }
    },
    'participant',
    ticket
  )
  const copy = createWritingCopy(board, {
    patchBoard(changes) {
      const patch = { v: 1 as const, stream, seq: ++seq, changes }
      sent.push(changes)
      const text = encodeBoardPatch(patch)
      if (held) held.push(text)
      else deliver(text)
      return patch.seq
    },
    onPatchWritten(listener) {
      written.add(listener)
      return () => written.delete(listener)
    }
  })
  const laptop: Laptop = {
    board,
    copy: copy.doc,
    sent,
    closeCopy: () => copy.destroy(),
    goOffline: () => (held = []),
    backOnline() {
      for (const text of held ?? []) deliver(text)
      held = null
    },
    destroy() {
      open = false
      copy.destroy()
      attached.detach()
    }
  }
  laptops.push(laptop)
  return laptop
}

/** Until every message in flight has arrived and nothing more is on its way. */
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 8; ) {
    const before = laptops.map((laptop) => laptop.sent.length).join()
    await new Promise((resolve) => setTimeout(resolve, 40))
    quiet = laptops.map((laptop) => laptop.sent.length).join() === before ? quiet + 1 : 0
  }
}

/** Every client id that wrote anything in `doc`. */
const writers = (doc: Y.Doc): number[] => [...doc.store.clients.keys()].sort()

function seedValue(doc: Y.Doc): string {
  const values = createValuesModel(doc)
  const { valueId } = values.intents.addValue('Listening')
  values.intents.setDefinition(valueId!, 'We listen.')
  values.destroy()
  return valueId!
}

const definitionOf = (doc: Y.Doc, valueId: string) => readValues(doc).find((value) => value.id === valueId)?.definition

describe('shared writing through the host (anonymous, live)', () => {
  it('keeps both people’s words when they type in one definition at once, and the board holds only the host’s writes', async () => {
    let valueId = ''
    const room = openRoom((doc) => (valueId = seedValue(doc)))
    const writersBefore = writers(room.doc)
    const ana = join(room, 'ana')
    const ben = join(room, 'ben')
    const anaValues = createValuesModel(ana.copy)
    const benValues = createValuesModel(ben.copy)

    anaValues.intents.setDefinition(valueId, 'We listen first.')
    benValues.intents.setDefinition(valueId, 'We all listen.')
    // Ben's patch is written while Ana's write still holds the host's window open: what his
    // screen shows never loses his words on the way (he hears his patch is written only after).
    const benSaw: string[] = []
    ben.copy.on('afterTransaction', () => benSaw.push(definitionOf(ben.copy, valueId) ?? ''))
    await settle()

    expect(benSaw.filter((shown) => !shown.includes('We all'))).toEqual([])
    for (const doc of [room.doc, ana.board, ana.copy, ben.board, ben.copy]) expect(definitionOf(doc, valueId)).toBe('We all listen first.')
    // Only the host (and the facilitator who seeded the board) ever wrote into the room's document.
    expect(writers(room.doc)).toEqual([...writersBefore, room.doc.clientID].sort())
    expect(writers(ana.board)).toEqual(writers(room.doc))
    anaValues.destroy()
    benValues.destroy()
  })

  it('shows each keystroke once while earlier ones are still on their way to the host', async () => {
    let valueId = ''
    const room = openRoom((doc) => (valueId = seedValue(doc)))
    const ana = join(room, 'ana')
    const ben = join(room, 'ben')
    const values = createValuesModel(ana.copy)
    let typed = 'We listen.'
    for (const key of ' Then we act.') {
      typed += key
      values.intents.setDefinition(valueId, typed)
      expect(definitionOf(ana.copy, valueId)).toBe(typed)
      // Some keystrokes meet the host's write of earlier ones.
      if (key === 'e' || key === 'a') await new Promise((resolve) => setTimeout(resolve, 7))
    }
    await settle()
    for (const doc of [room.doc, ana.copy, ben.copy]) expect(definitionOf(doc, valueId)).toBe('We listen. Then we act.')
    // Fewer patches than keystrokes: what was typed while one was on its way went in the next.
    expect(ana.sent.length).toBeLessThan(' Then we act.'.length)
    values.destroy()
  })

  it('takes a value someone adds, its lists from two people at once, and a value someone drops', async () => {
    let seeded = ''
    const room = openRoom((doc) => (seeded = seedValue(doc)))
    const ana = join(room, 'ana')
    const ben = join(room, 'ben')
    const anaValues = createValuesModel(ana.copy)
    const benValues = createValuesModel(ben.copy)

    const { valueId } = anaValues.intents.addValue('Courage')
    anaValues.intents.setDefinition(valueId!, 'We say it.')
    await settle()
    expect(readValues(ben.copy).map((value) => value.name)).toEqual(['Listening', 'Courage'])

    anaValues.intents.addBehaviour(valueId!, 'weDo', 'Speak up in meetings')
    benValues.intents.addBehaviour(valueId!, 'weDo', 'Admit mistakes')
    benValues.intents.dropValue(seeded)
    await settle()
    for (const doc of [room.doc, ana.copy, ben.copy]) {
      const values = readValues(doc)
      expect(values.map((value) => value.name)).toEqual(['Courage'])
      expect([...values[0]!.weDo].sort()).toEqual(['Admit mistakes', 'Speak up in meetings'])
      expect(values[0]!.definition).toBe('We say it.')
    }
    anaValues.destroy()
    benValues.destroy()
  })

  it('takes the program plan’s texts, lists and outcome rows', async () => {
    const room = openRoom((doc) => void seedProgramPlan(doc))
    const ana = join(room, 'ana')
    const ben = join(room, 'ben')
    const anaPlan = createProgramPlanModel(ana.copy)
    const benPlan = createProgramPlanModel(ben.copy)

    anaPlan.intents.setText('programName', 'Welcome week')
    benPlan.intents.addItem('activities', 'Buddy lunch')
    const { rowId } = anaPlan.intents.addOutcome()
    await settle()
    benPlan.intents.setOutcomeText(rowId!, 'metric', 'Time to first commit')
    await settle()

    // A patch carries only what changed: Ben's list, not the program's name he never touched.
    expect(ben.sent[0]).toEqual({ plan: { plan: { now: { activities: { list: ['Buddy lunch'] } }, base: { activities: { list: [] } } } } })
    for (const doc of [room.doc, ana.copy, ben.copy]) {
      const plan = createProgramPlanModel(doc).snapshots.getSnapshot()
      expect(plan.programName).toBe('Welcome week')
      expect(plan.activities).toEqual(['Buddy lunch'])
      expect(plan.outcomes.map((row) => row.metric)).toEqual(['Time to first commit'])
    }
    anaPlan.destroy()
    benPlan.destroy()
  })

  it('still sends what was typed just before the copy goes (anonymity switched, the screen closed)', async () => {
    let valueId = ''
    const room = openRoom((doc) => (valueId = seedValue(doc)))
    const ana = join(room, 'ana')
    const values = createValuesModel(ana.copy)
    values.intents.setDefinition(valueId, 'We listen first.')
    values.intents.setDefinition(valueId, 'We listen first, then act.')
    values.destroy()
    ana.closeCopy()
    await settle()
    expect(definitionOf(room.doc, valueId)).toBe('We listen first, then act.')
  })

  it('keeps sending what is typed while the host is out of reach, and merges it all when it is back', async () => {
    let valueId = ''
    const room = openRoom((doc) => (valueId = seedValue(doc)))
    const ana = join(room, 'ana')
    const ben = join(room, 'ben')
    const anaValues = createValuesModel(ana.copy)
    const benValues = createValuesModel(ben.copy)
    ana.goOffline()
    for (const text of ['We listen first.', 'We listen first, then act.', 'We listen first, then act together.']) {
      anaValues.intents.setDefinition(valueId, text)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    benValues.intents.setDefinition(valueId, 'Always: we listen.')
    await settle()
    // Each pause's words left in a patch of their own, each on the one before it.
    expect(ana.sent).toHaveLength(3)
    expect(definitionOf(room.doc, valueId)).toBe('Always: we listen.')
    ana.backOnline()
    await settle()
    for (const doc of [room.doc, ana.copy, ben.copy]) expect(definitionOf(doc, valueId)).toBe('Always: we listen first, then act together.')
    anaValues.destroy()
    benValues.destroy()
  })

  it('sends changes to more entries than one patch may carry in patches one after another', async () => {
    const room = openRoom(() => undefined)
    const ana = join(room, 'ana')
    // Out of reach, so no word from the host sets the rest going: they go by themselves.
    ana.goOffline()
    ana.copy.transact(() => {
      for (let v = 0; v < WRITING_LIMITS.entries + 6; v++) {
        ana.copy.getMap(DOC_KEYS.values).set(`value-${v}`, new Y.Map<unknown>([['name', `Value ${v}`]]))
      }
    })
    await settle()
    expect(ana.sent).toHaveLength(2)
    ana.backOnline()
    await settle()
    expect(room.doc.getMap(DOC_KEYS.values).size).toBe(WRITING_LIMITS.entries + 6)
  })
})

