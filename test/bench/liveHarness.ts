/**
 * The parent's side of the live-sync benchmarks: starts peer processes (livePeer.ts), waits
 * for their mesh, and measures edit-to-screen latency and bursts. Each peer is one "laptop":
 * its own process and its own loopback address (127.0.x.y), so the session's per-address
 * limits (join attempts, signaling connections) apply per laptop, as in a real room.
 *
 * Latency: the sender takes its clock just before calling the addNote intent; each receiver
 * takes its clock when its board snapshot first holds the note. Both clocks are
 * process.hrtime (CLOCK_MONOTONIC, shared by every process on the machine); the parent only
 * subtracts, so IPC delays are not in the numbers. One edit at a time, then a random pause.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { BENCH_BOARD } from './benchBoard'
import type { FromPeer, PeerStatus, ToPeer } from './livePeer'
import { median, percentile } from './stats'
import type { FromWorkshopPeer, ToWorkshopPeer } from './workshopPeer'

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
const PEER_SCRIPT = fileURLToPath(new URL('./livePeer.ts', import.meta.url))
/** The core-values workshop's peer (workshop.bench.ts), for MeshOptions.script. */
export const WORKSHOP_PEER_SCRIPT = fileURLToPath(new URL('./workshopPeer.ts', import.meta.url))
const RELAY_SCRIPT = fileURLToPath(new URL('./liveRelayServer.ts', import.meta.url))
const COLUMNS = BENCH_BOARD.columns.length
/** y-webrtc's smallest maxConns (20 + random 0–14): below it every peer connects to every other. */
export const Y_WEBRTC_MIN_MAX_CONNS = 20
/**
 * How long to wait for a full mesh before accepting one with links missing. Under load a pair
 * of y-webrtc peers sometimes never connects: the half-made connection stays in the room
 * without closing, so y-webrtc does not try again; updates still reach both through others.
 */
const FULL_MESH_GRACE_MS = 20_000

export const now = () => Number(process.hrtime.bigint()) / 1e6
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let laptops = 0
/** A fresh loopback address per peer started by this process: 127.0.1.10, 127.0.1.11, … */
function nextLaptopAddress(): string {
  const k = laptops++
  return `127.0.${1 + Math.floor(k / 200)}.${10 + (k % 200)}`
}

/** What either kind of peer script (livePeer.ts, workshopPeer.ts) sends and takes. */
export type AnyFromPeer = FromPeer | FromWorkshopPeer
type AnyToPeer = ToPeer | ToWorkshopPeer
export type Reply = Extract<AnyFromPeer, { type: 'reply' }>
/** A command that expects a reply, before request() numbers it. */
export type Command = AnyToPeer extends infer T ? (T extends { seq: number } ? Omit<T, 'seq'> : never) : never

export class PeerProcess {
  readonly child: ChildProcess
  log = ''
  exit: string | null = null
  implementation = ''
  joined = false
  private seq = 0
  private readonly waiting = new Map<number, (reply: Reply) => void>()

  constructor(
    readonly index: number,
    readonly address: string,
    env: Record<string, string>,
    onMessage: (peer: PeerProcess, message: AnyFromPeer) => void,
    onExit: () => void,
    script = PEER_SCRIPT
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env, PEER_INDEX: String(index), LOCAL_ADDRESS: address },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    const keep = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-4000))
    this.child.stdout!.on('data', keep)
    this.child.stderr!.on('data', keep)
    this.child.on('message', (message: AnyFromPeer) => {
      if (message.type === 'reply') {
        const resolve = this.waiting.get(message.seq)
        this.waiting.delete(message.seq)
        resolve?.(message)
      }
      if (message.type === 'joined') {
        this.joined = true
        this.implementation = message.implementation
      }
      onMessage(this, message)
    })
    // A send to a process that has just died fails with EPIPE: its exit says more.
    this.child.on('error', (error) => keep(Buffer.from(`\n[parent] ${error.message}`)))
    // 'close', not 'exit': by then its output has been read, and says why it stopped.
    this.child.on('close', (code, signal) => {
      this.exit = `peer ${index + 1} exited (${signal ?? code}): ${this.log.trim().split('\n').slice(-6).join(' / ')}`
      onExit()
    })
  }

  request<T extends Reply>(message: Command, timeoutMs = 10_000): Promise<T> {
    const seq = ++this.seq
    return new Promise<T>((resolve, reject) => {
      if (!this.child.connected) return reject(new Error(`peer ${this.index + 1} has gone (${message.type})`))
      const timer = setTimeout(() => {
        this.waiting.delete(seq)
        reject(new Error(`peer ${this.index + 1} did not answer ${message.type} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(seq, (reply) => {
        clearTimeout(timer)
        resolve(reply as T)
      })
      this.child.send({ ...message, seq } as AnyToPeer)
    })
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToPeer)
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000)
    await exited
    clearTimeout(timer)
  }
}

export type Target =
  | { transport: 'webrtc'; origin: string; code: string }
  | { transport: 'relay'; relayUrl: string; room: string }

export interface Settled {
  ms: number
  /** Each peer's open connections (webrtc) once settled. */
  degrees: number[]
  fullMesh: boolean
  /** Pairs of peers with no direct connection (below maxConns, where all should connect). */
  missingLinks: number
}

export interface MeshOptions {
  /** The peer script: livePeer.ts unless given (WORKSHOP_PEER_SCRIPT). */
  script?: string
  /** How many columns every peer's board holds once synced: the journey map's unless given. */
  columns?: number
  /** How long a peer may take to answer a status request (10 s unless given). */
  replyTimeoutMs?: number
}

export interface LatencyResult {
  /** One sample per (edit, receiver): edit to that receiver's screen. */
  perReceiver: number[]
  /** One sample per edit: edit to the last receiver's screen. */
  toEveryone: number[]
  lost: number
  /** CPU all peer processes used during the run (pauses between edits included), in % of one core. */
  cpuPercent: number
}

export interface BurstResult {
  /** From the first peer starting its burst to the last peer holding every burst note. */
  ms: number
  /** From the first start to the last peer done adding its own notes (the senders' side alone). */
  addingMs: number
  complete: boolean
  /** CPU all peer processes used from the start until every peer was done, in ms. */
  cpuMs: number
  /** Burst notes each peer held, when incomplete. */
  held?: number[]
}

/** A room of peer processes on one target (a live session, or a relay). */
export class Mesh {
  readonly peers: PeerProcess[] = []
  private readonly listeners = new Set<() => void>()
  private readonly messageListeners = new Set<(peer: PeerProcess, message: AnyFromPeer) => void>()
  private readonly seen = new Map<string, Map<number, number>>()
  private closed = false

  constructor(
    private readonly target: Target,
    private readonly options: MeshOptions = {}
  ) {}

  get size(): number {
    return this.peers.length
  }

  get implementation(): string {
    return this.peers[0]?.implementation ?? ''
  }

  private notify = () => {
    for (const listener of [...this.listeners]) listener()
  }

  private failure(): Error | null {
    if (this.closed) return null
    const dead = this.peers.find((peer) => peer.exit !== null)
    return dead ? new Error(dead.exit!) : null
  }

  /** Resolves with check()'s first defined value, re-checking on every message from a peer. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer)
        this.listeners.delete(attempt)
      }
      const attempt = () => {
        const failed = this.failure()
        if (failed) {
          cleanup()
          return reject(failed)
        }
        const value = check()
        if (value !== undefined) {
          cleanup()
          resolve(value)
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
      }, timeoutMs)
      this.listeners.add(attempt)
      attempt()
    })
  }

  /** Hears every message from every peer (before waitFor's checks run); returns its disposer. */
  onMessage(listener: (peer: PeerProcess, message: AnyFromPeer) => void): () => void {
    this.messageListeners.add(listener)
    return () => this.messageListeners.delete(listener)
  }

  private receive = (peer: PeerProcess, message: AnyFromPeer) => {
    for (const listener of [...this.messageListeners]) listener(peer, message)
    if (message.type === 'seen') {
      for (const id of message.ids) {
        const byPeer = this.seen.get(id) ?? new Map<number, number>()
        byPeer.set(peer.index, message.at)
        this.seen.set(id, byPeer)
      }
    }
    this.notify()
  }

  /** Starts peers until there are `n`, all at once, and waits until each has joined. */
  async grow(n: number, timeoutMs = 60_000): Promise<number> {
    const started = now()
    const t = this.target
    const env: Record<string, string> =
      t.transport === 'webrtc'
        ? { TRANSPORT: 'webrtc', SESSION_ORIGIN: t.origin, JOIN_CODE: t.code }
        : { TRANSPORT: 'relay', RELAY_URL: t.relayUrl, ROOM: t.room }
    const fresh: PeerProcess[] = []
    while (this.peers.length < n) {
      const index = this.peers.length
      const peer = new PeerProcess(
        index,
        nextLaptopAddress(),
        { ...env, SEED: index === 0 ? '1' : '0' },
        this.receive,
        this.notify,
        this.options.script
      )
      this.peers.push(peer)
      fresh.push(peer)
    }
    await this.waitFor(() => (fresh.every((peer) => peer.joined) ? true : undefined), timeoutMs, `${fresh.length} peers to start`)
    return now() - started
  }

  async statuses<S extends PeerStatus = PeerStatus>(): Promise<S[]> {
    const replies = await Promise.all(
      this.peers.map((peer) => peer.request<Extract<Reply, { status: PeerStatus }>>({ type: 'status' }, this.options.replyTimeoutMs))
    )
    return replies.map((reply) => reply.status as S)
  }

  /**
   * Waits until every peer holds the board's columns, sees everyone present, and (webrtc)
   * has an open connection to every other peer; beyond y-webrtc's maxConns, or after
   * FULL_MESH_GRACE_MS, until the mesh's connections stop changing for 3 s.
   */
  async settle(timeoutMs = 60_000): Promise<Settled> {
    const started = now()
    const n = this.peers.length
    const full = this.target.transport === 'webrtc' ? n - 1 : 1
    const columns = this.options.columns ?? COLUMNS
    let lastTotal = -1
    let stableSince = now()
    for (;;) {
      const failed = this.failure()
      if (failed) throw failed
      const statuses = await this.statuses()
      const degrees = statuses.map((status) => status.peers)
      const synced = statuses.every((status) => status.linked && status.columns === columns && status.people === n)
      const total = degrees.reduce((sum, d) => sum + d, 0)
      if (total !== lastTotal) {
        lastTotal = total
        stableSince = now()
      }
      const fullMesh = degrees.every((d) => d === full)
      const partialSettled =
        (n - 1 > Y_WEBRTC_MIN_MAX_CONNS || now() - started > FULL_MESH_GRACE_MS) &&
        degrees.every((d) => d >= 1) &&
        now() - stableSince > 3_000
      if (synced && (fullMesh || partialSettled)) {
        const missingLinks = n - 1 > Y_WEBRTC_MIN_MAX_CONNS ? 0 : (n * full - total) / 2
        return { ms: now() - started, degrees, fullMesh, missingLinks }
      }
      if (now() - started > timeoutMs) {
        const sorted = [...degrees].sort((a, b) => a - b)
        throw new Error(
          `the mesh of ${n} did not settle in ${timeoutMs} ms: connections per peer ${sorted.join(',')}; ` +
            `synced ${statuses.filter((s) => s.linked && s.columns === columns).length}/${n}, ` +
            `people seen ${statuses.map((s) => s.people).join(',')}`
        )
      }
      await sleep(250)
    }
  }

  /** One-way IPC delays (parent to peer) on the shared clock: all ≥ 0 if the clocks agree. */
  async clockCheck(): Promise<number[]> {
    const delays: number[] = []
    for (const peer of this.peers) {
      const sentAt = now()
      const reply = await peer.request<Extract<Reply, { receivedAt: number }>>({ type: 'ping', sentAt })
      delays.push(reply.receivedAt - sentAt)
    }
    return delays
  }

  /** CPU the peer processes use together over `ms` of quiet, in % of one core. */
  async idleCpu(ms = 2_000): Promise<number> {
    const before = await this.statuses()
    await sleep(ms)
    return cpuPercent(before, await this.statuses())
  }

  /** `edits` measured edits (after `warmup` unmeasured ones), senders taking turns. */
  async latency(edits: number, warmup: number, label: string): Promise<LatencyResult> {
    const n = this.peers.length
    const result: LatencyResult = { perReceiver: [], toEveryone: [], lost: 0, cpuPercent: NaN }
    const before = await this.statuses()
    for (let i = 0; i < warmup + edits; i++) {
      const sender = this.peers[i % n]!
      const added = await sender.request<Extract<Reply, { noteId: string | null }>>({
        type: 'add',
        text: `Edit ${label} #${i}`
      })
      if (!added.noteId) throw new Error(`peer ${sender.index + 1} could not add a note`)
      const noteId = added.noteId
      try {
        const times = await this.waitFor(
          () => {
            const byPeer = this.seen.get(noteId)
            return byPeer && byPeer.size >= n - 1 ? byPeer : undefined
          },
          10_000,
          `every peer to see edit #${i}`
        )
        if (i >= warmup) {
          const delays = [...times.values()].map((at) => at - added.startedAt)
          result.perReceiver.push(...delays)
          result.toEveryone.push(Math.max(...delays))
        }
      } catch (error) {
        if (this.failure()) throw error
        if (i >= warmup) result.lost++
      }
      this.seen.delete(noteId)
      // Edits apart, at no fixed rhythm, so none waits behind another or locks onto a timer.
      await sleep(25 + Math.random() * 50)
    }
    result.cpuPercent = cpuPercent(before, await this.statuses())
    return result
  }

  /** Every peer adds `perPeer` notes as fast as it can, all starting together. */
  async burst(perPeer: number, label: string, timeoutMs = 60_000): Promise<BurstResult> {
    const prefix = `Burst ${label}`
    const total = perPeer * this.peers.length
    const before = await this.statuses()
    try {
      const replies = await Promise.all(
        this.peers.map((peer) =>
          peer.request<Extract<Reply, { doneAt: number }>>({ type: 'burst', count: perPeer, prefix, total }, timeoutMs)
        )
      )
      const firstStart = Math.min(...replies.map((reply) => reply.startedAt))
      const after = await this.statuses()
      return {
        cpuMs: after.reduce((sum, status, i) => sum + status.cpuMs - before[i]!.cpuMs, 0),
        ms: Math.max(...replies.map((reply) => reply.doneAt)) - firstStart,
        addingMs: Math.max(...replies.map((reply) => reply.ownDoneAt)) - firstStart,
        complete: true
      }
    } catch (error) {
      if (this.failure()) throw error
      const statuses = await this.statuses()
      return { ms: timeoutMs, addingMs: NaN, complete: false, cpuMs: NaN, held: statuses.map((status) => status.notes) }
    }
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.peers.map((peer) => peer.stop()))
  }
}

/** A y-websocket relay in its own process, on loopback. */
export interface Relay {
  url: string
  implementation: string
  /** CPU the relay process has used so far, in ms. */
  cpuMs(): Promise<number>
  stop(): Promise<void>
}

export async function startRelay(): Promise<Relay> {
  const child = spawn(process.execPath, ['--import', 'tsx', RELAY_SCRIPT], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const { port, implementation } = await new Promise<{ port: number; implementation: string }>((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`the relay exited (${code})`)))
  })
  return {
    url: `ws://127.0.0.1:${port}`,
    implementation,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        child.once('message', (message: { cpuMs: number }) => resolve(message.cpuMs))
        child.send({ type: 'cpu' })
      }),
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
      await exited
      clearTimeout(timer)
    }
  }
}

/**
 * The host's signaling hub logs every connection it refuses or closes; keep those lines out
 * of the benchmark's output, but keep them, as they say why a mesh did not form.
 */
export function captureSignalingLog(): string[] {
  const lines: string[] = []
  const original = console.log.bind(console)
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[signaling]')) lines.push(args.join(' '))
    else original(...args)
  }
  return lines
}

/** CPU used by all peers between two rounds of statuses, in % of one core. */
function cpuPercent(before: PeerStatus[], after: PeerStatus[]): number {
  const used = after.reduce((sum, status, i) => sum + status.cpuMs - before[i]!.cpuMs, 0)
  const elapsed = median(after.map((status, i) => status.at - before[i]!.at))
  return (100 * used) / elapsed
}

export const load = () => loadavg()[0]!.toFixed(2)

export function summary(samples: readonly number[]): { median: number; p95: number } {
  return { median: median(samples), p95: percentile(samples, 95) }
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`
