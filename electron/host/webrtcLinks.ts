/**
 * The host's WebRTC side: it joins the session's room as a y-webrtc peer (the same signaling
 * messages and data-channel messages as y-webrtc, through simple-peer and @roamhq/wrtc), and
 * the signaling hub introduces every laptop to it alone. Its candidates are its real
 * addresses (Node's WebRTC has no mDNS hiding), so a stock browser reaches it even where the
 * browser's own `.local` name cannot be resolved: the host learns the browser's address from
 * its connectivity checks.
 */
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import SimplePeer from 'simple-peer'
import type { HubRoom } from './hubRoom'
import type { SignalingHub } from './signalingHub'

// A CommonJS native addon whose named exports Node's ESM loader cannot see.
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc')

/** WebRTC links the host keeps at most; the WebSocket way in stays open beyond it. */
const MAX_PEERS = 200
/** A laptop that reads slower than this backlog is cut off (it reconnects and catches up). */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024

interface SignalData {
  type?: unknown
  from?: unknown
  to?: unknown
  token?: unknown
  signal?: unknown
}

interface Connection {
  peer: SimplePeer.Instance
  /** y-webrtc's glare token of the offer this side made, if any. */
  glareToken: number | undefined
}

export class HostWebrtcPeer {
  readonly peerId = randomUUID()
  private readonly connections = new Map<string, Connection>()
  private readonly signaling: { publish(data: unknown): void; detach(): void }
  private closed = false

  constructor(
    signalingHub: SignalingHub,
    topic: string,
    private readonly hub: HubRoom
  ) {
    this.signaling = signalingHub.attachHost(topic, { receive: (data, ticket) => this.receive(data as SignalData, ticket) })
    // Anyone already waiting (the host restarted) connects on hearing this.
    this.signaling.publish({ type: 'announce', from: this.peerId })
  }

  get connectionCount(): number {
    return this.connections.size
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.signaling.detach()
    for (const connection of this.connections.values()) connection.peer.destroy()
    this.connections.clear()
  }

  private receive(data: SignalData, ticket: string): void {
    if (this.closed || typeof data.from !== 'string' || data.from === this.peerId) return
    const from = data.from
    if (data.type === 'announce') {
      if (!this.connections.has(from)) this.connect(from, ticket, true)
      return
    }
    if (data.type !== 'signal' || data.to !== this.peerId || typeof data.signal !== 'object' || data.signal === null) return
    const signal = data.signal as SimplePeer.SignalData
    let connection = this.connections.get(from)
    if (signal.type === 'offer' && connection) {
      // Both sides offered at once: y-webrtc keeps the offer with the larger token.
      const remoteToken = typeof data.token === 'number' ? data.token : 0
      if (connection.glareToken !== undefined && connection.glareToken > remoteToken) return
      connection.peer.destroy()
      this.connections.delete(from)
      connection = undefined
    }
    if (!connection) {
      if (signal.type !== 'offer') return
      connection = this.connect(from, ticket, false)
    }
    if (!connection) return
    try {
      connection.peer.signal(signal)
    } catch {
      connection.peer.destroy()
    }
  }

  private connect(remoteId: string, ticket: string, initiator: boolean): Connection | undefined {
    if (this.connections.size >= MAX_PEERS) return undefined
    const peer = new SimplePeer({ initiator, wrtc: wrtc as SimplePeer.Options['wrtc'], config: { iceServers: [] } })
    const connection: Connection = { peer, glareToken: undefined }
    this.connections.set(remoteId, connection)
    peer.on('signal', (signal) => {
      connection.glareToken ??= Date.now() + Math.random()
      this.signaling.publish({ type: 'signal', from: this.peerId, to: remoteId, token: connection.glareToken, signal })
    })
    let attached: ReturnType<HubRoom['attach']> | null = null
    // The laptop's first messages can arrive before this side's 'connect' event.
    const attach = () =>
      (attached ??= this.hub.attach(
        {
          kind: 'webrtc',
          send(frame) {
            if (peer.destroyed) return
            if (peer.writableLength > MAX_QUEUED_BYTES) return peer.destroy(new Error('too slow to keep up'))
            // write() waits for the data channel's buffer to drain; a failed send destroys the peer.
            peer.write(frame)
          },
          close: () => peer.destroy()
        },
        'participant',
        ticket
      ))
    peer.on('connect', attach)
    peer.on('data', (data: Uint8Array) => {
      if (!peer.destroyed) attach().receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    // A failed link closes; the laptop announces itself again and reconnects.
    peer.on('error', () => peer.destroy())
    peer.on('close', () => {
      attached?.detach()
      attached = null
      if (this.connections.get(remoteId) === connection) this.connections.delete(remoteId)
    })
    return connection
  }
}
