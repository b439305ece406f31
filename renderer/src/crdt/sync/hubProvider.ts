/**
 * A laptop's connection to the room: the host's hub is its only peer. It speaks y-webrtc's
 * messages (y-protocols sync and awareness, fragmented where big: shared/sync/linkFrames.ts)
 * over a WebRTC data channel to the host, or, where that does not open within
 * WEBRTC_WAIT_MS, over the sealed WebSocket on the session's port. A lost link is tried
 * again, with a growing pause; a link the host refused says why.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { encodeBoardPatch, type BoardChanges, type BoardPatch } from '../../../../shared/boardPatch'
import { encodeSubmission, type Submission } from '../../../../shared/roundSubmissions'
import { createReassembler, decodePresenceEntries, LINK_MESSAGE, linkMessage, toFrames } from '../../../../shared/sync/linkFrames'
import { ROUNDS, type Round } from '../../../../shared/workshopMeta'
import { newId } from '../ids'
import { openSocketTransport } from './socketTransport'
import { createUnsentPatches, type UnsentPatches } from './unsentPatches'
import type { LinkClosed, Transport, TransportEvents } from './transport'
import { openWebrtcTransport } from './webrtcTransport'

/** The origin of every change that came from the room. Undo never tracks it. */
export const REMOTE_ORIGIN = 'remote'

/**
 * How long a WebRTC link may take to open before the WebSocket is used instead, counted again
 * from the host's offer: a busy host answers late, and that is no reason to give up on WebRTC.
 */
export const WEBRTC_WAIT_MS = 4_000
/** The host's messages are at most this big (a whole board to a latecomer). */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000]

export type LinkVia = 'webrtc' | 'websocket'

export interface HubAddress {
  /** The session's origin, http://host:port. */
  origin: string
  room: string
  ticket: string
  /** The host's public key, encoded (shared/sync/sealedChannel.ts). */
  hostKey: string
  /** @roamhq/wrtc in Node; the browser's own WebRTC otherwise. */
  wrtc?: unknown
  /** Link by the WebSocket from the start (and on every retry), never trying WebRTC. */
  preferWebSocket?: boolean
}

export interface HubLinkState {
  /** How this laptop is linked to the host now; null while it is not. */
  via: LinkVia | null
  /** Trying to link, and how. */
  trying: LinkVia | null
  /** The host has sent the whole board since the link opened. */
  synced: boolean
  /** Why the host refused the last link, in words for the person; null otherwise. */
  refusal: string | null
  /** The host said the session is over. */
  ended: boolean
}

/** A host message's JSON text, read; undefined for text that is not JSON (a newer or faulty host). */
function readJson(decoder: decoding.Decoder): unknown {
  try {
    return JSON.parse(decoding.readVarString(decoder)) as unknown
  } catch {
    return undefined
  }
}

const patchMessage = (patch: BoardPatch) =>
  linkMessage(LINK_MESSAGE.boardPatch, (encoder) => encoding.writeVarString(encoder, encodeBoardPatch(patch)))

export class HubProvider {
  private state: HubLinkState = { via: null, trying: null, synced: false, refusal: null, ended: false }
  private transport: Transport | null = null
  private webrtcTimer: ReturnType<typeof setTimeout> | undefined
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private failures = 0
  /** WebRTC did not open here once, or is not wanted: the WebSocket goes first from then on. */
  private webrtcFailed: boolean
  private shouldConnect = false
  private readonly listeners = new Set<(state: HubLinkState) => void>()
  private readonly ownPresenceListeners = new Set<(state: Record<string, unknown>) => void>()
  /** This laptop's latest part of each round, handed in again on every new link (the host keeps one per person). */
  private readonly submissions = new Map<Round, Uint8Array>()
  /** Board patches the host has not yet said it wrote: re-sent, in order, on every new link, kept across reloads. */
  private readonly unsentPatches: UnsentPatches
  /** This page's stream of board patches (shared/boardPatch.ts), and the last number given. */
  private readonly patchStream = newId()
  private patchSeq = 0
  private readonly patchWrittenListeners = new Set<(seq: number) => void>()
  private readonly heldBackListeners = new Set<(rounds: Round[]) => void>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly address: HubAddress
  ) {
    this.webrtcFailed = address.preferWebSocket === true
    this.unsentPatches = createUnsentPatches(address.room, typeof localStorage === 'undefined' ? null : localStorage)
    doc.on('update', this.onDocUpdate)
    awareness.on('update', this.onPresenceUpdate)
  }

  /** Calls `listener` on every change of the link's state; returns its disposer. */
  onChange(listener: (state: HubLinkState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  connect(): void {
    if (this.shouldConnect || this.state.ended) return
    this.shouldConnect = true
    this.open(this.firstWay())
  }

  /**
   * Leaves the room. Others' presence stays in awareness (a state removed here would not be taken
   * back when its owner's clock has not moved); the screen hides it while out of the room, and
   * awareness drops anyone not heard from again within its timeout.
   */
  disconnect(): void {
    this.shouldConnect = false
    clearTimeout(this.retryTimer)
    this.drop()
    this.set({ via: null, trying: null, synced: false })
  }

  /** Stops for good: the session is over. */
  end(): void {
    this.unsentPatches.forget()
    this.disconnect()
    this.set({ ended: true })
  }

  destroy(): void {
    this.disconnect()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onPresenceUpdate)
    this.listeners.clear()
    this.ownPresenceListeners.clear()
    this.heldBackListeners.clear()
    this.patchWrittenListeners.clear()
  }

  /** How a new link is tried first. */
  private firstWay(): LinkVia {
    return this.webrtcFailed ? 'websocket' : 'webrtc'
  }

  private set(change: Partial<HubLinkState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener(this.state)
  }

  private open(via: LinkVia): void {
    this.drop()
    const reassembler = createReassembler(MAX_MESSAGE_BYTES)
    let current: Transport | null = null
    const events: TransportEvents = {
      open: () => {
        if (this.transport !== current) return
        clearTimeout(this.webrtcTimer)
        this.failures = 0
        this.set({ via, trying: null, refusal: null })
        this.send(linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)))
        // Said again on every new link: the host forgot this presence when the last link closed.
        const presence = this.awareness.getLocalState()
        if (presence !== null) this.awareness.setLocalState(presence)
        for (const submission of this.submissions.values()) this.send(submission)
        for (const patch of this.unsentPatches.all()) this.send(patchMessage(patch))
      },
      frame: (frame) => {
        if (this.transport !== current) return
        try {
          const whole = reassembler.push(frame)
          if (whole) this.receive(whole)
        } catch (error) {
          console.warn('A message from the facilitator’s laptop could not be read:', error)
          this.lost({ kind: 'lost' })
        }
      },
      closed: (why) => {
        if (this.transport === current) this.lost(why)
      },
      negotiating: () => {
        if (current && this.transport === current && via === 'webrtc') this.waitForWebrtc(current)
      }
    }
    const { origin, room, ticket, hostKey, wrtc } = this.address
    const wsOrigin = origin.replace(/^http/, 'ws')
    current =
      via === 'webrtc'
        ? openWebrtcTransport({ signalingUrl: `${wsOrigin}/signal?ticket=${encodeURIComponent(ticket)}`, room, wrtc }, events)
        : openSocketTransport({ url: `${wsOrigin}/sync`, ticket, hostKey }, events)
    this.transport = current
    this.set({ trying: via, via: null, synced: false })
    if (via === 'webrtc') this.waitForWebrtc(current)
  }

  private waitForWebrtc(transport: Transport): void {
    clearTimeout(this.webrtcTimer)
    this.webrtcTimer = setTimeout(() => {
      if (this.transport !== transport || this.state.via) return
      this.webrtcFailed = true
      this.open('websocket')
    }, WEBRTC_WAIT_MS)
  }

  private drop(): void {
    clearTimeout(this.webrtcTimer)
    const transport = this.transport
    this.transport = null
    transport?.close()
  }

  private lost(why: LinkClosed): void {
    const wasWebrtc = this.state.via === 'webrtc' || this.state.trying === 'webrtc'
    this.drop()
    if (why.kind === 'refused' && why.ended) return this.end()
    this.set({ via: null, trying: null, synced: false, refusal: why.kind === 'refused' ? why.message : null })
    if (!this.shouldConnect) return
    // A WebRTC link that could not open is followed straight away by the WebSocket.
    if (wasWebrtc && !this.webrtcFailed && why.kind === 'lost' && this.failures === 0) {
      this.webrtcFailed = true
      return this.open('websocket')
    }
    const pause = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!
    this.failures++
    this.retryTimer = setTimeout(() => {
      if (this.shouldConnect) this.open(this.firstWay())
    }, pause)
  }

  private send(whole: Uint8Array): void {
    if (!this.transport || !this.state.via) return
    for (const frame of toFrames(whole)) this.transport.send(frame)
  }

  private receive(whole: Uint8Array): void {
    const decoder = decoding.createDecoder(whole)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case LINK_MESSAGE.sync: {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, LINK_MESSAGE.sync)
        const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE_ORIGIN)
        if (syncType === syncProtocol.messageYjsSyncStep1) this.send(encoding.toUint8Array(encoder))
        if (syncType === syncProtocol.messageYjsSyncStep2 && !this.state.synced) this.set({ synced: true })
        return
      }
      case LINK_MESSAGE.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        this.readOwnPresence(update)
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
        return
      }
      case LINK_MESSAGE.queryAwareness:
        this.send(this.presenceMessage([this.awareness.clientID]))
        return
      case LINK_MESSAGE.heldBack: {
        const rounds = readJson(decoder)
        if (!Array.isArray(rounds)) return
        const held = ROUNDS.filter((round) => rounds.includes(round))
        for (const listener of this.heldBackListeners) listener(held)
        return
      }
      case LINK_MESSAGE.boardPatchWritten: {
        const written = readJson(decoder)
        if (Array.isArray(written) && typeof written[0] === 'string' && typeof written[1] === 'number') {
          this.unsentPatches.written(written[0], written[1])
          if (written[0] === this.patchStream) for (const listener of this.patchWrittenListeners) listener(written[1])
        }
        return
      }
      default:
        // A newer host may say more; nothing here depends on it.
        return
    }
  }

  /**
   * This laptop's own presence as the host re-wrote it (its role and colour are the host's to
   * set); awareness never applies a remote state to the local one, so it is read here.
   */
  private readOwnPresence(update: Uint8Array): void {
    if (this.ownPresenceListeners.size === 0) return
    const own = decodePresenceEntries(update).find((entry) => entry.clientId === this.awareness.clientID)
    if (!own) return
    let state: unknown
    try {
      state = JSON.parse(own.json)
    } catch {
      return
    }
    if (typeof state === 'object' && state !== null) for (const listener of this.ownPresenceListeners) listener(state as Record<string, unknown>)
  }

  /**
   * Anonymous mode: hands this person's part of a round to the host alone, now if linked, and
   * again on every new link (a lost link, a restarted host) until this page closes.
   */
  submit(submission: Submission): void {
    const message = linkMessage(LINK_MESSAGE.submission, (encoder) => encoding.writeVarString(encoder, encodeSubmission(submission)))
    this.submissions.set(submission.round, message)
    this.send(message)
  }

  /**
   * Anonymous mode: sends a change of this person's on the board to the host, which writes it as
   * its own (shared/boardPatch.ts); now if linked, and again on every new link until the host
   * says it wrote it.
   */
  patchBoard(changes: BoardChanges): number {
    const patch: BoardPatch = { v: 1, stream: this.patchStream, seq: ++this.patchSeq, changes }
    this.unsentPatches.add(patch)
    this.send(patchMessage(patch))
    return patch.seq
  }

  /** Calls `listener` with each number of this page's patches the host says it wrote (after its write has left); returns its disposer. */
  onPatchWritten(listener: (seq: number) => void): () => void {
    this.patchWrittenListeners.add(listener)
    return () => this.patchWrittenListeners.delete(listener)
  }

  /** This person leaves the session: changes not yet sent are not kept on this device. */
  forgetUnsentChanges(): void {
    this.unsentPatches.forget()
  }

  /** Calls `listener` with the rounds whose part of this person's the host holds back (they came late); returns its disposer. */
  onHeldBack(listener: (rounds: Round[]) => void): () => void {
    this.heldBackListeners.add(listener)
    return () => this.heldBackListeners.delete(listener)
  }

  /** Calls `listener` with this laptop's presence whenever the host sends it back re-written; returns its disposer. */
  onOwnPresenceFromHost(listener: (state: Record<string, unknown>) => void): () => void {
    this.ownPresenceListeners.add(listener)
    return () => this.ownPresenceListeners.delete(listener)
  }

  private presenceMessage(clientIds: number[]): Uint8Array {
    return linkMessage(LINK_MESSAGE.awareness, (encoder) =>
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds))
    )
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) this.send(linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update)))
  }

  private readonly onPresenceUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown
  ) => {
    if (origin === REMOTE_ORIGIN) return
    const own = [...added, ...updated, ...removed].filter((id) => id === this.awareness.clientID)
    if (own.length > 0) this.send(this.presenceMessage(own))
  }
}
