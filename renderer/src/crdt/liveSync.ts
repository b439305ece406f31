/**
 * Puts a board document on a live session: peers find each other through the session's
 * signaling host and then sync directly over WebRTC, on the room's network only.
 *
 * - No public signaling or STUN server is ever named: the room may have no internet, and
 *   nothing is meant to leave it. Peers on one LAN connect through their host candidates.
 * - No y-webrtc password. Its encryption uses `crypto.subtle`, which browsers only offer
 *   to secure contexts, and participants open the session over plain http on the LAN (the
 *   provider's constructor throws there). Every peer must use the same setting, so none
 *   does. What the password would hide is the signaling, from the host, which here is the
 *   facilitator's own app; the host admits only ticket holders to the room's topic, and
 *   WebRTC data channels are encrypted (DTLS) whatever y-webrtc does.
 * - Peers talk to a wire copy of the board (wireDoc.ts), never to the board itself.
 * - What a peer sends, its own changes and those it relays for others, goes out merged when
 *   changes come fast (meshRelay.ts).
 */
import { Awareness } from 'y-protocols/awareness'
import { WebrtcProvider, type SignalingConn } from 'y-webrtc'
import type * as Y from 'yjs'
import { createListeners, type ExternalStore } from './externalStore'
import {
  PRESENCE_VERSION,
  presentPeople,
  readPresence,
  type Activity,
  type Presence,
  type PresenceColour,
  type PresenceRole,
  type PresentPerson
} from './presence'
import { CLOCK_INTERVAL_MS, createHostClockEstimate } from './hostClock'
import { coalesceUpdates } from './meshRelay'
import { createWireDoc } from './wireDoc'

export interface LiveSyncOptions {
  /** The y-webrtc room of the session. */
  room: string
  /** The session's signaling WebSocket, ticket included. */
  signalingUrl: string
  /** Shown to others; already cleaned (presence.ts). */
  name: string
  role: PresenceRole
  colour: PresenceColour
  /**
   * Asked while signaling does not answer: resolves true once the session is over for good
   * (rejects when that cannot be told). The connection then stops trying and reports `ended`.
   */
  sessionEnded?: () => Promise<boolean>
}

export interface ConnectionState {
  /** The browser believes it has a network. */
  online: boolean
  /** The session host's signaling answers. */
  signalingConnected: boolean
  /** Peers with an open WebRTC connection to this one. */
  peers: number
  /** Signaling has answered at least once: tells "Connecting…" from "Reconnecting…". */
  everConnected: boolean
  /** The session is over (`sessionEnded` said so): this connection has left the room for good. */
  ended: boolean
}

export interface LiveDocConnection {
  /** Everyone present, this peer first. */
  people: ExternalStore<readonly PresentPerson[]>
  connection: ExternalStore<ConnectionState>
  /** Publishes what this person is doing: the note they edit, their stage progress, the facilitator's focus. */
  share(activity: Partial<Activity>): void
  /** The host's clock (the facilitator's), as well as this screen can tell; its own clock until it can. */
  hostNow(): number
  /** Leaves the room and removes every listener this connection added. */
  destroy(): void
}

/** The page events and state the connection follows; tests pass their own. */
export interface LiveSyncPage {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
  readonly navigator: { readonly onLine: boolean }
}

/** How long signaling may stay silent before asking whether the session is over, and between asks. */
const SESSION_CHECK_MS = 2_000

/** What y-webrtc's signaling sockets and simple-peer's peers have in common. */
interface EventEmitterLike {
  on(event: string, listener: () => void): void
  off(event: string, listener: () => void): void
}

export function joinLiveDoc(doc: Y.Doc, options: LiveSyncOptions, page: LiveSyncPage = window): LiveDocConnection {
  const wire = createWireDoc(doc, (error) => console.warn('A change from another participant was refused:', error))
  const awareness = new Awareness(wire.doc)
  let presence: Presence = {
    v: PRESENCE_VERSION,
    name: options.name,
    role: options.role,
    colour: options.colour,
    editingNoteId: null,
    progress: null,
    focus: null
  }
  awareness.setLocalState(presence)

  const connectionListeners = createListeners()
  let state: ConnectionState = {
    online: page.navigator.onLine,
    signalingConnected: false,
    peers: 0,
    everConnected: false,
    ended: false
  }

  const peopleListeners = createListeners()
  let people: readonly PresentPerson[] = []
  const refreshPeople = () => {
    // Offline or ended, no one else can be seen; they are heard from again on reconnecting. (Their
    // states stay in awareness: removed, a peer's unchanged state would not be taken back.)
    const inRoom = state.online && !state.ended
    const states = inRoom ? awareness.getStates() : new Map([[awareness.clientID, awareness.getLocalState()]])
    people = presentPeople(states, awareness.clientID)
    peopleListeners.notify()
  }
  refreshPeople()
  awareness.on('change', refreshPeople)

  // The facilitator's machine is the host: its own clock is host time, and it tells everyone.
  const hostClock = createHostClockEstimate()
  const publishClock = () => {
    presence = { ...presence, clock: Date.now() }
    awareness.setLocalState(presence)
  }
  const clockTimer = options.role === 'facilitator' ? setInterval(publishClock, CLOCK_INTERVAL_MS) : undefined
  if (options.role === 'facilitator') publishClock()
  const sampleHostClock = ({ added, updated }: { added: number[]; updated: number[] }) => {
    const receivedAt = Date.now()
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const person = readPresence(clientId, awareness.getStates().get(clientId), awareness.clientID)
      if (person?.clock != null) hostClock.sample(person.clock, receivedAt)
    }
  }
  if (options.role === 'participant') awareness.on('change', sampleHostClock)

  const setState = (next: ConnectionState) => {
    if (
      next.online === state.online &&
      next.signalingConnected === state.signalingConnected &&
      next.peers === state.peers &&
      next.everConnected === state.everConnected &&
      next.ended === state.ended
    ) {
      return
    }
    const roomChanged = next.online !== state.online || next.ended !== state.ended
    state = next
    connectionListeners.notify()
    if (roomChanged) refreshPeople()
    followSignaling()
  }

  // An ended session and a host out of reach look the same from here: signaling stops
  // answering. While it does, ask now and then which it is, so that only a session that
  // ended stops trying; a dropped network keeps "Reconnecting…" and comes back by itself.
  const { sessionEnded } = options
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let asking = false
  const followSignaling = () => {
    if (!sessionEnded) return
    if (!state.online || state.signalingConnected || state.ended) {
      clearTimeout(checkTimer)
      checkTimer = undefined
    } else if (checkTimer === undefined && !asking) {
      checkTimer = setTimeout(() => askWhetherEnded(sessionEnded), SESSION_CHECK_MS)
    }
  }
  const askWhetherEnded = (ask: () => Promise<boolean>) => {
    checkTimer = undefined
    asking = true
    void ask()
      .catch(() => false)
      .then((ended) => {
        asking = false
        if (destroyed) return
        if (ended) endSession()
        else followSignaling()
      })
  }
  const endSession = () => {
    provider.disconnect()
    // Leaving the room cleared this peer's own presence, which still belongs on its own screen.
    awareness.setLocalState(presence)
    setState({ ...state, ended: true })
    refresh()
  }

  // y-webrtc allows one provider per room name in a page. It opens and frees the name a
  // promise after construction and destroy(), in call order, so a board that leaves and
  // joins again at once (React's StrictMode does) finds the name free.
  const provider = new WebrtcProvider(options.room, wire.doc, {
    signaling: [options.signalingUrl],
    awareness,
    peerOpts: { config: { iceServers: [] } }
  })
  const stopCoalescing = coalesceUpdates(provider)

  const refresh = () => {
    // Once disconnect() has run nothing counts: the old signaling socket was destroyed before
    // its close event (so it reports "connected" for good), and peers close only a moment later.
    const active = provider.shouldConnect
    const signalingConnected = active && (provider.signalingConns as SignalingConn[]).some((conn) => conn.connected)
    let peers = 0
    provider.room?.webrtcConns.forEach((conn) => {
      if (active && conn.connected) peers++
    })
    setState({ ...state, signalingConnected, peers, everConnected: state.everConnected || signalingConnected })
  }

  /** Every listener added to y-webrtc's sockets and peers, so destroy() can take each one back. */
  const detachers: Array<() => void> = []
  const watched = new WeakSet<object>()
  /** y-webrtc says when a peer is found or lost, not when its connection opens: listen to each one. */
  const watch = (emitter: EventEmitterLike, events: readonly string[]) => {
    if (watched.has(emitter)) return
    watched.add(emitter)
    for (const event of events) emitter.on(event, refresh)
    detachers.push(() => {
      for (const event of events) emitter.off(event, refresh)
    })
  }
  const watchConnections = () => {
    for (const conn of provider.signalingConns as SignalingConn[]) watch(conn, ['connect', 'disconnect'])
    // simple-peer's emitter; y-webrtc types it as any.
    provider.room?.webrtcConns.forEach((conn) => watch(conn.peer as EventEmitterLike, ['connect', 'close']))
    refresh()
  }
  provider.on('peers', watchConnections)
  provider.on('status', watchConnections)
  provider.on('synced', refresh)
  watchConnections()
  followSignaling()

  // Emulated and real "offline" both leave WebRTC and the WebSocket half-alive for a while;
  // leaving at once lets everyone see who is gone and makes coming back a clean rejoin.
  const onOffline = () => {
    provider.disconnect()
    // Leaving the room cleared this peer's own presence, which still belongs on its own screen.
    awareness.setLocalState(presence)
    setState({ ...state, online: false })
    refresh()
  }
  const onOnline = () => {
    setState({ ...state, online: true })
    if (state.ended) return
    // y-webrtc's connect() appends to this list without clearing it; the entries left from
    // before were destroyed by disconnect().
    provider.signalingConns = []
    provider.connect()
    watchConnections()
  }
  page.addEventListener('offline', onOffline)
  page.addEventListener('online', onOnline)
  if (!page.navigator.onLine) onOffline()

  let destroyed = false
  return {
    people: { subscribe: peopleListeners.add, getSnapshot: () => people },
    connection: { subscribe: connectionListeners.add, getSnapshot: () => state },
    share(activity) {
      const next = { ...presence, ...activity }
      if (destroyed || JSON.stringify(next) === JSON.stringify(presence)) return
      presence = next
      awareness.setLocalState(presence)
    },
    hostNow: () => Date.now() + hostClock.offset(),
    destroy() {
      if (destroyed) return
      destroyed = true
      page.removeEventListener('offline', onOffline)
      page.removeEventListener('online', onOnline)
      clearTimeout(checkTimer)
      awareness.off('change', refreshPeople)
      awareness.off('change', sampleHostClock)
      clearInterval(clockTimer)
      for (const detach of detachers.splice(0)) detach()
      provider.off('peers', watchConnections)
      provider.off('status', watchConnections)
      provider.off('synced', refresh)
      stopCoalescing()
      // destroy() alone would leave the signaling socket open.
      provider.disconnect()
      provider.destroy()
      awareness.destroy()
      wire.destroy()
    }
  }
}
