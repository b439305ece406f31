/**
 * y-webrtc signaling for a live session, in a star: it introduces each participant to the
 * session's host, never to another participant (see "Live sessions" in ARCHITECTURE.md). The
 * host lives in this process and attaches to its topic directly (attachHost); what a
 * participant publishes goes to that host only, and what the host publishes goes to the one
 * participant it is addressed to (`to`), or to every subscriber when it announces itself.
 *
 * It speaks the protocol of y-webrtc's reference server (node_modules/y-webrtc/bin/server.js),
 * so the unmodified client works, but treats every participant as hostile: each connection may
 * only use the topics it was admitted for, may speak as one peer id per topic and no one
 * else's, and its size, rate, topic count and connections per ticket and address are bounded.
 * A peer that breaks a rule loses its own connection; the server and everyone else carry on.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'

export interface SignalingLimits {
  /** Largest message a peer may send, in bytes. */
  maxMessageBytes: number
  /** Sustained messages per second per connection (the token bucket's refill rate). */
  messagesPerSecond: number
  /** Messages a connection may send back to back before the sustained rate applies (the bucket's size). */
  burst: number
  /** Topics one connection may be subscribed to at once. */
  maxTopicsPerConnection: number
  /** Live connections admitted with one ticket (one participant's page). */
  maxConnectionsPerTicket: number
  maxConnectionsPerAddress: number
  maxConnections: number
}

/**
 * Sized for a room of up to ~150 laptops. A real y-webrtc message (an SDP or an ICE
 * candidate) is a few KiB at most. In the mesh this hub used to relay, a peer signaled each
 * of its 20–34 WebRTC links and the 31-laptop benchmark needed several hundred messages per
 * peer within seconds; in the star a participant signals one link, to the host, so the burst
 * and rate below are generous, and still cut off a flood of thousands.
 * A laptop only needs one room, so few topics.
 *
 * Connections: one participant's page needs one; the per-ticket slack covers a second tab,
 * reloads and half-open connections left by flaky Wi-Fi until the keep-alive notices them
 * (~30 s). Per address the bound must be loose, because a whole room may reach us from one
 * address (a guest network's NAT): 150 participants plus a third again for reloads and
 * dropped connections. It is there so that one address cannot take every slot, leaving room
 * for everyone else, the facilitator's own window on loopback included. What stops one
 * participant from filling it is the per-ticket bound; the session bounds how many tickets
 * one address can obtain (liveSession.ts).
 */
export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = Object.freeze({
  maxMessageBytes: 64 * 1024,
  messagesPerSecond: 100,
  burst: 1000,
  maxTopicsPerConnection: 4,
  maxConnectionsPerTicket: 4,
  maxConnectionsPerAddress: 200,
  maxConnections: 300
})

export interface Admission {
  /** The only topics this connection may subscribe or publish to. */
  topics: ReadonlySet<string>
  /** The secret the connection was admitted with, one per participant; connections are bounded per ticket. */
  ticket: string
}

/** The session's host, attached in-process to its topic: the one peer every participant signals with. */
export interface SignalingHost {
  /**
   * A participant's signaling message (y-webrtc's `data`: an announce or a signal), as it sent
   * it, and the ticket its connection was admitted with (who is behind it).
   */
  receive(data: unknown, ticket: string): void
}

export interface HostAttachment {
  /**
   * Sends y-webrtc signaling `data` to the topic's participants: to the one bound to `data.to`
   * when that is a string, else (an announce) to every subscriber. Throws if `data` cannot be
   * serialized as JSON.
   */
  publish(data: unknown): void
  /** Stops delivery both ways; the topic may then take another host. */
  detach(): void
}

export interface SignalingHubOptions {
  limits?: Partial<SignalingLimits>
  log?: (message: string) => void
  /** How often to ping; a connection that has not answered the previous ping by the next one is dropped. */
  keepAliveMs?: number
}

const CLOSE_NORMAL = 1000
const CLOSE_GOING_AWAY = 1001
const CLOSE_UNSUPPORTED_DATA = 1003
const CLOSE_POLICY = 1008
const CLOSE_TOO_BIG = 1009
const CLOSE_INTERNAL_ERROR = 1011

// Two missed intervals drop a dead peer within ~30 s, the reference server's timeout.
const KEEP_ALIVE_MS = 15_000
// y-webrtc's peer ids are UUIDs; anything much longer is not one, and would only cost memory as a key.
const MAX_PEER_ID_LENGTH = 128

// How long a peer we close gets to answer the closing handshake before its socket is cut;
// ws would wait 30 s, letting an expelled peer hold its connection slot that long.
const CLOSE_HANDSHAKE_MS = 3_000
// A peer the hub expels reconnects at once (lib0's backoff starts at 0 ms after a good
// connection), so a client stuck on a bad message would loop as fast as the network allows.
// After this many expulsions an address is refused at upgrade until its budget refills,
// which turns on the client's backoff.
const EXPULSIONS_PER_ADDRESS = 10
const EXPULSION_REFILL_PER_SECOND = 1

interface TokenBucket {
  tokens: number
  refilledAt: number
}

function refill(bucket: TokenBucket, perSecond: number, capacity: number): void {
  const now = performance.now()
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.refilledAt) / 1000) * perSecond)
  bucket.refilledAt = now
}

function takeToken(bucket: TokenBucket, perSecond: number, capacity: number): boolean {
  refill(bucket, perSecond, capacity)
  if (bucket.tokens < 1) return false
  bucket.tokens -= 1
  return true
}

interface Peer {
  socket: WebSocket
  address: string
  admission: Admission
  topics: Set<string>
  /** The peer id this connection speaks as, per topic: the `from` of its first publish there. */
  peerIds: Map<string, string>
  bucket: TokenBucket
  /** Answered the last keep-alive ping. */
  alive: boolean
  /** Being closed: nothing it sends is read any more, nothing is relayed to it. */
  closing: boolean
}

interface HostLink {
  host: SignalingHost
  /** The `from` of the host's own messages, which no participant may use. */
  peerId: string | null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** A WebSocket message's bytes, however ws delivered them. */
export function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/** The address a request came from, as every bound on this server counts it. */
export function remoteAddress(request: IncomingMessage): string {
  // A dual-stack server sees IPv4 peers as ::ffff:a.b.c.d; count them as one address either way.
  return (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '')
}

function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1
  if (count > 0) counts.set(key, count)
  else counts.delete(key)
}

/** Answers on the raw socket, as no WebSocket exists yet, then hangs up. */
function refuse(socket: Duplex, status: number, message: string): void {
  // The peer may reset the connection while we answer; with no listener that would crash the process.
  socket.on('error', () => socket.destroy())
  if (!socket.writable) {
    socket.destroy()
    return
  }
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n` +
      message
  )
}

export class SignalingHub {
  private readonly limits: SignalingLimits
  private readonly log: (message: string) => void
  private readonly server: WebSocketServer
  private readonly peers = new Set<Peer>()
  private readonly peersPerAddress = new Map<string, number>()
  private readonly peersPerTicket = new Map<string, number>()
  private readonly subscribers = new Map<string, Set<Peer>>()
  /** Per topic, which live connection speaks as which peer id: where the host's addressed signals go. */
  private readonly boundPeers = new Map<string, Map<string, Peer>>()
  private readonly hosts = new Map<string, HostLink>()
  private readonly expulsions = new Map<string, TokenBucket>()
  private readonly keepAlive: NodeJS.Timeout
  // A stalled reader must not make us buffer without bound: past this, messages to it are dropped
  // (signaling is retried by y-webrtc) and the keep-alive will drop it if it is dead.
  private readonly maxBufferedBytes: number
  private closed = false

  constructor(options: SignalingHubOptions = {}) {
    this.limits = { ...DEFAULT_SIGNALING_LIMITS, ...options.limits }
    this.log = options.log ?? ((message) => console.warn(`[signaling] ${message}`))
    this.maxBufferedBytes = Math.max(1024 * 1024, 4 * this.limits.maxMessageBytes)
    this.server = new WebSocketServer({
      noServer: true,
      // ws stops reading a frame as soon as its header announces more, so a huge message costs nothing.
      maxPayload: this.limits.maxMessageBytes,
      // The hub keeps its own list of peers.
      clientTracking: false,
      // Signaling messages are small; compression would only cost CPU and memory per connection.
      perMessageDeflate: false
    })
    this.keepAlive = setInterval(() => this.sweep(), options.keepAliveMs ?? KEEP_ALIVE_MS)
    this.keepAlive.unref()
  }

  get connectionCount(): number {
    return this.peers.size
  }

  /**
   * Call from an http.Server 'upgrade' handler once the caller has authenticated the request;
   * `admission` null answers 403 on the raw socket and destroys it.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, admission: Admission | null): void {
    try {
      if (this.closed) return refuse(socket, 503, 'Signaling has stopped.')
      if (admission === null) return refuse(socket, 403, 'Not admitted to this session.')
      const address = remoteAddress(request)
      if (this.peers.size >= this.limits.maxConnections) {
        this.log(`refused ${address}: ${this.peers.size} connections already open`)
        return refuse(socket, 503, 'Too many connections.')
      }
      if ((this.peersPerAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
        this.log(`refused ${address}: too many connections from this address`)
        return refuse(socket, 503, 'Too many connections from this address.')
      }
      // The ticket is a secret: it is never logged.
      if ((this.peersPerTicket.get(admission.ticket) ?? 0) >= this.limits.maxConnectionsPerTicket) {
        this.log(`refused ${address}: too many connections with one ticket`)
        return refuse(socket, 503, 'This page already has too many connections open; close other tabs of this session, or wait half a minute.')
      }
      const expulsions = this.expulsions.get(address)
      if (expulsions) refill(expulsions, EXPULSION_REFILL_PER_SECOND, EXPULSIONS_PER_ADDRESS)
      if (expulsions && expulsions.tokens < 1) {
        this.log(`refused ${address}: expelled too often`)
        return refuse(socket, 503, 'Too many rule violations; try again later.')
      }
      // Completes synchronously (no verifyClient), so the limits checked above still hold.
      this.server.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket, address, admission))
    } catch (error) {
      this.log(`upgrade failed: ${String(error)}`)
      socket.destroy()
    }
  }

  /**
   * Makes `host` the peer every participant of `topic` signals with. A topic has at most one
   * host: attaching a second throws. Participants' messages reach it from now on; it is not
   * told about those that came before, as y-webrtc announces again when it reconnects.
   */
  attachHost(topic: string, host: SignalingHost): HostAttachment {
    if (this.hosts.has(topic)) throw new Error(`Topic ${topic} already has a host.`)
    const link: HostLink = { host, peerId: null }
    this.hosts.set(topic, link)
    return {
      publish: (data) => {
        if (this.hosts.get(topic) === link) this.publishFromHost(topic, link, data)
      },
      detach: () => {
        if (this.hosts.get(topic) === link) this.hosts.delete(topic)
      }
    }
  }

  /** Ends every connection admitted for this topic, e.g. when its session ends. Its host stays attached until it detaches. */
  closeTopic(topic: string): void {
    for (const peer of this.peers) {
      if (peer.admission.topics.has(topic)) this.expel(peer, CLOSE_NORMAL, 'session ended')
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.keepAlive)
    this.hosts.clear()
    const peers = [...this.peers]
    await Promise.all(
      peers.map(
        (peer) =>
          new Promise<void>((resolve) => {
            if (peer.socket.readyState === WebSocket.CLOSED) return resolve()
            peer.socket.once('close', () => resolve())
            this.expel(peer, CLOSE_GOING_AWAY, 'server shutting down')
          })
      )
    )
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(socket: WebSocket, address: string, admission: Admission): void {
    const peer: Peer = {
      socket,
      address,
      admission,
      topics: new Set(),
      peerIds: new Map(),
      bucket: { tokens: this.limits.burst, refilledAt: performance.now() },
      alive: true,
      closing: false
    }
    this.peers.add(peer)
    this.peersPerAddress.set(address, (this.peersPerAddress.get(address) ?? 0) + 1)
    this.peersPerTicket.set(admission.ticket, (this.peersPerTicket.get(admission.ticket) ?? 0) + 1)
    socket.on('message', (data, isBinary) => this.receive(peer, data, isBinary))
    socket.on('pong', () => {
      peer.alive = true
    })
    // ws has already closed the connection (1009 for an oversized message, 1007 for bad UTF-8…);
    // without this listener the error would crash the process.
    socket.on('error', (error) => {
      if (peer.closing) return
      peer.closing = true
      this.release(peer)
      this.log(`closed ${address}: ${error.message}`)
      this.countExpulsion(address)
      this.cutOffLater(peer)
    })
    socket.on('close', () => this.forget(peer))
  }

  private forget(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    this.release(peer)
    decrement(this.peersPerAddress, peer.address)
    decrement(this.peersPerTicket, peer.admission.ticket)
  }

  /** A closing connection receives nothing more and no longer holds its peer ids. */
  private release(peer: Peer): void {
    for (const topic of peer.topics) this.unsubscribe(peer, topic)
    for (const [topic, peerId] of peer.peerIds) {
      const bound = this.boundPeers.get(topic)
      if (bound?.get(peerId) !== peer) continue
      bound.delete(peerId)
      if (bound.size === 0) this.boundPeers.delete(topic)
    }
    peer.peerIds.clear()
  }

  /**
   * Lets `peer` speak as `peerId` on `topic`, or says why not. A connection keeps the first
   * peer id it uses, and no other connection may use it while it is live, so no one can take
   * over another participant's link to the host. The exception is a connection with the same
   * ticket: that is the same page, whose socket dropped and came back (y-webrtc keeps its peer
   * id) before the keep-alive noticed the old one; expelling it would loop until its address
   * was refused, and the room behind that address with it.
   */
  private bind(peer: Peer, topic: string, peerId: string): string | null {
    const own = peer.peerIds.get(topic)
    if (own !== undefined && own !== peerId) return 'peer id changed'
    let bound = this.boundPeers.get(topic)
    const holder = bound?.get(peerId)
    if (holder === peer) return null
    if (holder && holder.admission.ticket !== peer.admission.ticket) return 'peer id taken'
    if (this.hosts.get(topic)?.peerId === peerId) return 'peer id taken'
    if (!bound) this.boundPeers.set(topic, (bound = new Map()))
    bound.set(peerId, peer)
    peer.peerIds.set(topic, peerId)
    return null
  }

  private publishFromHost(topic: string, link: HostLink, data: unknown): void {
    const to = isRecord(data) ? data.to : undefined
    if (isRecord(data) && typeof data.from === 'string') link.peerId = data.from
    const subscribers = this.subscribers.get(topic)
    if (!subscribers) return
    let receivers: Iterable<Peer> = subscribers
    if (typeof to === 'string') {
      const addressee = this.boundPeers.get(topic)?.get(to)
      if (!addressee || !subscribers.has(addressee)) return
      receivers = [addressee]
    }
    // The wire format of y-webrtc's reference server, which the unmodified client reads.
    const text = JSON.stringify({ type: 'publish', topic, data, clients: subscribers.size })
    for (const receiver of receivers) this.send(receiver, text)
  }

  private unsubscribe(peer: Peer, topic: string): void {
    peer.topics.delete(topic)
    const subscribers = this.subscribers.get(topic)
    if (!subscribers) return
    subscribers.delete(peer)
    if (subscribers.size === 0) this.subscribers.delete(topic)
  }

  private countExpulsion(address: string): void {
    let bucket = this.expulsions.get(address)
    if (!bucket) this.expulsions.set(address, (bucket = { tokens: EXPULSIONS_PER_ADDRESS, refilledAt: performance.now() }))
    // An empty budget just stays empty; the refusal happens at the next upgrade.
    takeToken(bucket, EXPULSION_REFILL_PER_SECOND, EXPULSIONS_PER_ADDRESS)
  }

  /** Closes a peer's connection with a code it can read; only that peer is affected. */
  private expel(peer: Peer, code: number, reason: string): void {
    if (peer.closing) return
    peer.closing = true
    this.release(peer)
    if (code === CLOSE_UNSUPPORTED_DATA || code === CLOSE_POLICY || code === CLOSE_TOO_BIG) {
      this.log(`closed ${peer.address} (${code}): ${reason}`)
      this.countExpulsion(peer.address)
    }
    try {
      peer.socket.close(code, reason)
    } catch {
      peer.socket.terminate()
      return
    }
    this.cutOffLater(peer)
  }

  private cutOffLater(peer: Peer): void {
    const cut = setTimeout(() => peer.socket.terminate(), CLOSE_HANDSHAKE_MS)
    cut.unref()
    peer.socket.once('close', () => clearTimeout(cut))
  }

  private send(peer: Peer, text: string): void {
    if (peer.closing || peer.socket.readyState !== WebSocket.OPEN) return
    if (peer.socket.bufferedAmount > this.maxBufferedBytes) return
    // The callback swallows write errors from a socket that died meanwhile; 'close' cleans up.
    peer.socket.send(text, () => {})
  }

  private receive(peer: Peer, data: RawData, isBinary: boolean): void {
    // ws keeps delivering frames that were already on the wire after we decide to close.
    if (peer.closing) return
    try {
      if (!takeToken(peer.bucket, this.limits.messagesPerSecond, this.limits.burst)) {
        return this.expel(peer, CLOSE_POLICY, 'too many messages')
      }
      if (isBinary) return this.expel(peer, CLOSE_UNSUPPORTED_DATA, 'binary messages are not supported')
      const bytes = toBuffer(data)
      if (bytes.length > this.limits.maxMessageBytes) return this.expel(peer, CLOSE_TOO_BIG, 'message too big')
      let message: unknown
      try {
        message = JSON.parse(bytes.toString('utf8'))
      } catch {
        return this.expel(peer, CLOSE_UNSUPPORTED_DATA, 'message is not JSON')
      }
      this.handle(peer, message)
    } catch (error) {
      this.log(`error handling a message from ${peer.address}: ${String(error)}`)
      this.expel(peer, CLOSE_INTERNAL_ERROR, 'internal error')
    }
  }

  private handle(peer: Peer, message: unknown): void {
    if (!isRecord(message)) return this.expel(peer, CLOSE_POLICY, 'malformed message')
    switch (message.type) {
      case 'subscribe': {
        const { topics } = message
        if (!isStringArray(topics)) return this.expel(peer, CLOSE_POLICY, 'malformed subscribe')
        // Checked before the loop so a message naming thousands of topics costs nothing.
        if (topics.length > this.limits.maxTopicsPerConnection) return this.expel(peer, CLOSE_POLICY, 'too many topics')
        for (const topic of topics) {
          if (!peer.admission.topics.has(topic)) return this.expel(peer, CLOSE_POLICY, 'topic not allowed')
        }
        // y-webrtc subscribes again to topics it already has, so only new ones count.
        const fresh = topics.filter((topic) => !peer.topics.has(topic))
        if (peer.topics.size + new Set(fresh).size > this.limits.maxTopicsPerConnection) {
          return this.expel(peer, CLOSE_POLICY, 'too many topics')
        }
        for (const topic of fresh) {
          peer.topics.add(topic)
          let subscribers = this.subscribers.get(topic)
          if (!subscribers) this.subscribers.set(topic, (subscribers = new Set()))
          subscribers.add(peer)
        }
        return
      }
      case 'unsubscribe': {
        const { topics } = message
        if (!isStringArray(topics)) return this.expel(peer, CLOSE_POLICY, 'malformed unsubscribe')
        for (const topic of topics) this.unsubscribe(peer, topic)
        return
      }
      case 'publish': {
        const { topic, data } = message
        if (typeof topic !== 'string') return this.expel(peer, CLOSE_POLICY, 'malformed publish')
        if (!peer.admission.topics.has(topic)) return this.expel(peer, CLOSE_POLICY, 'topic not allowed')
        // Unencrypted y-webrtc signaling (the session uses no room password): {type, from, …}.
        if (!isRecord(data) || typeof data.from !== 'string' || data.from.length === 0 || data.from.length > MAX_PEER_ID_LENGTH) {
          return this.expel(peer, CLOSE_POLICY, 'malformed publish')
        }
        const refusal = this.bind(peer, topic, data.from)
        if (refusal) return this.expel(peer, CLOSE_POLICY, refusal)
        // To the host only: participants never learn of each other here. Without a host, nowhere.
        this.hosts.get(topic)?.host.receive(data, peer.admission.ticket)
        return
      }
      case 'ping':
        return this.send(peer, '{"type":"pong"}')
      default:
        return this.expel(peer, CLOSE_POLICY, 'unknown message type')
    }
  }

  private sweep(): void {
    for (const peer of this.peers) {
      // A closing peer is cut off CLOSE_HANDSHAKE_MS after its close began.
      if (peer.closing) continue
      if (!peer.alive) {
        this.log(`closed ${peer.address}: no answer to keep-alive ping`)
        peer.closing = true
        this.release(peer)
        peer.socket.terminate()
        continue
      }
      peer.alive = false
      try {
        peer.socket.ping()
      } catch {
        peer.socket.terminate()
      }
    }
    // Forget addresses whose expulsion budget is whole again, so the map cannot grow without bound.
    for (const [address, bucket] of this.expulsions) {
      refill(bucket, EXPULSION_REFILL_PER_SECOND, EXPULSIONS_PER_ADDRESS)
      if (bucket.tokens >= EXPULSIONS_PER_ADDRESS) this.expulsions.delete(address)
    }
  }
}
