/**
 * y-webrtc sends every change its document takes to every peer it is connected to, the
 * changes it has just received from peers included, and does the same with presence
 * (awareness). That relaying is how a change crosses a mesh that is not complete (a peer
 * opens at most 20–34 connections, and two laptops may fail to connect directly while both
 * reach a third), but in a room where everyone is connected to everyone it makes each change
 * travel N(N−1) times: a burst of notes from ten laptops took seconds of CPU to digest, and
 * in a room of 31 most of the sending was presence passed on (BENCHMARKS.md).
 *
 * This keeps every message y-webrtc would send, merged into fewer:
 * - a peer's own change leaves at once when it is the first for a while, so a single edit
 *   reaches the screens of directly connected peers as fast as before; changes that follow
 *   within OWN_WINDOW_MS (fast typing, a burst of notes) leave together at the window's end;
 * - changes received from peers are relayed together every RELAY_WINDOW_MS; a change that
 *   needs a relay to reach someone arrives at most that much later.
 * Document updates merge with Y.mergeUpdates; presence updates as the union of the people
 * whose state changed (y-webrtc encodes their current states when it sends).
 *
 * It replaces the room's two update handlers, public fields of y-webrtc's Room (10.x) that
 * connect() and disconnect() register and remove by reference.
 */
import type { Room, WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'

export const OWN_WINDOW_MS = 50
export const RELAY_WINDOW_MS = 100

type SendDoc = Room['_docUpdateHandler']
type SendPresence = Room['_awarenessUpdateHandler']
interface PresenceChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** Call right after constructing the provider; returns a disposer. */
export function coalesceUpdates(provider: WebrtcProvider): () => void {
  let disposed = false
  const batches: Array<{ drop(): void }> = []

  void provider.key.then(() => {
    const room = provider.room
    if (disposed || !room) return
    const sendDoc = room._docUpdateHandler
    const mergeDoc = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    const ownDoc = new Batch(sendDoc, mergeDoc, OWN_WINDOW_MS, true)
    const relayedDoc = new Batch(sendDoc, mergeDoc, RELAY_WINDOW_MS, false)

    const sendPresence: SendPresence = room._awarenessUpdateHandler
    const mergePresence = (changes: PresenceChange[]): PresenceChange => {
      const ids = new Set(changes.flatMap((change) => [...change.added, ...change.updated, ...change.removed]))
      return { added: [], updated: [...ids], removed: [] }
    }
    const ownPresence = new Batch(sendPresence, mergePresence, OWN_WINDOW_MS, true)
    const relayedPresence = new Batch(sendPresence, mergePresence, RELAY_WINDOW_MS, false)
    batches.push(ownDoc, relayedDoc, ownPresence, relayedPresence)

    swapHandlers(
      room,
      (update, origin) => (origin === room ? relayedDoc : ownDoc).add(update, origin),
      (change: PresenceChange, origin: unknown) => (origin === room ? relayedPresence : ownPresence).add(change, origin)
    )
  })

  return () => {
    disposed = true
    for (const batch of batches) batch.drop()
  }
}

/** Items waiting to leave as one. */
class Batch<T> {
  private pending: T[] = []
  private origin: unknown = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly send: (item: T, origin: unknown) => void,
    private readonly merge: (items: T[]) => T,
    private readonly windowMs: number,
    /** Send the first item of a quiet spell at once. */
    private readonly leading: boolean
  ) {}

  add(item: T, origin: unknown): void {
    this.origin = origin
    if (this.timer === undefined && this.leading) {
      this.send(item, origin)
    } else {
      this.pending.push(item)
    }
    this.timer ??= setTimeout(this.flush, this.windowMs)
  }

  private readonly flush = () => {
    this.timer = undefined
    const items = this.pending
    this.pending = []
    if (items.length === 0) return
    this.send(this.merge(items), this.origin)
    // What just left opens a new window, so a steady stream leaves once per window.
    if (this.leading) this.timer = setTimeout(this.flush, this.windowMs)
  }

  drop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.pending = []
  }
}

function swapHandlers(room: Room, onDocUpdate: SendDoc, onPresenceUpdate: SendPresence): void {
  // The provider's own promise callback ran first and may have connected the room already.
  const connected = room.bcconnected
  if (connected) {
    room.doc.off('update', room._docUpdateHandler)
    room.awareness.off('update', room._awarenessUpdateHandler)
  }
  room._docUpdateHandler = onDocUpdate
  room._awarenessUpdateHandler = onPresenceUpdate
  if (connected) {
    room.doc.on('update', onDocUpdate)
    room.awareness.on('update', onPresenceUpdate)
  }
}
