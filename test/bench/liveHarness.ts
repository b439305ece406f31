/**
 * The parent's side of the live benchmarks: starts the host (liveHost.ts) and peer processes
 * (livePeer.ts or workshopPeer.ts), waits until every laptop is linked to the host's hub and
 * synced, and measures edit-to-screen latency and bursts, with the CPU each process used.
 * Each peer is one "laptop": its own process and its own loopback address (127.0.x.y), so
 * the session's per-address limits (join attempts, signaling and sync connections) apply per
 * laptop, as in a real room. Peer 0 is the facilitator's window, on 127.0.0.1 (the host's own
 * machine), linked by the WebSocket with the facilitator's ticket as the app's window is.
 * For rooms of 100, participants' laptops may share processes (RoomOptions.laptopsPerProcess,
 * BENCH_LAPTOPS_PER_PROCESS): k laptops to a process and to a loopback address (see PeerChild).
 *
 * Latency: the sender takes its clock just before calling the addNote intent; each receiver
 * takes its clock when its board snapshot first holds the note. Both clocks are
 * process.hrtime (CLOCK_MONOTONIC, shared by every process on the machine); the parent only
 * subtracts, so IPC delays are not in the numbers. One edit at a time, then a random pause.
 *
 * CPU: every process reports its own process.cpuUsage() (all its threads, @roamhq/wrtc's
 * native ones included); the parent subtracts readings taken before and after a step.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { BENCH_BOARD } from './benchBoard'
import type { LinkKind } from './laptop'
import type { FromHost, HostSession, HostStats, ToHost } from './liveHost'
import type { FromPeer, PeerStatus, ToPeer } from './livePeer'
import { median, percentile } from './stats'
import type { FromWorkshopPeer, ToWorkshopPeer } from './workshopPeer'

export type { HostStats }

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
const PEER_SCRIPT = fileURLToPath(new URL('./livePeer.ts', import.meta.url))
/** The core-values workshop's peer (workshop.bench.ts), for RoomOptions.script. */
export const WORKSHOP_PEER_SCRIPT = fileURLToPath(new URL('./workshopPeer.ts', import.meta.url))
const HOST_SCRIPT = fileURLToPath(new URL('./liveHost.ts', import.meta.url))
const RELAY_SCRIPT = fileURLToPath(new URL('./liveRelayServer.ts', import.meta.url))
const COLUMNS = BENCH_BOARD.columns.length
/** The facilitator's window runs on the host's machine: it reaches the host over this address. */
const FACILITATOR_ADDRESS = '127.0.0.1'
/** How long the links must stay as they are before a room where some laptops fell back counts as settled. */
const STABLE_LINKS_MS = 3_000
/**
 * BENCH_PROFILE_DIR=/some/dir: every laptop, host and relay writes a V8 CPU profile there when it
 * exits. BENCH_PROFILE_INTERVAL_US samples less often than V8's 1,000 µs: 32 profilers sampling
 * every millisecond cost the 2-core machine ~1.5 cores of their own.
 */
const PROFILE_ARGS = process.env.BENCH_PROFILE_DIR
  ? [
      '--cpu-prof',
      `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`,
      ...(process.env.BENCH_PROFILE_INTERVAL_US ? [`--cpu-prof-interval=${Number(process.env.BENCH_PROFILE_INTERVAL_US)}`] : [])
    ]
  : []
/**
 * BENCH_LAPTOP_NODE_FLAGS: Node/V8 flags for the laptops' processes only, to take a cost apart
 * (e.g. `--no-opt`: what V8's optimizing compiler, on its own threads, adds to a laptop's CPU).
 * A diagnosis, not a measurement of the app: a browser runs with its own.
 */
const LAPTOP_FLAGS = process.env.BENCH_LAPTOP_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []

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

/**
 * One child process: one laptop, or (BENCH_LAPTOPS_PER_PROCESS > 1) several participants'
 * laptops sharing one event loop and one loopback address, as laptops behind one NAT share an
 * address. Each laptop in it is a PeerProcess; messages name their laptop by its index.
 */
class PeerChild {
  readonly child: ChildProcess
  log = ''
  exit: string | null = null
  readonly laptops = new Map<number, PeerProcess>()

  constructor(first: number, count: number, address: string, env: Record<string, string>, onExit: () => void, script: string) {
    this.child = spawn(process.execPath, [...PROFILE_ARGS, ...LAPTOP_FLAGS, '--import', 'tsx', script], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env, PEER_INDEX: String(first), LAPTOPS: String(count), LOCAL_ADDRESS: address },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    const keep = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-4000))
    this.child.stdout!.on('data', keep)
    this.child.stderr!.on('data', keep)
    this.child.on('message', (message: AnyFromPeer & { laptop?: number }) => {
      this.laptops.get(message.laptop ?? first)?.deliver(message)
    })
    // A send to a process that has just died fails with EPIPE: its exit says more.
    this.child.on('error', (error) => keep(Buffer.from(`\n[parent] ${error.message}`)))
    // 'close', not 'exit': by then its output has been read, and says why it stopped.
    this.child.on('close', (code, signal) => {
      const laptops = count > 1 ? `peers ${first + 1}–${first + count}` : `peer ${first + 1}`
      this.exit = `${laptops} exited (${signal ?? code}): ${this.log.trim().split('\n').slice(-6).join(' / ')}`
      onExit()
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

/** One laptop, in a process of its own or sharing one (PeerChild). */
export class PeerProcess {
  implementation = ''
  joined = false
  private seq = 0
  private readonly waiting = new Map<number, (reply: Reply) => void>()

  constructor(
    readonly index: number,
    readonly address: string,
    private readonly proc: PeerChild,
    private readonly onMessage: (peer: PeerProcess, message: AnyFromPeer) => void
  ) {
    proc.laptops.set(index, this)
  }

  get child(): ChildProcess {
    return this.proc.child
  }

  get log(): string {
    return this.proc.log
  }

  get exit(): string | null {
    return this.proc.exit
  }

  /** Laptops in this laptop's process (its CPU is shared out among them). */
  get processLaptops(): number {
    return this.proc.laptops.size
  }

  deliver(message: AnyFromPeer): void {
    if (message.type === 'reply') {
      const resolve = this.waiting.get(message.seq)
      this.waiting.delete(message.seq)
      resolve?.(message)
    }
    if (message.type === 'joined') {
      this.joined = true
      this.implementation = message.implementation
    }
    this.onMessage(this, message)
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
      this.child.send({ ...message, seq, laptop: this.index } as AnyToPeer & { laptop: number })
    })
  }

  /** Stops this laptop's process (with every laptop in it). */
  stop(): Promise<void> {
    return this.proc.stop()
  }
}

/**
 * What the laptops join: a live session's hub, each participant linked by `link`; or a plain
 * y-websocket relay (the yardstick).
 */
export type Target = { transport: 'hub'; link: LinkKind; session: HostSession } | { transport: 'relay'; relayUrl: string; room: string }

/** The transports the live benchmarks know, as BENCH_TRANSPORTS names them. */
export type TransportName = LinkKind | 'relay'

export function parseTransports(value: string | undefined, fallback: readonly TransportName[]): TransportName[] {
  const names = value ? value.split(',').map((name) => name.trim()) : [...fallback]
  for (const name of names) {
    if (name !== 'webrtc' && name !== 'websocket' && name !== 'relay') {
      throw new Error(`BENCH_TRANSPORTS: "${name}" is not one of webrtc, websocket, relay`)
    }
  }
  return names as TransportName[]
}

export const TRANSPORT_LABELS: Record<TransportName, string> = {
  webrtc: 'Hub, WebRTC links',
  websocket: 'Hub, WebSocket links',
  relay: 'Relay (y-websocket)'
}

export interface Settled {
  ms: number
  /** How many laptops are linked each way once settled (the facilitator's WebSocket included). */
  links: Partial<Record<NonNullable<PeerStatus['via']>, number>>
  /** Participants that were to link by WebRTC and are on the WebSocket (the provider fell back). */
  fellBack: number
}

export interface RoomOptions {
  /** The peer script: livePeer.ts unless given (WORKSHOP_PEER_SCRIPT). */
  script?: string
  /** How many columns every peer's board holds once synced: the bench board's unless given. */
  columns?: number
  /** How long a peer may take to answer a status request (10 s unless given). */
  replyTimeoutMs?: number
  /** The server whose CPU is measured with the laptops': the host, or the relay. */
  server?: { cpuMs(): Promise<number>; stats?(): Promise<HostStats> }
  /** Participants' laptops per process (the facilitator's is always alone): 1 unless given. */
  laptopsPerProcess?: number
}

/** BENCH_LAPTOPS_PER_PROCESS: participants' laptops per process (1 unless set). */
export const LAPTOPS_PER_PROCESS = Math.max(1, Number(process.env.BENCH_LAPTOPS_PER_PROCESS ?? 1))

/** CPU used between two readings, in ms of CPU. */
export interface CpuUse {
  /** Wall clock between the readings. */
  elapsedMs: number
  /** Each laptop's, in peer order (peer 0: the facilitator's). */
  perLaptopMs: number[]
  /** The host's (or the relay's) process; NaN without one. */
  serverMs: number
  /** Frames the host sent to laptops between the readings (NaN for a relay). */
  serverFrames: number
  /** Bytes in those frames. */
  serverBytes: number
  /** The host's resident memory at the second reading, in bytes (NaN for a relay). */
  serverRss: number
}

export const laptopsMs = (cpu: CpuUse) => cpu.perLaptopMs.reduce((sum, value) => sum + value, 0)
/** The participants' laptops (all but the facilitator's). */
export const participantsMs = (cpu: CpuUse) => cpu.perLaptopMs.slice(1)
/** CPU in % of one core over the reading's wall clock. */
export const percentOfCore = (cpuMs: number, elapsedMs: number) => (100 * cpuMs) / elapsedMs

const seconds = (value: number) => `${(value / 1000).toFixed(value < 1_000 ? 3 : value < 10_000 ? 2 : 1)} s`

/** "laptops 3.20 s (participant median 0.31 s, max 0.40 s; facilitator 0.20 s), host 0.50 s". */
export function describeCpu(cpu: CpuUse, server = 'host'): string {
  const participants = participantsMs(cpu)
  const each = participants.length
    ? `participant median ${seconds(median(participants))}, max ${seconds(Math.max(...participants))}; `
    : ''
  const serverPart = Number.isNaN(cpu.serverMs) ? '' : `, ${server} ${seconds(cpu.serverMs)}`
  return `laptops ${seconds(laptopsMs(cpu))} (${each}facilitator ${seconds(cpu.perLaptopMs[0] ?? NaN)})${serverPart}`
}

/** The same as % of one core: for idle rooms and steady editing. */
export function describeCpuRate(cpu: CpuUse, server = 'host'): string {
  const pct = (value: number) => `${percentOfCore(value, cpu.elapsedMs).toFixed(value > 0 && percentOfCore(value, cpu.elapsedMs) < 1 ? 1 : 0)}%`
  const participants = participantsMs(cpu)
  const each = participants.length ? `participant median ${pct(median(participants))}, max ${pct(Math.max(...participants))}; ` : ''
  const serverPart = Number.isNaN(cpu.serverMs) ? '' : `, ${server} ${pct(cpu.serverMs)}`
  return `laptops ${pct(laptopsMs(cpu))} of a core (${each}facilitator ${pct(cpu.perLaptopMs[0] ?? NaN)})${serverPart}`
}

export interface LatencyResult {
  /** One sample per (edit, receiver): edit to that receiver's screen. */
  perReceiver: number[]
  /** One sample per edit: edit to the last receiver's screen. */
  toEveryone: number[]
  lost: number
  /** CPU used during the run (pauses between edits included). */
  cpu: CpuUse
}

export interface BurstResult {
  /** From the first peer starting its burst to the last peer holding every burst note. */
  ms: number
  /** From the first start to the last peer done adding its own notes (the senders' side alone). */
  addingMs: number
  complete: boolean
  /** CPU used from the start until every peer was done (NaN fields when incomplete). */
  cpu?: CpuUse
  /** Burst notes each peer held, when incomplete. */
  held?: number[]
}

/** A room of peer processes on one target (a live session's hub, or a relay). */
export class Room {
  readonly peers: PeerProcess[] = []
  private readonly listeners = new Set<() => void>()
  private readonly messageListeners = new Set<(peer: PeerProcess, message: AnyFromPeer) => void>()
  private readonly seen = new Map<string, Map<number, number>>()
  private closed = false

  constructor(
    private readonly target: Target,
    private readonly options: RoomOptions = {}
  ) {}

  get size(): number {
    return this.peers.length
  }

  /** How the participants link (peer 0 is the facilitator's, which may link otherwise). */
  get implementation(): string {
    return this.peers.at(-1)?.implementation ?? ''
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

  private envFor(index: number): Record<string, string> {
    const t = this.target
    const seed = { SEED: index === 0 ? '1' : '0' }
    if (t.transport === 'relay') return { ...seed, TRANSPORT: 'relay', RELAY_URL: t.relayUrl, ROOM: t.room }
    const env = { ...seed, TRANSPORT: 'hub', LINK: t.link, SESSION_ORIGIN: t.session.origin, JOIN_CODE: t.session.code }
    // Only the facilitator's window holds the facilitator's ticket.
    return index === 0 ? { ...env, ROOM: t.session.room, FACILITATOR_TICKET: t.session.ticket, HOST_KEY: t.session.hostKey } : env
  }

  /**
   * Starts peers until there are `n`, all at once, and waits until each has joined. The
   * facilitator's laptop has a process of its own; participants' laptops are grouped
   * `laptopsPerProcess` to a process, each process on its own loopback address.
   */
  async grow(n: number, timeoutMs = 60_000): Promise<number> {
    const started = now()
    const fresh: PeerProcess[] = []
    const perProcess = this.options.laptopsPerProcess ?? 1
    while (this.peers.length < n) {
      const index = this.peers.length
      const count = index === 0 ? 1 : Math.min(perProcess, n - index)
      const address = index === 0 && this.target.transport === 'hub' ? FACILITATOR_ADDRESS : nextLaptopAddress()
      const proc = new PeerChild(index, count, address, this.envFor(index), this.notify, this.options.script ?? PEER_SCRIPT)
      for (let k = index; k < index + count; k++) {
        const peer = new PeerProcess(k, address, proc, this.receive)
        this.peers.push(peer)
        fresh.push(peer)
      }
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

  /** A CPU reading of every laptop and of the server, for cpuSince(). */
  async cpuReading(): Promise<CpuReading> {
    const server = this.options.server
    const [statuses, stats] = await Promise.all([
      this.statuses(),
      server?.stats ? server.stats() : server ? server.cpuMs().then((cpuMs) => ({ cpuMs, frames: NaN, bytes: NaN, rss: NaN })) : null
    ])
    return {
      at: now(),
      laptops: statuses.map((status) => status.cpuMs),
      serverMs: stats?.cpuMs ?? NaN,
      serverFrames: stats?.frames ?? NaN,
      serverBytes: stats?.bytes ?? NaN,
      serverRss: stats?.rss ?? NaN
    }
  }

  /** CPU used since `before` (laptops that joined since count from their start). */
  async cpuSince(before: CpuReading): Promise<CpuUse> {
    return cpuBetween(before, await this.cpuReading())
  }

  /**
   * Waits until every peer is linked, holds the board's columns and sees everyone present; a
   * room where some participants fell back from WebRTC to the WebSocket settles once the links
   * have stayed as they are for STABLE_LINKS_MS.
   */
  async settle(timeoutMs = 60_000): Promise<Settled> {
    const started = now()
    const n = this.peers.length
    const t = this.target
    const columns = this.options.columns ?? COLUMNS
    let lastLinks = ''
    let stableSince = now()
    for (;;) {
      const failed = this.failure()
      if (failed) throw failed
      const statuses = await this.statuses()
      const links: Settled['links'] = {}
      for (const status of statuses) if (status.via) links[status.via] = (links[status.via] ?? 0) + 1
      const synced = statuses.every((status) => status.via !== null && status.linked && status.columns === columns && status.people === n)
      const key = statuses.map((status) => status.via).join()
      if (key !== lastLinks) {
        lastLinks = key
        stableSince = now()
      }
      const fellBack = t.transport === 'hub' && t.link === 'webrtc' ? statuses.slice(1).filter((status) => status.via === 'websocket').length : 0
      if (synced && (fellBack === 0 || now() - stableSince > STABLE_LINKS_MS)) {
        return { ms: now() - started, links, fellBack }
      }
      if (now() - started > timeoutMs) {
        throw new Error(
          `the room of ${n} did not settle in ${timeoutMs} ms: links ${describeLinks(links)}, ` +
            `${statuses.filter((s) => s.via === null).length} not linked; ` +
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

  /** CPU the processes use over `ms` of quiet. */
  async idleCpu(ms = 2_000): Promise<CpuUse> {
    const before = await this.cpuReading()
    await sleep(ms)
    return this.cpuSince(before)
  }

  /** `edits` measured edits (after `warmup` unmeasured ones), senders taking turns. */
  async latency(edits: number, warmup: number, label: string): Promise<LatencyResult> {
    const n = this.peers.length
    const perReceiver: number[] = []
    const toEveryone: number[] = []
    let lost = 0
    const before = await this.cpuReading()
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
          perReceiver.push(...delays)
          toEveryone.push(Math.max(...delays))
        }
      } catch (error) {
        if (this.failure()) throw error
        if (i >= warmup) lost++
      }
      this.seen.delete(noteId)
      // Edits apart, at no fixed rhythm, so none waits behind another or locks onto a timer.
      await sleep(25 + Math.random() * 50)
    }
    return { perReceiver, toEveryone, lost, cpu: await this.cpuSince(before) }
  }

  /** Every peer adds `perPeer` notes as fast as it can, all starting together. */
  async burst(perPeer: number, label: string, timeoutMs = 60_000): Promise<BurstResult> {
    const prefix = `Burst ${label}`
    const total = perPeer * this.peers.length
    const before = await this.cpuReading()
    try {
      const replies = await Promise.all(
        this.peers.map((peer) =>
          peer.request<Extract<Reply, { doneAt: number }>>({ type: 'burst', count: perPeer, prefix, total }, timeoutMs)
        )
      )
      const firstStart = Math.min(...replies.map((reply) => reply.startedAt))
      return {
        cpu: await this.cpuSince(before),
        ms: Math.max(...replies.map((reply) => reply.doneAt)) - firstStart,
        addingMs: Math.max(...replies.map((reply) => reply.ownDoneAt)) - firstStart,
        complete: true
      }
    } catch (error) {
      if (this.failure()) throw error
      const statuses = await this.statuses()
      return { ms: timeoutMs, addingMs: NaN, complete: false, held: statuses.map((status) => status.notes) }
    }
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.peers.map((peer) => peer.stop()))
  }

  /** Processes the laptops run in. */
  get processes(): number {
    return new Set(this.peers.map((peer) => peer.child)).size
  }
}

export interface CpuReading {
  at: number
  laptops: number[]
  serverMs: number
  serverFrames: number
  serverBytes: number
  serverRss: number
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuUse {
  return {
    elapsedMs: after.at - before.at,
    perLaptopMs: after.laptops.map((value, i) => value - (before.laptops[i] ?? 0)),
    serverMs: after.serverMs - before.serverMs,
    serverFrames: after.serverFrames - before.serverFrames,
    serverBytes: after.serverBytes - before.serverBytes,
    serverRss: after.serverRss
  }
}

/** "host sent 3,012 frames (1.2 MB), RSS 180 MB"; empty for a relay. */
export function describeHostTraffic(cpu: CpuUse): string {
  if (Number.isNaN(cpu.serverFrames)) return ''
  return `host sent ${cpu.serverFrames} frames (${(cpu.serverBytes / 1e6).toFixed(2)} MB), host RSS ${(cpu.serverRss / 2 ** 20).toFixed(0)} MiB`
}

export function describeLinks(links: Settled['links']): string {
  const parts = Object.entries(links).map(([via, count]) => `${count} ${via}`)
  return parts.length ? parts.join(', ') : 'none'
}

/** The facilitator's host in its own process (liveHost.ts): a SessionManager on loopback, boards in a real DocsService. */
export interface Host {
  goLive(workshopId: string, title: string): Promise<HostSession>
  end(workshopId: string): Promise<void>
  /** CPU the host process has used so far, in ms. */
  cpuMs(): Promise<number>
  /** CPU so far, frames and bytes sent to laptops so far, and resident memory now. */
  stats(): Promise<HostStats>
  /** Everything the host logged so far, oldest first. */
  readonly log: string[]
  stop(): Promise<void>
}

export async function startHost(): Promise<Host> {
  const child = spawn(process.execPath, [...PROFILE_ARGS, '--import', 'tsx', HOST_SCRIPT], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const log: string[] = []
  const waiting = new Map<number, (message: Extract<FromHost, { type: 'reply' }>) => void>()
  let seq = 0
  let exited: string | null = null
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: FromHost) => {
      if (message.type === 'ready') resolve()
      if (message.type === 'log') log.push(message.level === 'log' ? message.line : `${message.level}: ${message.line}`)
      if (message.type === 'reply') {
        const settle = waiting.get(message.seq)
        waiting.delete(message.seq)
        settle?.(message)
      }
    })
    child.once('exit', (code, signal) => {
      exited = `the host exited (${signal ?? code})`
      reject(new Error(exited))
      for (const settle of waiting.values()) settle({ type: 'reply', seq: -1, error: exited })
      waiting.clear()
    })
  })
  await ready
  const request = <T>(message: ToHost extends infer M ? (M extends { seq: number } ? Omit<M, 'seq'> : never) : never, pick: (reply: never) => T) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error(exited))
      const id = ++seq
      waiting.set(id, (reply) => ('error' in reply ? reject(new Error(`host: ${reply.error}`)) : resolve(pick(reply as never))))
      child.send({ ...message, seq: id } as ToHost)
    })
  return {
    log,
    goLive: (workshopId, title) => request({ type: 'goLive', workshopId, title }, (reply: { session: HostSession }) => reply.session),
    end: (workshopId) => request({ type: 'end', workshopId }, () => undefined),
    cpuMs: () => request({ type: 'cpu' }, (reply: { cpuMs: number }) => reply.cpuMs),
    stats: () => request({ type: 'stats' }, (reply: { stats: HostStats }) => reply.stats),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      child.send({ type: 'stop' } satisfies ToHost)
      const timer = setTimeout(() => child.kill('SIGKILL'), 6_000)
      await gone
      clearTimeout(timer)
    }
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
  const child = spawn(process.execPath, [...PROFILE_ARGS, '--import', 'tsx', RELAY_SCRIPT], {
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

export const load = () => loadavg()[0]!.toFixed(2)

export function summary(samples: readonly number[]): { median: number; p95: number } {
  return { median: median(samples), p95: percentile(samples, 95) }
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`
