/**
 * y-webrtc signaling for a live session: peers meet here, then talk to each other over WebRTC.
 * It speaks the protocol of y-webrtc's reference server (node_modules/y-webrtc/bin/server.js),
 * so the unmodified client works, but treats every peer as hostile: each connection may only
 * use the topics it was admitted for, and its size, rate and topic count are bounded. A peer
 * that breaks a rule loses its own connection; the server and everyone else carry on.
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
  maxConnectionsPerAddress: number
  maxConnections: number
}

/**
 * Sized for a room of up to ~100 laptops. A real y-webrtc message (an SDP or an ICE
 * candidate) is a few KiB at most. A peer sends an offer or an answer plus its ICE
 * candidates (a laptop may have several interfaces, each over UDP and TCP) for each of its
 * 20–34 WebRTC links, in both directions, nearly all of it in the seconds after it joins:
 * at 30 peers that is several hundred messages, and the first limits (300, then 40/s) closed
 * peers of the 31-laptop benchmark. The burst covers a full set of links twice over and the
 * sustained rate covers reconnects; a flood of thousands is still cut off.
 * A laptop only needs one room, so few topics; the connection slack covers browser tabs and
 * half-open connections left by flaky Wi-Fi until the keep-alive notices them.
 */
export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = Object.freeze({
  maxMessageBytes: 64 * 1024,
  messagesPerSecond: 100,
  burst: 1000,
  maxTopicsPerConnection: 4,
  maxConnectionsPerAddress: 24,
  maxConnections: 300
})

export interface Admission {
  /** The only topics this connection may subscribe or publish to. */
  topics: ReadonlySet<string>
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
  bucket: TokenBucket
  /** Answered the last keep-alive ping. */
  alive: boolean
  /** Being closed: nothing it sends is read any more, nothing is relayed to it. */
  closing: boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

function remoteAddress(request: IncomingMessage): string {
  // A dual-stack server sees IPv4 peers as ::ffff:a.b.c.d; count them as one address either way.
  return (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '')
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
  private readonly subscribers = new Map<string, Set<Peer>>()
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

  /** Ends every connection admitted for this topic, e.g. when its session ends. */
  closeTopic(topic: string): void {
    for (const peer of this.peers) {
      if (peer.admission.topics.has(topic)) this.expel(peer, CLOSE_NORMAL, 'session ended')
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.keepAlive)
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
      bucket: { tokens: this.limits.burst, refilledAt: performance.now() },
      alive: true,
      closing: false
    }
    this.peers.add(peer)
    this.peersPerAddress.set(address, (this.peersPerAddress.get(address) ?? 0) + 1)
    socket.on('message', (data, isBinary) => this.receive(peer, data, isBinary))
    socket.on('pong', () => {
      peer.alive = true
    })
    // ws has already closed the connection (1009 for an oversized message, 1007 for bad UTF-8…);
    // without this listener the error would crash the process.
    socket.on('error', (error) => {
      if (peer.closing) return
      peer.closing = true
      this.unsubscribeAll(peer)
      this.log(`closed ${address}: ${error.message}`)
      this.countExpulsion(address)
      this.cutOffLater(peer)
    })
    socket.on('close', () => this.forget(peer))
  }

  private forget(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    this.unsubscribeAll(peer)
    const count = (this.peersPerAddress.get(peer.address) ?? 1) - 1
    if (count > 0) this.peersPerAddress.set(peer.address, count)
    else this.peersPerAddress.delete(peer.address)
  }

  private unsubscribeAll(peer: Peer): void {
    for (const topic of peer.topics) this.unsubscribe(peer, topic)
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
    this.unsubscribeAll(peer)
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
        const receivers = this.subscribers.get(topic)
        if (!receivers) return
        let text: string
        try {
          // Only the fields y-webrtc reads travel on; anything else a peer adds stays here.
          text = JSON.stringify({ type: 'publish', topic, data, clients: receivers.size })
        } catch {
          // Deeply nested data overflows JSON.stringify's stack.
          return this.expel(peer, CLOSE_POLICY, 'malformed publish')
        }
        for (const receiver of receivers) this.send(receiver, text)
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
        this.unsubscribeAll(peer)
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
