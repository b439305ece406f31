/**
 * One participant's laptop for the live-sync benchmarks, in its own process (y-webrtc allows
 * one provider per room per process, and within one process lib0's BroadcastChannel would
 * carry updates without WebRTC). Driven over IPC by liveHarness.ts.
 *
 * It runs the app's own code path: a board document with the app's BoardModel (intents,
 * snapshot store, undo), put on the session by the app's joinLiveDoc (wire copy, presence,
 * y-webrtc with no STUN and no password). In Node, @roamhq/wrtc stands in for the browser's
 * WebRTC through the same globals a browser has, and `ws` for its WebSocket.
 * With TRANSPORT=relay, the same board and wire copy sync through a y-websocket relay instead.
 *
 * "On screen" here means: the board snapshot React would render (BoardSnapshotStore,
 * rebuilt once per event-loop turn after the document changed, as useSyncExternalStore
 * would) contains the note. React's render and the browser's paint are not included.
 *
 * Every time is process.hrtime (CLOCK_MONOTONIC), the one clock all processes on this
 * machine share, so the parent can subtract a sender's time from a receiver's.
 *
 * Environment: TRANSPORT (webrtc | relay), PEER_INDEX, LOCAL_ADDRESS (this "laptop"'s
 * loopback address), SEED=1 for the peer whose board has the columns (the facilitator's);
 * for webrtc SESSION_ORIGIN and JOIN_CODE; for relay RELAY_URL and ROOM.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { BENCH_BOARD } from './benchBoard'
import { becomeLaptop, envOf, now } from './laptop'
import { createBoardModel } from '../../renderer/src/crdt/boardModel'
import { PRESENCE_COLOURS, PRESENCE_VERSION, presentPeople } from '../../renderer/src/crdt/presence'
import { createWireDoc } from '../../renderer/src/crdt/wireDoc'
import { connectRelay, type RelayConnection } from './yRelay'

export type ToPeer =
  | { type: 'status'; seq: number }
  | { type: 'ping'; seq: number; sentAt: number }
  | { type: 'add'; seq: number; text: string }
  | { type: 'burst'; seq: number; count: number; prefix: string; total: number }
  | { type: 'stop' }

export interface PeerStatus {
  /** webrtc: peers with an open WebRTC connection; relay: 1 while the relay's socket is open. */
  peers: number
  /** webrtc: the session's signaling answers; relay: sync step 2 has arrived. */
  linked: boolean
  columns: number
  notes: number
  people: number
  /** process.cpuUsage(), user + system, in ms. */
  cpuMs: number
  at: number
}

export type FromPeer =
  | { type: 'joined'; implementation: string }
  | { type: 'seen'; ids: string[]; at: number }
  | { type: 'reply'; seq: number; status: PeerStatus }
  | { type: 'reply'; seq: number; receivedAt: number }
  | { type: 'reply'; seq: number; noteId: string | null; startedAt: number }
  | { type: 'reply'; seq: number; startedAt: number; ownDoneAt: number; doneAt: number }

/** Notes whose arrival is reported one by one; burst notes are only counted. */
export const EDIT_PREFIX = 'Edit '
export const BURST_SEPARATOR = ' | '

/** What this script uses of renderer/src/crdt/liveSync.ts. */
interface LiveDocConnection {
  people: { getSnapshot(): readonly unknown[] }
  connection: { getSnapshot(): { peers: number; signalingConnected: boolean } }
  destroy(): void
}

const env = envOf('livePeer')
const send = (message: FromPeer) => process.send!(message)

const index = Number(env('PEER_INDEX'))
const localAddress = env('LOCAL_ADDRESS')
const transport = env('TRANSPORT')

const laptop = becomeLaptop(localAddress)

const doc = new Y.Doc()
const template = BENCH_BOARD
const model = createBoardModel(doc, process.env.SEED === '1' ? template : undefined)
const name = `Peer ${index + 1}`
const colour = PRESENCE_COLOURS[index % PRESENCE_COLOURS.length]!

let live: LiveDocConnection | null = null
let relay: { connection: RelayConnection; awareness: Awareness; destroyWire(): void } | null = null
let implementation: string

if (transport === 'webrtc') {
  live = await laptop.joinSession<LiveDocConnection>(env('SESSION_ORIGIN'), env('JOIN_CODE'), doc, {
    name,
    role: index === 0 ? 'facilitator' : 'participant',
    colour
  })
  implementation = 'y-webrtc (app joinLiveDoc)'
} else {
  const wire = createWireDoc(doc)
  const awareness = new Awareness(wire.doc)
  awareness.setLocalState({ v: PRESENCE_VERSION, name, role: index === 0 ? 'facilitator' : 'participant', colour, editingNoteId: null })
  const connection = await connectRelay(env('RELAY_URL'), env('ROOM'), wire.doc, awareness, laptop.WebSocket as never)
  relay = {
    connection,
    awareness,
    destroyWire() {
      awareness.destroy()
      wire.destroy()
    }
  }
  implementation = connection.implementation
}

function status(): PeerStatus {
  const snapshot = model.snapshots.getSnapshot()
  const cpu = process.cpuUsage()
  const base = {
    columns: snapshot.columns.length,
    notes: Object.keys(snapshot.notes).length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    at: now()
  }
  if (live) {
    const state = live.connection.getSnapshot()
    return { ...base, peers: state.peers, linked: state.signalingConnected, people: live.people.getSnapshot().length }
  }
  const { connection, awareness } = relay!
  return {
    ...base,
    peers: connection.connected() ? 1 : 0,
    linked: connection.synced(),
    people: presentPeople(awareness.getStates(), awareness.clientID).length
  }
}

// ---------------------------------------------------------------- what is on screen

const known = new Set<string>()
const mine = new Set<string>()
const burstCounts = new Map<string, number>()
let burst: { seq: number; prefix: string; total: number; startedAt: number; ownDoneAt: number } | null = null
let checkScheduled = false

function check(): void {
  checkScheduled = false
  const snapshot = model.snapshots.getSnapshot()
  const at = now()
  const fresh: string[] = []
  for (const id in snapshot.notes) {
    if (known.has(id)) continue
    known.add(id)
    const text = snapshot.notes[id]!.text
    if (text.startsWith(EDIT_PREFIX)) {
      if (!mine.has(id)) fresh.push(id)
    } else {
      const key = text.split(BURST_SEPARATOR)[0]!
      burstCounts.set(key, (burstCounts.get(key) ?? 0) + 1)
    }
  }
  if (fresh.length) send({ type: 'seen', ids: fresh, at })
  if (burst && (burstCounts.get(burst.prefix) ?? 0) >= burst.total) {
    const { seq, startedAt, ownDoneAt } = burst
    burst = null
    send({ type: 'reply', seq, startedAt, ownDoneAt, doneAt: at })
  }
}
const scheduleCheck = () => {
  if (checkScheduled) return
  checkScheduled = true
  setImmediate(check)
}
model.snapshots.subscribe(scheduleCheck)

// ---------------------------------------------------------------- commands

const columnIds = () => model.snapshots.getSnapshot().columns.map((column) => column.id)

/**
 * As fast as a person's clicks can come: each note is its own task, as each click or Enter
 * is in a page, so nothing can batch a burst's notes into one transaction or one message.
 */
async function addBurst(message: Extract<ToPeer, { type: 'burst' }>): Promise<void> {
  const columns = columnIds()
  const startedAt = now()
  for (let i = 0; i < message.count; i++) {
    const { noteId } = model.intents.addNote(columns[i % columns.length]!, `${message.prefix}${BURST_SEPARATOR}${index}-${i}`)
    if (noteId) mine.add(noteId)
    await new Promise((resolve) => setImmediate(resolve))
  }
  burst = { seq: message.seq, prefix: message.prefix, total: message.total, startedAt, ownDoneAt: now() }
  scheduleCheck()
}

process.on('message', (message: ToPeer) => {
  switch (message.type) {
    case 'status':
      send({ type: 'reply', seq: message.seq, status: status() })
      break
    case 'ping':
      send({ type: 'reply', seq: message.seq, receivedAt: now() })
      break
    case 'add': {
      const startedAt = now()
      const { noteId } = model.intents.addNote(columnIds()[0]!, message.text)
      if (noteId) mine.add(noteId)
      send({ type: 'reply', seq: message.seq, noteId, startedAt })
      break
    }
    case 'burst':
      void addBurst(message)
      break
    case 'stop':
      stop()
      break
  }
})

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  live?.destroy()
  if (relay) {
    relay.connection.destroy()
    relay.destroyWire()
  }
  model.destroy()
  doc.destroy()
  setTimeout(() => process.exit(0), 100).unref()
}
process.on('disconnect', stop)
// Never outlive a benchmark that lost track of this process.
setTimeout(() => process.exit(1), 10 * 60_000).unref()

send({ type: 'joined', implementation })
