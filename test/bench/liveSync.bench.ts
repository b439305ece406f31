/**
 * Live sync, edit to screen, with real peers on this machine (loopback only):
 * - peer-to-peer, as the app does it: a real live session (SessionManager, its join check
 *   and signaling hub), and N peer processes that each join with the code and sync the board
 *   over WebRTC (@roamhq/wrtc) through the app's joinLiveDoc;
 * - the same peers and measurements through a y-websocket relay (one server Y.Doc per room),
 *   so the ratio peer-to-peer / relay is on record.
 * For N = 2, 5, 10 (peers join the same room in steps): one peer adds a note through the
 * addNote intent, every other peer notes when its board snapshot holds it; 50 edits, the
 * senders taking turns, after N unmeasured warm-up edits. Then a burst: each of the 10
 * peers adds 50 notes as fast as it can; time until every peer holds all 500 (target < 2 s).
 * See liveHarness.ts and livePeer.ts for how it is measured.
 *
 * BENCH_EDITS changes the number of edits per N; BENCH_TRANSPORTS=webrtc or =relay runs one.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SessionManager } from '../../electron/host/sessionManager'
import {
  captureSignalingLog,
  load,
  Mesh,
  ms,
  startRelay,
  summary,
  type Relay,
  type BurstResult,
  type LatencyResult,
  type Target
} from './liveHarness'
import { report } from './stats'

const SIZES = [2, 5, 10]
const EDITS = Number(process.env.BENCH_EDITS ?? 50)
const BURST_NOTES_PER_PEER = 50
const TRANSPORTS = (process.env.BENCH_TRANSPORTS ?? 'webrtc,relay').split(',') as Array<'webrtc' | 'relay'>
/** Stops the whole benchmark (peers stop themselves when their parent goes). */
const TIME_BUDGET_MS = 240_000

const watchdog = setTimeout(() => {
  console.error(`liveSync.bench: still running after ${TIME_BUDGET_MS / 1000} s; stopping`)
  process.exit(1)
}, TIME_BUDGET_MS)
watchdog.unref()

const signalingLog = captureSignalingLog()
const rendererDir = await mkdtemp(join(tmpdir(), 'bench-live-sync-'))

interface TransportResults {
  implementation: string
  latency: Map<number, LatencyResult>
  burst?: BurstResult
}
const results = new Map<string, TransportResults>()

async function run(transport: 'webrtc' | 'relay'): Promise<void> {
  let sessions: SessionManager | undefined
  let relay: Relay | undefined
  let mesh: Mesh | undefined
  const label = transport === 'webrtc' ? 'P2P (y-webrtc)' : 'Relay (y-websocket)'
  try {
    let target: Target
    if (transport === 'webrtc') {
      sessions = new SessionManager({ rendererDir, port: 0, bindAddress: '127.0.0.1' })
      const live = await sessions.goLive('bench-live-sync', 'Live sync benchmark')
      target = { transport, origin: `http://127.0.0.1:${live.port}`, code: live.code }
    } else {
      relay = await startRelay()
      target = { transport, relayUrl: relay.url, room: 'bench-live-sync' }
    }
    mesh = new Mesh(target)
    const mine: TransportResults = { implementation: '', latency: new Map() }
    results.set(transport, mine)
    for (const n of SIZES) {
      const startMs = await mesh.grow(n)
      const settled = await mesh.settle()
      mine.implementation = mesh.implementation + (relay ? `; server: ${relay.implementation}` : '')
      if (n === SIZES[0]) {
        const delays = await mesh.clockCheck()
        if (Math.min(...delays) < 0) throw new Error(`the peers' clocks disagree: IPC delays ${delays.join(', ')} ms`)
        console.log(`Clock check: parent-to-peer IPC takes ${delays.map((d) => ms(d)).join(', ')} (≥ 0: one clock; not in the latencies)`)
      }
      const idle = await mesh.idleCpu()
      console.log(
        `${label}, ${n} peers: started in ${(startMs / 1000).toFixed(1)} s, connected in ${(settled.ms / 1000).toFixed(1)} s ` +
          `(connections per peer: ${[...new Set(settled.degrees)].join('/')}` +
          `${settled.missingLinks ? `; ${settled.missingLinks} links never connected, their updates go through others` : ''}); idle CPU of the peers ${idle.toFixed(0)}% of a core; load ${load()}`
      )
      const relayBefore = relay ? { cpu: await relay.cpuMs(), at: performance.now() } : undefined
      const latency = await mesh.latency(EDITS, Math.max(4, n), `${transport} n=${n}`)
      const relayShare = relayBefore
        ? `, the relay ${((100 * ((await relay!.cpuMs()) - relayBefore.cpu)) / (performance.now() - relayBefore.at)).toFixed(0)}%`
        : ''
      mine.latency.set(n, latency)
      report(`${label}, ${n} peers, edit to one peer's screen`, latency.perReceiver)
      report(`${label}, ${n} peers, edit to every peer's screen`, latency.toEveryone)
      console.log(`  CPU while editing (% of one core): the peers ${latency.cpuPercent.toFixed(0)}%${relayShare}; load ${load()}`)
      if (latency.lost) console.log(`  ${latency.lost} edits did not reach every peer within 10 s`)
    }
    const n = mesh.size
    const relayCpuBefore = await relay?.cpuMs()
    const burst = await mesh.burst(BURST_NOTES_PER_PEER, transport)
    const relayCpu = relay ? `, the relay ${(((await relay.cpuMs()) - relayCpuBefore!) / 1000).toFixed(1)} s` : ''
    mine.burst = burst
    console.log(
      burst.complete
        ? `${label}, burst: ${n} peers × ${BURST_NOTES_PER_PEER} notes, all ${n * BURST_NOTES_PER_PEER} on every screen in ${ms(burst.ms)} ` +
            `(adding alone: ${ms(burst.addingMs)}); target < 2000 ms; CPU used: the peers ${(burst.cpuMs / 1000).toFixed(1)} s (${(burst.cpuMs / n / 1000).toFixed(2)} s each)${relayCpu}; load ${load()}`
        : `${label}, burst: not complete after ${burst.ms} ms; notes held per peer: ${burst.held!.join(', ')}`
    )
  } catch (error) {
    console.error(`${label}: stopped: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  } finally {
    await mesh?.close()
    await relay?.stop()
    await sessions?.close()
  }
}

for (const transport of TRANSPORTS) await run(transport)
await rm(rendererDir, { recursive: true, force: true })

const p2p = results.get('webrtc')
const relayed = results.get('relay')
if (p2p && relayed) {
  console.log('\n| peers | P2P median | P2P p95 | relay median | relay p95 | P2P / relay (median) |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const n of SIZES) {
    const a = p2p.latency.get(n)
    const b = relayed.latency.get(n)
    if (!a?.perReceiver.length || !b?.perReceiver.length) continue
    const x = summary(a.perReceiver)
    const y = summary(b.perReceiver)
    console.log(`| ${n} | ${ms(x.median)} | ${ms(x.p95)} | ${ms(y.median)} | ${ms(y.p95)} | ${(x.median / y.median).toFixed(2)} |`)
  }
  if (p2p.burst?.complete && relayed.burst?.complete) {
    console.log(
      `| burst 10 × 50 | ${ms(p2p.burst.ms)} | | ${ms(relayed.burst.ms)} | | ${(p2p.burst.ms / relayed.burst.ms).toFixed(2)} |`
    )
  }
  console.log(`P2P: ${p2p.implementation}. Relay: ${relayed.implementation}.`)
}
if (signalingLog.length) {
  console.log(`The signaling hub logged ${signalingLog.length} lines; the last ones:`)
  for (const line of signalingLog.slice(-10)) console.log(`  ${line}`)
}
clearTimeout(watchdog)
