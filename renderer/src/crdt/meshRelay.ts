/**
 * y-webrtc sends every change its document takes to every peer it is connected to, the
 * changes it has just received from peers included. That relaying is how a change crosses a
 * mesh that is not complete (a peer opens at most 20–34 connections, and two laptops may
 * fail to connect directly while both reach a third), but in a room where everyone is
 * connected to everyone it makes each change travel N(N−1) times: a burst of notes from ten
 * laptops took seconds of CPU to digest (BENCHMARKS.md, "Burst").
 *
 * This keeps every message y-webrtc would send, merged into fewer:
 * - a peer's own change leaves at once when it is the first for a while, so a single edit
 *   reaches the screens of directly connected peers as fast as before; changes that follow
 *   within OWN_WINDOW_MS (fast typing, a burst of notes) leave together at the window's end;
 * - changes received from peers are relayed together every RELAY_WINDOW_MS; a change that
 *   needs a relay to reach someone arrives at most that much later.
 *
 * It replaces the room's update handler, a public field of y-webrtc's Room (10.x) that
 * connect() and disconnect() register and remove by reference.
 */
import type { Room, WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'

export const OWN_WINDOW_MS = 50
export const RELAY_WINDOW_MS = 100

type Send = Room['_docUpdateHandler']

/** Call right after constructing the provider; returns a disposer. */
export function coalesceUpdates(provider: WebrtcProvider): () => void {
  let disposed = false
  const batches: Batch[] = []

  void provider.key.then(() => {
    const room = provider.room
    if (disposed || !room) return
    const send = room._docUpdateHandler
    const own = new Batch(send, OWN_WINDOW_MS, true)
    const relayed = new Batch(send, RELAY_WINDOW_MS, false)
    batches.push(own, relayed)
    swapHandler(room, (update, origin) => (origin === room ? relayed : own).add(update, origin))
  })

  return () => {
    disposed = true
    for (const batch of batches) batch.drop()
  }
}

/** Updates waiting to leave as one. */
class Batch {
  private pending: Uint8Array[] = []
  private origin: unknown = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly send: Send,
    private readonly windowMs: number,
    /** Send the first update of a quiet spell at once. */
    private readonly leading: boolean
  ) {}

  add(update: Uint8Array, origin: unknown): void {
    this.origin = origin
    if (this.timer === undefined && this.leading) {
      this.send(update, origin)
    } else {
      this.pending.push(update)
    }
    this.timer ??= setTimeout(this.flush, this.windowMs)
  }

  private readonly flush = () => {
    this.timer = undefined
    const updates = this.pending
    this.pending = []
    if (updates.length === 0) return
    this.send(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), this.origin)
    // What just left opens a new window, so a steady stream leaves once per window.
    if (this.leading) this.timer = setTimeout(this.flush, this.windowMs)
  }

  drop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.pending = []
  }
}

function swapHandler(room: Room, handler: Send): void {
  // The provider's own promise callback ran first and may have connected the room already.
  const connected = room.bcconnected
  if (connected) room.doc.off('update', room._docUpdateHandler)
  room._docUpdateHandler = handler
  if (connected) room.doc.on('update', handler)
}
