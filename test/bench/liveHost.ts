/**
 * The facilitator's host for the live benchmarks, in its own process so that its CPU
 * (process.cpuUsage: the hub, the signaling hub, its WebRTC peer's @roamhq/wrtc threads, the
 * sealed WebSocket links, the saves) is measured apart from the laptops' and from the
 * benchmark's bookkeeping. It runs what the desktop app's main process runs for a live
 * session: a SessionManager bound to 127.0.0.1, each session's board stored by a real
 * DocsService in a temporary data folder (as electron/services/handlers.ts wires goLive).
 *
 * Everything the host logs ([signaling], [hub], warnings, errors) goes to the parent as
 * 'log' messages: the benchmarks report it, as it says why a laptop was refused or cut off.
 * Driven over IPC by liveHarness.ts (startHost).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { format } from 'node:util'
import { HubRoom } from '../../electron/host/hubRoom'
import { SessionManager } from '../../electron/host/sessionManager'
import { DocsService } from '../../electron/services/docs.service'
import { liveBoardStorage } from '../../electron/services/handlers'
import { cpuMs } from './stats'

export type ToHost =
  | { type: 'goLive'; seq: number; workshopId: string; title: string }
  | { type: 'end'; seq: number; workshopId: string }
  | { type: 'cpu'; seq: number }
  | { type: 'stats'; seq: number }
  | { type: 'stop' }

export interface HostSession {
  /** http://127.0.0.1:port */
  origin: string
  code: string
  room: string
  /** The facilitator's ticket (FacilitatorSession.ticket). */
  ticket: string
  hostKey: string
}

/** What the host has done so far: for CPU per step, messages per edit, memory. */
export interface HostStats {
  cpuMs: number
  /** Frames the hub has handed to laptops' links (every kind of message, after fragmenting). */
  frames: number
  bytes: number
  /** Resident memory now, in bytes. */
  rss: number
}

export type FromHost =
  | { type: 'ready' }
  | { type: 'log'; level: 'log' | 'warn' | 'error'; line: string }
  | { type: 'reply'; seq: number; session: HostSession }
  | { type: 'reply'; seq: number; cpuMs: number }
  | { type: 'reply'; seq: number; stats: HostStats }
  | { type: 'reply'; seq: number; error: string }

const send = (message: FromHost) => {
  if (process.connected) process.send!(message)
}
for (const level of ['log', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => send({ type: 'log', level, line: format(...args) })
}

// Counts what the hub sends, from outside: every link it attaches is wrapped on the way in.
let framesSent = 0
let bytesSent = 0
const attach = HubRoom.prototype.attach
HubRoom.prototype.attach = function (this: HubRoom, link, role, ticket) {
  const counted = {
    kind: link.kind,
    send(frame: Uint8Array) {
      framesSent++
      bytesSent += frame.byteLength
      link.send(frame)
    },
    close: (reason: string) => link.close(reason)
  }
  return attach.call(this, counted, role, ticket)
}

const dataDir = await mkdtemp(join(tmpdir(), 'bench-live-host-'))
/** The participant's page, for a benchmark that joins one in Chromium (BENCH_RENDERER_DIR: the built renderer); else an empty folder. */
const rendererDir = process.env.BENCH_RENDERER_DIR ?? (await mkdtemp(join(tmpdir(), 'bench-live-renderer-')))
const docs = new DocsService(dataDir)
const sessions = new SessionManager({ rendererDir, port: 0, bindAddress: '127.0.0.1' })

async function goLive(workshopId: string, title: string): Promise<HostSession> {
  const live = await sessions.goLive(workshopId, title, liveBoardStorage(docs, workshopId))
  return { origin: `http://127.0.0.1:${live.port}`, code: live.code, room: live.room, ticket: live.ticket, hostKey: live.hostKey }
}

process.on('message', (message: ToHost) => {
  const fail = (seq: number) => (error: unknown) => send({ type: 'reply', seq, error: error instanceof Error ? error.message : String(error) })
  switch (message.type) {
    case 'goLive':
      goLive(message.workshopId, message.title).then((session) => send({ type: 'reply', seq: message.seq, session }), fail(message.seq))
      break
    case 'end':
      sessions.end(message.workshopId).then(() => send({ type: 'reply', seq: message.seq, cpuMs: cpuMs() }), fail(message.seq))
      break
    case 'cpu':
      send({ type: 'reply', seq: message.seq, cpuMs: cpuMs() })
      break
    case 'stats':
      send({ type: 'reply', seq: message.seq, stats: { cpuMs: cpuMs(), frames: framesSent, bytes: bytesSent, rss: process.memoryUsage.rss() } })
      break
    case 'stop':
      void stop()
      break
  }
})

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  setTimeout(() => process.exit(1), 5_000).unref()
  try {
    await sessions.close()
    await docs.flush()
  } finally {
    await rm(dataDir, { recursive: true, force: true })
    if (!process.env.BENCH_RENDERER_DIR) await rm(rendererDir, { recursive: true, force: true })
    process.exit(0)
  }
}
process.on('disconnect', () => void stop())
process.on('uncaughtException', (error) => {
  console.error('uncaught in the host:', error)
})
// Never outlive a benchmark that lost track of this process.
setTimeout(() => process.exit(1), 20 * 60_000).unref()

send({ type: 'ready' })
