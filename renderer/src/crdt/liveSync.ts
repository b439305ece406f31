/**
 * Puts a board document on a live session. The facilitator's host is the room's hub: this
 * laptop's one link goes to it (hubProvider.ts: WebRTC, or the sealed WebSocket where WebRTC
 * cannot open), on the room's network only. No public signaling or STUN server is ever
 * named: the room may have no internet, and nothing is meant to leave it.
 *
 * The host checks every change and every presence state before anyone else sees it, so this
 * side applies what the host sends straight to the board.
 */
import type { BoardChanges } from '../../../shared/boardPatch'
import { sameJson } from '../../../shared/canonicalJson'
import { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { createListeners, type ExternalStore } from './externalStore'
import {
  PRESENCE_VERSION,
  PRESENCE_COLOURS,
  presentPeople,
  readHostClock,
  readRoomProgress,
  type Activity,
  type Presence,
  type PresenceColour,
  type PresenceRole,
  type PresentPerson
} from './presence'
import { createHostClockEstimate } from './hostClock'
import { HubProvider, type HubAddress, type LinkVia } from './sync/hubProvider'
import type { RoomProgress } from '../../../shared/liveSession'
import type { Submission } from '../../../shared/roundSubmissions'
import type { Round } from '../../../shared/workshopMeta'

export interface LiveSyncOptions {
  /** Where the session's host is, and this person's ticket. */
  address: HubAddress
  /** Shown to others; already cleaned (presence.ts). */
  name: string
  role: PresenceRole
  colour: PresenceColour
  /**
   * Asked while the host does not answer: resolves true once the session is over for good
   * (rejects when that cannot be told). The connection then stops trying and reports `ended`.
   */
  sessionEnded?: () => Promise<boolean>
}

export interface ConnectionState {
  /** The browser believes it has a network. */
  online: boolean
  /** How this laptop is linked to the host now; null while it is not. */
  via: LinkVia | null
  /** The way it is trying to link, while it is not linked. */
  trying: LinkVia | null
  /** The host has sent the whole board since the link opened. */
  synced: boolean
  /** The host has answered at least once: tells "Connecting…" from "Reconnecting…". */
  everConnected: boolean
  /** Why the host refused this laptop, in words for the person; null otherwise. */
  refusal: string | null
  /** The session is over: this connection has left the room for good. */
  ended: boolean
}

export interface LiveDocConnection {
  /** Everyone present, this peer first. */
  people: ExternalStore<readonly PresentPerson[]>
  connection: ExternalStore<ConnectionState>
  /** How far the room is, counted by the host; null until it has said. */
  room: ExternalStore<RoomProgress | null>
  /** Publishes what this person is doing: the note they edit, their stage progress, the facilitator's focus. */
  share(activity: Partial<Activity>): void
  /** Anonymous mode: hands this person's part of a round to the host, which mixes it into the board. */
  submit(submission: Submission): void
  /** Anonymous mode: sends this person's change to the board (notes, clusters, shared writing) to the host, which writes it as its own; returns the patch's number. */
  patchBoard(changes: BoardChanges): number
  /** Calls `listener` with each patch number the host says it wrote; returns its disposer. */
  onPatchWritten(listener: (seq: number) => void): () => void
  /** This person leaves: their changes not yet sent (offline) are not kept on this device. */
  forgetUnsentChanges(): void
  /** The rounds whose part of this person's the host holds back until enough latecomers can go together. */
  heldBack: ExternalStore<readonly Round[]>
  /** The host's clock (the facilitator's), as well as this screen can tell; its own clock until it can. */
  hostNow(): number
  /** Leaves the room and removes every listener this connection added. */
  destroy(): void
}

/** The page events and state the connection follows; tests pass their own. */
export interface LiveSyncPage {
  addEventListener(type: 'online' | 'offline' | 'pagehide', listener: () => void): void
  removeEventListener(type: 'online' | 'offline' | 'pagehide', listener: () => void): void
  readonly navigator: { readonly onLine: boolean }
}

/** How long the host may stay out of reach before asking whether the session is over, and between asks. */
const SESSION_CHECK_MS = 2_000

export function joinLiveDoc(doc: Y.Doc, options: LiveSyncOptions, page: LiveSyncPage = window): LiveDocConnection {
  const awareness = new Awareness(doc)
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
  const provider = new HubProvider(doc, awareness, options.address)

  const connectionListeners = createListeners()
  let state: ConnectionState = {
    online: page.navigator.onLine,
    via: null,
    trying: null,
    synced: false,
    everConnected: false,
    refusal: null,
    ended: false
  }

  const peopleListeners = createListeners()
  let people: readonly PresentPerson[] = []
  const refreshPeople = () => {
    // Offline or ended, no one else can be seen; they are heard from again on reconnecting.
    const inRoom = state.online && !state.ended
    const states = inRoom ? awareness.getStates() : new Map([[awareness.clientID, awareness.getLocalState()]])
    people = presentPeople(states, awareness.clientID)
    peopleListeners.notify()
  }
  refreshPeople()
  awareness.on('change', refreshPeople)

  // The host's clock is the session's: its presence entry tells it every few seconds, with the room's progress.
  const hostClock = createHostClockEstimate()
  const roomListeners = createListeners()
  let room: RoomProgress | null = null
  const readHostEntry = ({ added, updated }: { added: number[]; updated: number[] }) => {
    const receivedAt = Date.now()
    for (const clientId of [...added, ...updated]) {
      const hostState = awareness.getStates().get(clientId)
      const clock = readHostClock(hostState)
      if (clock === null) continue
      hostClock.sample(clock, receivedAt)
      const progress = readRoomProgress(hostState)
      if (sameJson(progress, room)) continue
      room = progress
      roomListeners.notify()
    }
  }
  awareness.on('change', readHostEntry)

  const setState = (next: ConnectionState) => {
    if ((Object.keys(next) as Array<keyof ConnectionState>).every((key) => next[key] === state[key])) return
    const roomChanged = next.online !== state.online || next.ended !== state.ended
    state = next
    connectionListeners.notify()
    if (roomChanged) refreshPeople()
    followHost()
  }
  // The host gives each laptop its colour (the least used in the room): take it, so this person's
  // dot on their own screen is the one everyone else sees.
  const stopTakingColour = provider.onOwnPresenceFromHost(({ colour }) => {
    if (colour === presence.colour || !PRESENCE_COLOURS.includes(colour as PresenceColour)) return
    presence = { ...presence, colour: colour as PresenceColour }
    awareness.setLocalState(presence)
  })
  const heldBackListeners = createListeners()
  let heldBack: readonly Round[] = []
  const stopHearingHeldBack = provider.onHeldBack((rounds) => {
    heldBack = rounds
    heldBackListeners.notify()
  })
  const stopFollowingLink = provider.onChange((link) =>
    setState({ ...state, ...link, everConnected: state.everConnected || link.via !== null })
  )

  // An ended session and a host out of reach look the same from here: the host stops
  // answering. While it does, ask now and then which it is, so that only a session that
  // ended stops trying; a dropped network keeps "Reconnecting…" and comes back by itself.
  const { sessionEnded } = options
  let checkTimer: ReturnType<typeof setTimeout> | undefined
  let asking = false
  const followHost = () => {
    if (!sessionEnded) return
    if (!state.online || state.via !== null || state.ended) {
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
        if (ended) provider.end()
        else followHost()
      })
  }

  // Emulated and real "offline" both leave links half-alive for a while; leaving at once lets
  // everyone see who is gone and makes coming back a clean rejoin.
  const onOffline = () => {
    provider.disconnect()
    setState({ ...state, online: false })
  }
  const onOnline = () => {
    setState({ ...state, online: true })
    provider.connect()
  }
  // A tab that closes says so at once: the others would otherwise see it until its link times out,
  // and a person who opens the link again would be listed twice.
  const onPageHide = () => awareness.setLocalState(null)
  page.addEventListener('offline', onOffline)
  page.addEventListener('online', onOnline)
  page.addEventListener('pagehide', onPageHide)
  if (page.navigator.onLine) provider.connect()
  else onOffline()
  followHost()

  let destroyed = false
  return {
    people: { subscribe: peopleListeners.add, getSnapshot: () => people },
    connection: { subscribe: connectionListeners.add, getSnapshot: () => state },
    room: { subscribe: roomListeners.add, getSnapshot: () => room },
    submit: (submission) => provider.submit(submission),
    patchBoard: (changes) => provider.patchBoard(changes),
    onPatchWritten: (listener) => provider.onPatchWritten(listener),
    forgetUnsentChanges: () => provider.forgetUnsentChanges(),
    heldBack: { subscribe: heldBackListeners.add, getSnapshot: () => heldBack },
    share(activity) {
      const next = { ...presence, ...activity }
      if (destroyed || sameJson(next, presence)) return
      presence = next
      awareness.setLocalState(presence)
    },
    hostNow: () => Date.now() + hostClock.offset(),
    destroy() {
      if (destroyed) return
      destroyed = true
      page.removeEventListener('offline', onOffline)
      page.removeEventListener('online', onOnline)
      page.removeEventListener('pagehide', onPageHide)
      clearTimeout(checkTimer)
      awareness.off('change', refreshPeople)
      awareness.off('change', readHostEntry)
      stopFollowingLink()
      stopTakingColour()
      stopHearingHeldBack()
      provider.destroy()
      awareness.destroy()
    }
  }
}
