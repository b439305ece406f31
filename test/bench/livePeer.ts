/**
 * One participant's laptop for the live-sync benchmarks, in its own process (its own event
 * loop and CPU account, as a laptop has). Driven over IPC by liveHarness.ts.
 *
 * It runs the app's own code path: a board document with the app's BoardModel (intents,
 * snapshot store, undo), put on the session by the app's joinLiveDoc: presence, and the hub
 * provider's one link to the host, by WebRTC (@roamhq/wrtc standing in for the browser's) or
 * by the sealed WebSocket (LINK=websocket). Peer 0 is the facilitator's window: it joins with
 * the facilitator's ticket over loopback, by the WebSocket, as the app's window does.
 * With TRANSPORT=relay, the same board syncs through a plain y-websocket relay instead (a
 * yardstick: a relay that checks nothing and seals nothing).
 *
 * "On screen" here means: the board snapshot React would render (BoardSnapshotStore,
 * rebuilt once per event-loop turn after the document changed, as useSyncExternalStore
 * would) contains the note. React's render and the browser's paint are not included.
 *
 * Every time is process.hrtime (CLOCK_MONOTONIC), the one clock all processes on this
 * machine share, so the parent can subtract a sender's time from a receiver's.
 *
 * Environment: TRANSPORT (hub | relay), PEER_INDEX, LOCAL_ADDRESS (this "laptop"'s loopback
 * address), SEED=1 for the peer whose board has the columns (the facilitator's); for hub
 * SESSION_ORIGIN, JOIN_CODE and LINK (webrtc | websocket), and for the facilitator ROOM,
 * FACILITATOR_TICKET and HOST_KEY; for relay RELAY_URL and ROOM. LAPTOPS=k
 * (BENCH_LAPTOPS_PER_PROCESS) makes the process k participants' laptops, PEER_INDEX to
 * PEER_INDEX + k − 1, each with its own board and link, sharing the event loop and the loopback
 * address; every message names its laptop (`laptop`), and each reports 1/k of the process's CPU.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { BENCH_BOARD } from './benchBoard'
import { becomeLaptop, envOf, now, type LinkKind, type LiveDocConnection } from './laptop'
import { cpuMs } from './stats'
import { createBoardModel } from '../../renderer/src/crdt/boardModel'
import { PRESENCE_COLOURS, PRESENCE_VERSION, presentPeople } from '../../renderer/src/crdt/presence'
import { connectRelay, type RelayConnection } from './yRelay'

export type ToPeer =
  | { type: 'status'; seq: number }
  | { type: 'ping'; seq: number; sentAt: number }
  | { type: 'add'; seq: number; text: string }
  | { type: 'burst'; seq: number; count: number; prefix: string; total: number }
  | { type: 'stop' }

export interface PeerStatus {
  /** How this laptop is linked now: to the hub by WebRTC or the WebSocket, or to the relay; null while not. */
  via: LinkKind | 'relay' | null
  /** The hub (or the relay) has sent the whole board since the link opened. */
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

const env = envOf('livePeer')

const firstIndex = Number(env('PEER_INDEX'))
const laptopsHere = Math.max(1, Number(process.env.LAPTOPS ?? 1))
const localAddress = env('LOCAL_ADDRESS')
const transport = env('TRANSPORT')
const facilitator = process.env.SEED === '1'

const laptop = becomeLaptop(localAddress)

interface OpenLaptop {
  implementation: string
  handle(message: ToPeer): void
  destroy(): void
}

async function openLaptop(index: number): Promise<OpenLaptop> {
  const send = (message: FromPeer) => process.send!({ ...message, laptop: index })
  const doc = new Y.Doc()
  const template = BENCH_BOARD
  const model = createBoardModel(doc, facilitator ? template : undefined)
  const name = facilitator ? 'Facilitator' : `Peer ${index + 1}`
  const role = facilitator ? 'facilitator' : 'participant'
  const colour = PRESENCE_COLOURS[index % PRESENCE_COLOURS.length]!

  let live: LiveDocConnection | null = null
  let relay: { connection: RelayConnection; awareness: Awareness } | null = null
  let implementation: string

  if (transport === 'hub') {
    const person = { name, role, colour } as const
    if (facilitator) {
      const access = { origin: env('SESSION_ORIGIN'), room: env('ROOM'), ticket: env('FACILITATOR_TICKET'), hostKey: env('HOST_KEY') }
      live = await laptop.joinAsFacilitator(access, doc, person)
      implementation = 'hub (app joinLiveDoc); facilitator by the WebSocket'
    } else {
      const link = env('LINK') as LinkKind
      live = await laptop.joinSession(env('SESSION_ORIGIN'), env('JOIN_CODE'), doc, person, link)
      implementation = `hub (app joinLiveDoc) by ${link}`
    }
  } else {
    const awareness = new Awareness(doc)
    awareness.setLocalState({ v: PRESENCE_VERSION, name, role, colour, editingNoteId: null })
    const connection = await connectRelay(env('RELAY_URL'), env('ROOM'), doc, awareness, laptop.WebSocket as never)
    relay = { connection, awareness }
    implementation = connection.implementation
  }

  function status(): PeerStatus {
    const snapshot = model.snapshots.getSnapshot()
    const base = {
      columns: snapshot.columns.length,
      notes: Object.keys(snapshot.notes).length,
      cpuMs: cpuMs() / laptopsHere,
      at: now()
    }
    if (live) {
      const state = live.connection.getSnapshot()
      return { ...base, via: state.via, linked: state.synced, people: live.people.getSnapshot().length }
    }
    const { connection, awareness } = relay!
    return {
      ...base,
      via: connection.connected() ? 'relay' : null,
      linked: connection.synced(),
      people: presentPeople(awareness.getStates(), awareness.clientID).length
    }
  }

  // -------------------------------------------------------------- what is on screen

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

  // -------------------------------------------------------------- commands

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

  return {
    implementation,
    handle(message) {
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
      }
    },
    destroy() {
      live?.destroy()
      if (relay) {
        relay.connection.destroy()
        relay.awareness.destroy()
      }
      model.destroy()
      doc.destroy()
    }
  }
}

const laptops = new Map<number, OpenLaptop>()

process.on('message', (message: ToPeer & { laptop?: number }) => {
  if (message.type === 'stop') return stop()
  laptops.get(message.laptop ?? firstIndex)?.handle(message)
})

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  for (const open of laptops.values()) open.destroy()
  setTimeout(() => process.exit(0), 100).unref()
}
process.on('disconnect', stop)
// Never outlive a benchmark that lost track of this process.
setTimeout(() => process.exit(1), 10 * 60_000).unref()

// The laptops of one process join together, as a room's laptops do.
await Promise.all(
  Array.from({ length: laptopsHere }, async (_, k) => {
    const index = firstIndex + k
    const open = await openLaptop(index)
    laptops.set(index, open)
    process.send!({ type: 'joined', implementation: open.implementation, laptop: index })
  })
)
