/**
 * Live sync, edit to screen, with real laptops on this machine (loopback only): a real live
 * session on the facilitator's host (liveHost.ts, its own process) and N peer processes
 * (livePeer.ts): the facilitator's window, linked by the WebSocket with its ticket, and N−1
 * participants that each join with the code and link to the host's hub through the app's
 * joinLiveDoc,
 * - by WebRTC (@roamhq/wrtc), as a browser links first ("webrtc");
 * - by the sealed WebSocket, as a browser does where WebRTC cannot open ("websocket");
 * - and, as a yardstick, the same board synced through a plain y-websocket relay that checks
 *   and seals nothing ("relay").
 * For N = 2, 5, 10 (laptops join the same room in steps): one laptop adds a note through the
 * addNote intent, every other laptop notes when its board snapshot holds it; 50 edits, the
 * senders taking turns, after N unmeasured warm-up edits. Then a burst: each of the 10
 * laptops adds 50 notes as fast as it can; time until every laptop holds all 500 (target
 * < 2 s). CPU: each laptop's and the host's (or relay's) own process.cpuUsage().
 * See liveHarness.ts and livePeer.ts for how it is measured.
 *
 * (Before the star, this compared the app's y-webrtc full mesh with the relay. The mesh is gone
 * from the app, and the session's signaling now introduces laptops to the host only, so the
 * mesh cannot run any more; its figures stay in BENCHMARKS.md.)
 *
 * BENCH_EDITS changes the number of edits per N; BENCH_TRANSPORTS (default
 * webrtc,websocket,relay) which links run, in that order; BENCH_SIZES (default 2,5,10) the
 * room sizes, the last one also the burst's (BENCH_BURST=0: no burst); BENCH_LAPTOPS_PER_PROCESS (default 1) groups the
 * participants' laptops that many to a process (for rooms of 100). The host counts the frames it
 * sends (liveHost.ts): per edit, and per edit and receiving laptop.
 */
import {
  describeCpu,
  describeCpuRate,
  describeHostTraffic,
  describeLinks,
  LAPTOPS_PER_PROCESS,
  load,
  ms,
  parseTransports,
  Room,
  startHost,
  startRelay,
  summary,
  TRANSPORT_LABELS,
  type BurstResult,
  type Host,
  type LatencyResult,
  type Relay,
  type Target,
  type TransportName
} from './liveHarness'
import { report } from './stats'

const SIZES = (process.env.BENCH_SIZES ?? '2,5,10').split(',').map(Number)
const EDITS = Number(process.env.BENCH_EDITS ?? 50)
const BURST_NOTES_PER_PEER = 50
const TRANSPORTS = parseTransports(process.env.BENCH_TRANSPORTS, ['webrtc', 'websocket', 'relay'])
/** Stops the whole benchmark (peers stop themselves when their parent goes). */
const BURST = process.env.BENCH_BURST !== '0'
const TIME_BUDGET_MS = (100_000 + 1_500 * Math.max(...SIZES)) * TRANSPORTS.length

const watchdog = setTimeout(() => {
  console.error(`liveSync.bench: still running after ${TIME_BUDGET_MS / 1000} s; stopping`)
  process.exit(1)
}, TIME_BUDGET_MS)
watchdog.unref()

interface TransportResults {
  implementation: string
  latency: Map<number, LatencyResult>
  burst?: BurstResult
}
const results = new Map<TransportName, TransportResults>()
const hostLog: string[] = []

async function run(transport: TransportName): Promise<void> {
  let host: Host | undefined
  let relay: Relay | undefined
  let room: Room | undefined
  const label = TRANSPORT_LABELS[transport]
  const server = transport === 'relay' ? 'relay' : 'host'
  try {
    let target: Target
    if (transport === 'relay') {
      relay = await startRelay()
      target = { transport, relayUrl: relay.url, room: 'bench-live-sync' }
    } else {
      host = await startHost()
      target = { transport: 'hub', link: transport, session: await host.goLive('bench-live-sync', 'Live sync benchmark') }
    }
    room = new Room(target, { server: host ?? relay, laptopsPerProcess: LAPTOPS_PER_PROCESS })
    const mine: TransportResults = { implementation: '', latency: new Map() }
    results.set(transport, mine)
    for (const n of SIZES) {
      const startMs = await room.grow(n)
      const settled = await room.settle()
      mine.implementation = room.implementation + (relay ? `; server: ${relay.implementation}` : '')
      if (n === SIZES[0]) {
        const delays = await room.clockCheck()
        if (Math.min(...delays) < 0) throw new Error(`the peers' clocks disagree: IPC delays ${delays.join(', ')} ms`)
        console.log(`Clock check: parent-to-peer IPC takes ${delays.map((d) => ms(d)).join(', ')} (≥ 0: one clock; not in the latencies)`)
      }
      const idle = await room.idleCpu()
      console.log(
        `${label}, ${n} laptops: started in ${(startMs / 1000).toFixed(1)} s, linked and synced in ${(settled.ms / 1000).toFixed(1)} s ` +
          `(links: ${describeLinks(settled.links)}${settled.fellBack ? `; ${settled.fellBack} fell back from WebRTC` : ''}; ` +
          `${room.processes} processes); idle CPU: ${describeCpuRate(idle, server)}; load ${load()}` +
          (Number.isNaN(idle.serverFrames) ? '' : `; idle host: ${((1000 * idle.serverFrames) / idle.elapsedMs).toFixed(0)} frames/s, RSS ${(idle.serverRss / 2 ** 20).toFixed(0)} MiB`)
      )
      const warmup = Math.max(4, n)
      const latency = await room.latency(EDITS, warmup, `${transport} n=${n}`)
      mine.latency.set(n, latency)
      report(`${label}, ${n} laptops, edit to one laptop's screen`, latency.perReceiver)
      report(`${label}, ${n} laptops, edit to every laptop's screen`, latency.toEveryone)
      console.log(`  CPU while editing: ${describeCpuRate(latency.cpu, server)}; load ${load()}`)
      if (!Number.isNaN(latency.cpu.serverFrames)) {
        const perEdit = latency.cpu.serverFrames / (EDITS + warmup)
        console.log(
          `  host while editing: ${describeHostTraffic(latency.cpu)}; ${perEdit.toFixed(1)} frames per edit ` +
            `(${(perEdit / (n - 1)).toFixed(2)} per receiving laptop; presence and keep-alives included)`
        )
      }
      if (latency.lost) console.log(`  ${latency.lost} edits did not reach every laptop within 10 s`)
    }
    const n = room.size
    if (!BURST) return
    const burst = await room.burst(BURST_NOTES_PER_PEER, transport)
    mine.burst = burst
    console.log(
      burst.complete
        ? `${label}, burst: ${n} laptops × ${BURST_NOTES_PER_PEER} notes, all ${n * BURST_NOTES_PER_PEER} on every screen in ${ms(burst.ms)} ` +
            `(adding alone: ${ms(burst.addingMs)}); target < 2000 ms; CPU: ${describeCpu(burst.cpu!, server)}; load ${load()}` +
            (Number.isNaN(burst.cpu!.serverFrames) ? '' : `; ${describeHostTraffic(burst.cpu!)}`)
        : `${label}, burst: not complete after ${burst.ms} ms; notes held per laptop: ${burst.held!.join(', ')}`
    )
  } catch (error) {
    console.error(`${label}: stopped: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  } finally {
    await room?.close()
    await relay?.stop()
    await host?.stop()
    if (host) hostLog.push(...host.log.map((line) => `${transport}: ${line}`))
  }
}

for (const transport of TRANSPORTS) await run(transport)

const ran = TRANSPORTS.filter((transport) => results.get(transport)?.latency.size)
if (ran.length > 1) {
  console.log(`\n| laptops | ${ran.map((t) => `${t} median | ${t} p95`).join(' | ')} |`)
  console.log(`| --- | ${ran.map(() => '--- | ---').join(' | ')} |`)
  for (const n of SIZES) {
    const cells = ran.map((t) => {
      const samples = results.get(t)!.latency.get(n)?.perReceiver ?? []
      if (!samples.length) return ' | '
      const { median, p95 } = summary(samples)
      return `${ms(median)} | ${ms(p95)}`
    })
    console.log(`| ${n} | ${cells.join(' | ')} |`)
  }
  const bursts = ran.map((t) => results.get(t)!.burst)
  if (BURST) console.log(`| burst ${SIZES.at(-1)} × ${BURST_NOTES_PER_PEER} | ${bursts.map((b) => (b?.complete ? `${ms(b.ms)} | ` : 'incomplete | ')).join(' | ')} |`)
  for (const t of ran) console.log(`${t}: ${results.get(t)!.implementation}.`)
}
if (hostLog.length) {
  console.log(`The host logged ${hostLog.length} lines; the last ones:`)
  for (const line of hostLog.slice(-10)) console.log(`  ${line.slice(0, 400)}`)
}
clearTimeout(watchdog)
