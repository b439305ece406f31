/**
 * A curious participant: a peer with a valid ticket that only listens. Over the real topology
 * (a real host on loopback: its hub, WebRTC through @roamhq/wrtc and the sealed WebSocket) it
 * records every message on its link with its arrival time, then tries to attribute each revealed
 * note, ballot, fist-of-five score and emotion rating to a person:
 *
 * - by writer: the Yjs client id an entry was written under, matched with presence ids;
 * - by grouping: entries that arrived together under one writer, their group sizes matched with
 *   the draft counts each person's presence showed during the brainstorm;
 * - by lateness: entries that arrive on their own, long after a round's results, just after
 *   someone's presence came back.
 *
 * Everyone else runs the app's own workshop model and live connection, doing what their screens
 * do. With anonymity off every attack must work (so this test can fail); in anonymous mode none
 * may attribute anything.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { SessionManager } from '../../../../../electron/host/sessionManager'
import { DOC_KEYS, NOTE_FIELDS } from '../../../../../shared/board'
import type { FacilitatorSession } from '../../../../../shared/contract'
import { HOST_PRESENCE_ROLE, type JoinAnswer } from '../../../../../shared/liveSession'
import { createReassembler, decodePresenceEntries, LINK_MESSAGE } from '../../../../../shared/sync/linkFrames'
import { TEMPLATES } from '../../../../../shared/templates'
import { FLOW_FIELDS } from '../../../../../shared/workshopMeta'
import { joinLiveDoc, type LiveDocConnection, type LiveSyncPage } from '../../../../../renderer/src/crdt/liveSync'
import { PRESENCE_COLOURS } from '../../../../../renderer/src/crdt/presence'
import { openWebrtcTransport } from '../../../../../renderer/src/crdt/sync/webrtcTransport'
import { createWorkshopModel, type WorkshopModel } from '../../../../../renderer/src/crdt/workshopModel'
import { boardStorage, loopbackSessions } from '../../../electron/loopbackSessions'

const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc')
const WORKSHOP = 'workshop-curious'

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A page whose network can be switched off and on, as a laptop's lid or Wi-Fi would. */
function switchablePage(): LiveSyncPage & { go(event: 'online' | 'offline'): void } {
  const listeners = new Map<string, Set<() => void>>()
  const navigator = { onLine: true }
  return {
    navigator,
    addEventListener: (type, listener) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    go(event) {
      navigator.onLine = event === 'online'
      for (const listener of listeners.get(event) ?? []) listener()
    }
  }
}

/** One person's laptop: the app's workshop model and live connection, and what their screen does with them. */
interface Person {
  name: string
  doc: Y.Doc
  model: WorkshopModel
  live: LiveDocConnection
  page: ReturnType<typeof switchablePage>
  noteIds: string[]
  vote: Record<string, number>
  scores: Record<string, number>
  ratings: Record<string, number>
}

/** What CoreValuesWorkshop, JourneyWorkshop and useWorkshopRoom do when the facilitator's flow changes. */
function actLikeTheScreen(model: WorkshopModel, live: LiveDocConnection, firstColumn: string): () => void {
  const act = () => {
    const flow = model.flow.getSnapshot()
    const handIn = flow.anonymous ? live.submit : null
    const drafts = model.privateNotes.getSnapshot().drafts.length
    if (flow.revealed) model.revealMine(firstColumn, handIn)
    if (flow.votingClosed) model.publishBallot('votes', handIn)
    if (flow.consensusClosed) model.publishBallot('consensus', handIn)
    if (flow.emotionsClosed) model.publishEmotions(handIn)
    live.share({ progress: flow.revealed ? null : { stage: 'brainstorm', notes: drafts, done: false } })
  }
  const stops = [model.flow.subscribe(act), model.privateNotes.subscribe(act)]
  act()
  return () => stops.forEach((stop) => stop())
}

/** What the listener heard: every entry written into a round's map, and presence over time. */
interface Heard {
  entries: Array<{ map: string; key: string; writer: number; message: number; at: number }>
  /** Writers of every other change (a note recoloured, moved or edited on the board, a cluster named). */
  edits: Array<{ writer: number; at: number }>
  /** Presence client id → name, and each person's last draft count before the reveal. */
  names: Map<number, string>
  /** Presence client id → role, everyone's (the host's and the facilitator's too). */
  everyone: Map<number, unknown>
  drafts: Map<string, number>
  /** When each name's presence (re)appeared. */
  arrivals: Array<{ name: string; at: number }>
}

const ROUND_MAPS = [DOC_KEYS.notes, DOC_KEYS.votes, DOC_KEYS.consensus, DOC_KEYS.emotions] as string[]

function listen(frames: Uint8Array[], times: number[]): Heard {
  const heard: Heard = { entries: [], edits: [], names: new Map(), everyone: new Map(), drafts: new Map(), arrivals: [] }
  const reassembler = createReassembler(256 * 1024 * 1024)
  const present = new Set<number>()
  frames.forEach((frame, index) => {
    const whole = reassembler.push(frame)
    if (!whole) return
    const decoder = decoding.createDecoder(whole)
    const type = decoding.readVarUint(decoder)
    if (type === LINK_MESSAGE.sync) {
      const syncType = decoding.readVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) return
      for (const struct of Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs) {
        if (!(struct instanceof Y.Item)) continue
        // A change to an existing entry names only its neighbour, not its map or field.
        if (typeof struct.parent !== 'string' || !struct.parentSub || !ROUND_MAPS.includes(struct.parent)) {
          heard.edits.push({ writer: struct.id.client, at: times[index]! })
          continue
        }
        heard.entries.push({ map: struct.parent, key: struct.parentSub, writer: struct.id.client, message: index, at: times[index]! })
      }
    } else if (type === LINK_MESSAGE.awareness) {
      for (const { clientId, json } of decodePresenceEntries(decoding.readVarUint8Array(decoder))) {
        const state = JSON.parse(json) as Record<string, unknown> | null
        if (!state) {
          present.delete(clientId)
          continue
        }
        heard.everyone.set(clientId, state.role)
        // The facilitator's own changes (the stage, the rounds) are theirs by role, not contributions.
        if (typeof state.name !== 'string' || state.role === 'facilitator') continue
        heard.names.set(clientId, state.name)
        if (!present.has(clientId)) heard.arrivals.push({ name: state.name, at: times[index]! })
        present.add(clientId)
        const progress = state.progress as { stage?: string; notes?: number } | undefined
        if (progress?.stage === 'brainstorm' && typeof progress.notes === 'number') heard.drafts.set(state.name, progress.notes)
      }
    }
  })
  return heard
}

type Attribution = { map: string; key: string; name: string }

/** Attack 1: the writer's client id is someone's presence id. */
function byWriter(heard: Heard): Attribution[] {
  return heard.entries.flatMap((entry) => {
    const name = heard.names.get(entry.writer)
    return name ? [{ map: entry.map, key: entry.key, name }] : []
  })
}

/** Attack 2: notes that came together under one writer, matched by count with someone's drafts. */
function byGrouping(heard: Heard): Attribution[] {
  const groups = new Map<string, string[]>()
  for (const entry of heard.entries) {
    if (entry.map !== DOC_KEYS.notes) continue
    const group = `${entry.message}/${entry.writer}`
    groups.set(group, [...(groups.get(group) ?? []), entry.key])
  }
  const attributions: Attribution[] = []
  for (const keys of groups.values()) {
    const matching = [...heard.drafts].filter(([, drafts]) => drafts === keys.length)
    const sameSize = [...groups.values()].filter((other) => other.length === keys.length)
    if (matching.length === 1 && sameSize.length === 1) {
      for (const key of keys) attributions.push({ map: DOC_KEYS.notes, key, name: matching[0]![0] })
    }
  }
  return attributions
}

/** Attack 4: an edit on the board (a note recoloured) written under someone's presence id. */
function byEditWriter(heard: Heard): string[] {
  return [...new Set(heard.edits.flatMap((edit) => heard.names.get(edit.writer) ?? []))]
}

/** Attack 3: a ballot or rating that arrives alone, well after the rest, as someone comes back. */
function byLateness(heard: Heard): Attribution[] {
  const ballots = heard.entries.filter((entry) => entry.map !== DOC_KEYS.notes)
  if (ballots.length === 0) return []
  const firstRelease = Math.min(...ballots.map((entry) => entry.at))
  const attributions: Attribution[] = []
  for (const entry of ballots) {
    if (entry.at - firstRelease < 1_500) continue
    const returned = heard.arrivals.filter((arrival) => arrival.at > firstRelease && Math.abs(entry.at - arrival.at) < 3_000)
    if (returned.length === 1) attributions.push({ map: entry.map, key: entry.key, name: returned[0]!.name })
  }
  return attributions
}

describe('a curious participant who only listens', () => {
  let dir: string
  let sessions: SessionManager
  let live: FacilitatorSession
  const cleanups: Array<() => void> = []
  const originalWebSocket = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket')
  const origin = () => `http://127.0.0.1:${live.port}`

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'curious-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    Object.defineProperty(globalThis, 'WebSocket', { value: WebSocket, configurable: true, writable: true })
    sessions = loopbackSessions(dir)
    live = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await sessions.close()
    if (originalWebSocket) Object.defineProperty(globalThis, 'WebSocket', originalWebSocket)
    else delete (globalThis as Record<string, unknown>).WebSocket
    await rm(dir, { recursive: true, force: true })
  })

  const ticket = async () => {
    const answer = (await (await fetch(`${origin()}/join/check?code=${live.code}`)).json()) as JoinAnswer
    if (!answer.ok) throw new Error(answer.error)
    return answer
  }

  /** A whole workshop's private rounds, with the listener on its own link; returns what it heard and the truth. */
  async function runWorkshop(anonymous: boolean) {
    const facilitatorBoard = new Y.Doc()
    const facilitatorModel = createWorkshopModel(facilitatorBoard, {
      template: TEMPLATES['core-values'],
      hostNow: Date.now,
      privateDoc: new Y.Doc()
    })
    facilitatorBoard.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.anonymous, anonymous)
    const firstColumn = [...facilitatorBoard.getMap(DOC_KEYS.columns).keys()][0]!
    const facilitator = joinLiveDoc(facilitatorBoard, {
      address: { origin: origin(), room: live.room, ticket: live.ticket, hostKey: live.hostKey, preferWebSocket: true },
      name: 'Facilitator',
      role: 'facilitator',
      colour: PRESENCE_COLOURS[0]
    }, switchablePage())
    cleanups.push(actLikeTheScreen(facilitatorModel, facilitator, firstColumn), () => facilitator.destroy(), () => facilitatorModel.destroy())
    await until(() => facilitator.connection.getSnapshot().synced, 'the facilitator to link')

    // The listener: a raw WebRTC link that records every frame and sends nothing of its own.
    const frames: Uint8Array[] = []
    const times: number[] = []
    const listenerTicket = await ticket()
    let opened = false
    const listenerLink = openWebrtcTransport(
      { signalingUrl: `${origin().replace('http', 'ws')}/signal?ticket=${listenerTicket.ticket}`, room: listenerTicket.room, wrtc },
      {
        open: () => (opened = true),
        frame: (frame) => {
          frames.push(frame)
          times.push(Date.now())
        },
        closed: () => undefined
      }
    )
    cleanups.push(() => listenerLink.close())
    await until(() => opened, 'the listener to link')

    const plans: Array<Pick<Person, 'name' | 'vote' | 'scores' | 'ratings'> & { notes: number }> = [
      { name: 'Ana', notes: 1, vote: { a: 1 }, scores: { honesty: 5 }, ratings: { onboard: 2 } },
      { name: 'Ben', notes: 2, vote: { b: 2 }, scores: { honesty: 4, courage: 1 }, ratings: { onboard: -1 } },
      { name: 'Cleo', notes: 3, vote: { a: 1, b: 1 }, scores: { honesty: 2 }, ratings: { onboard: 0, exit: -2 } },
      { name: 'Dora', notes: 4, vote: { c: 3 }, scores: { honesty: 0, courage: 5 }, ratings: { onboard: 1 } }
    ]
    const people: Person[] = []
    for (const [index, plan] of plans.entries()) {
      const answer = await ticket()
      const doc = new Y.Doc()
      const model = createWorkshopModel(doc, { template: undefined, hostNow: Date.now, privateDoc: new Y.Doc() })
      const page = switchablePage()
      const connection = joinLiveDoc(doc, {
        address: { origin: origin(), room: answer.room, ticket: answer.ticket, hostKey: answer.hostKey, wrtc, preferWebSocket: index % 2 === 1 },
        name: plan.name,
        role: 'participant',
        colour: PRESENCE_COLOURS[index + 1]!
      }, page)
      // As the participant's screen does: in anonymous mode, notes and clusters change through the host.
      model.patchBoardThrough(connection)
      cleanups.push(() => connection.destroy(), () => model.destroy())
      await until(() => connection.connection.getSnapshot().synced && doc.getMap(DOC_KEYS.columns).size > 0, `${plan.name} to link`)
      const noteIds = Array.from({ length: plan.notes }, (_, i) => model.privateNotes.addDraft(`${plan.name}'s idea ${i + 1}`).id!)
      for (const [option, mark] of Object.entries(plan.vote)) model.ballots.votes.setMark(option, mark)
      for (const [option, mark] of Object.entries(plan.scores)) model.ballots.consensus.setMark(option, mark)
      for (const [stage, rating] of Object.entries(plan.ratings)) model.emotions.rate(stage, rating)
      cleanups.push(actLikeTheScreen(model, connection, firstColumn))
      people.push({ name: plan.name, vote: plan.vote, scores: plan.scores, ratings: plan.ratings, doc, model, live: connection, page, noteIds })
    }
    const allNotes = people.reduce((sum, person) => sum + person.noteIds.length, 0)
    await wait(500)

    const set = (field: string) => facilitatorBoard.getMap(DOC_KEYS.meta).set(field, true)
    set(FLOW_FIELDS.revealed)
    await until(() => facilitatorBoard.getMap(DOC_KEYS.notes).size === allNotes, 'every note on the board')
    // Everyone recolours one of their notes on the board, as people do while clustering.
    const colourOf = (noteId: string) => (facilitatorBoard.getMap(DOC_KEYS.notes).get(noteId) as Y.Map<unknown>).get(NOTE_FIELDS.colour)
    for (const person of people) person.model.editing.getSnapshot().board.intents.recolourNote(person.noteIds[0]!, 'blue')
    await until(() => people.every((person) => colourOf(person.noteIds[0]!) === 'blue'), 'every recoloured note on the board')

    // Dora's laptop drops off before the rounds close, and comes back after their results.
    const dora = people.at(-1)!
    dora.page.go('offline')
    await wait(300)
    facilitatorBoard.transact(() => {
      set(FLOW_FIELDS.votingClosed)
      set(FLOW_FIELDS.consensusClosed)
      set(FLOW_FIELDS.emotionsClosed)
    })
    await until(() => facilitatorBoard.getMap(DOC_KEYS.votes).size === 3, 'the three ballots on the board')
    await wait(2_500)
    dora.page.go('online')
    await until(() => dora.live.connection.getSnapshot().synced, 'Dora to link again')
    await wait(3_000)
    return { heard: listen(frames, times), people, board: facilitatorBoard }
  }

  /** Whether an attribution is right: the named person really wrote that entry. */
  function isRight(attribution: Attribution, people: Person[], board: Y.Doc): boolean {
    const person = people.find((each) => each.name === attribution.name)!
    const entry = board.getMap(attribution.map).get(attribution.key) as unknown
    if (attribution.map === DOC_KEYS.notes) return person.noteIds.includes(attribution.key)
    const value = entry as { marks?: Record<string, number>; stageId?: string; rating?: number }
    if (attribution.map === DOC_KEYS.emotions) return person.ratings[value.stageId!] === value.rating
    const own = attribution.map === DOC_KEYS.votes ? person.vote : person.scores
    return Object.entries(value.marks ?? {}).every(([option, mark]) => own[option] === mark)
  }

  it('with anonymity off, tells who wrote what by writer, grouping and lateness (so the attacks work)', async () => {
    const { heard, people, board } = await runWorkshop(false)
    for (const attack of [byWriter, byGrouping, byLateness]) {
      const attributions = attack(heard)
      expect(attributions.length, attack.name).toBeGreaterThan(0)
      expect(attributions.every((attribution) => isRight(attribution, people, board)), attack.name).toBe(true)
    }
    expect(byLateness(heard).map((attribution) => attribution.name)).toContain('Dora')
    expect(byEditWriter(heard).sort()).toEqual(people.map((person) => person.name).sort())
  }, 90_000)

  it('in anonymous mode, attributes nothing: every entry is the host’s, released mixed, and the latecomer is held back', async () => {
    const { heard, board } = await runWorkshop(true)
    expect(heard.entries.filter((entry) => entry.map === DOC_KEYS.notes)).toHaveLength(10)
    for (const attack of [byWriter, byGrouping, byLateness]) expect(attack(heard), attack.name).toEqual([])
    // Edits on the board are the host's writes (the facilitator's own, of the stage and rounds, are theirs).
    expect(heard.edits.length).toBeGreaterThan(0)
    expect(byEditWriter(heard)).toEqual([])
    const facilitatorId = [...heard.everyone].find(([, role]) => role === 'facilitator')?.[0]
    const hostId = [...heard.everyone].find(([, role]) => role === HOST_PRESENCE_ROLE)?.[0]
    expect(new Set(heard.edits.map((edit) => edit.writer))).toEqual(new Set([hostId, facilitatorId]))
    // Dora's ballot waits for two more latecomers: it is in no one's board.
    expect(board.getMap(DOC_KEYS.votes).size).toBe(3)
  }, 90_000)
})
