/**
 * How many laptops one live session holds before edit-to-screen latency doubles (against 2
 * laptops). Laptops join one real live session on the facilitator's host (liveHost.ts, its
 * own process) in steps (2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 50), each its own process on
 * its own loopback address, as in liveSync.bench.ts; at each step, once every laptop is
 * linked and synced, 50 edits (senders taking turns; 100 for 2 laptops) give the median.
 * A step whose median looks doubled is measured again and judged on both runs together. It
 * stops at the first step whose median is at least twice the 2-laptop median, or when the
 * machine cannot start or link more laptops (a peer fails, or the room does not settle within
 * 60 s), or when the next step would not fit the time budget. It says which.
 *
 * BENCH_CAPACITY_PAST_DOUBLING=1 keeps going past the doubling, to find where the machine
 * stops; BENCH_TRANSPORTS=webrtc (default), websocket (participants link by the WebSocket),
 * or relay (a plain y-websocket relay, a yardstick). BENCH_STEPS changes the steps.
 */
import { cpus } from 'node:os'
import {
  describeLinks,
  LAPTOPS_PER_PROCESS,
  laptopsMs,
  load,
  ms,
  now,
  parseTransports,
  percentOfCore,
  Room,
  startHost,
  startRelay,
  summary,
  TRANSPORT_LABELS,
  type CpuUse,
  type Host,
  type Relay,
  type Target
} from './liveHarness'
import { median } from './stats'

const STEPS = (process.env.BENCH_STEPS ?? '2,3,4,5,10,15,20,25,30,40,50').split(',').map(Number)
const EDITS = Number(process.env.BENCH_EDITS ?? 50)
const PAST_DOUBLING = process.env.BENCH_CAPACITY_PAST_DOUBLING === '1'
const TRANSPORTS = parseTransports(process.env.BENCH_TRANSPORTS, ['webrtc'])
if (TRANSPORTS.length !== 1) throw new Error('liveCapacity.bench: BENCH_TRANSPORTS names one transport (webrtc, websocket or relay)')
const TRANSPORT = TRANSPORTS[0]!
/** No new step starts after this; the watchdog below ends a step that runs away. */
const TIME_BUDGET_MS = 150_000
const HARD_LIMIT_MS = 240_000

const watchdog = setTimeout(() => {
  console.error(`liveCapacity.bench: still running after ${HARD_LIMIT_MS / 1000} s; stopping`)
  process.exit(1)
}, HARD_LIMIT_MS)
watchdog.unref()

const label = TRANSPORT_LABELS[TRANSPORT]
const server = TRANSPORT === 'relay' ? 'relay' : 'host'
let host: Host | undefined
let relay: Relay | undefined
let target: Target
if (TRANSPORT === 'relay') {
  relay = await startRelay()
  target = { transport: TRANSPORT, relayUrl: relay.url, room: 'bench-live-capacity' }
} else {
  host = await startHost()
  target = { transport: 'hub', link: TRANSPORT, session: await host.goLive('bench-live-capacity', 'Capacity benchmark') }
}
const room = new Room(target, { server: host ?? relay, laptopsPerProcess: LAPTOPS_PER_PROCESS })
const started = now()
let baseline: number | undefined
let doubledAt: string | undefined
let stopReason = `reached the last step (${STEPS.at(-1)} laptops)`
let lastStepMs = 0
const rows: string[] = []

/** "12% / 1.4% / 3%": all laptops, the median participant's laptop, the server; in % of one core. */
function rates(cpu: CpuUse): string {
  const pct = (value: number) => `${percentOfCore(value, cpu.elapsedMs).toFixed(percentOfCore(value, cpu.elapsedMs) < 10 ? 1 : 0)}%`
  return `${pct(laptopsMs(cpu))} / ${pct(median(cpu.perLaptopMs.slice(1)))} / ${pct(cpu.serverMs)}`
}

console.log(`${label} capacity on ${cpus().length} cores; ${EDITS} edits per step`)
for (const n of STEPS) {
  const elapsed = now() - started
  // A step costs more than the one before it; do not start one that will not fit.
  if (elapsed + lastStepMs * 1.5 > TIME_BUDGET_MS) {
    stopReason = `time budget: ${Math.round(elapsed / 1000)} s used, the step to ${n} peers would take ~${Math.round((lastStepMs * 1.5) / 1000)} s more`
    break
  }
  const stepStarted = now()
  try {
    const startMs = await room.grow(n)
    const settled = await room.settle()
    const idle = await room.idleCpu()
    const warmup = Math.max(4, Math.min(n, 10))
    // The 2-peer median is the yardstick: measured twice as long.
    const latency = await room.latency(baseline === undefined ? 2 * EDITS : EDITS, warmup, `capacity n=${n}`)
    let ratio = summary(latency.perReceiver).median / (baseline ?? summary(latency.perReceiver).median)
    if (ratio >= 2 && doubledAt === undefined) {
      // A few-millisecond median is easily doubled by a burst of load from elsewhere on the
      // machine: measure the step again and decide on both runs together.
      const again = await room.latency(EDITS, 0, `capacity n=${n} again`)
      latency.perReceiver.push(...again.perReceiver)
      latency.toEveryone.push(...again.toEveryone)
      latency.lost += again.lost
    }
    const one = summary(latency.perReceiver)
    const all = summary(latency.toEveryone)
    baseline ??= one.median
    ratio = one.median / baseline
    const links = `${describeLinks(settled.links)}${settled.fellBack ? ` (${settled.fellBack} fell back from WebRTC)` : ''}`
    rows.push(
      `| ${n} | ${ms(one.median)} | ${ms(one.p95)} | ${ms(all.median)} | ${ms(all.p95)} | ${ratio.toFixed(2)} | ` +
        `${(settled.ms / 1000).toFixed(1)} s, ${links} | ${rates(idle)} | ${rates(latency.cpu)} | ${latency.lost} |`
    )
    console.log(
      `${n} laptops: edit to one screen median ${ms(one.median)}, p95 ${ms(one.p95)}; to every screen median ${ms(all.median)}, p95 ${ms(all.p95)}; ` +
        `×${ratio.toFixed(2)} of 2 laptops; started in ${(startMs / 1000).toFixed(1)} s, linked and synced in ${(settled.ms / 1000).toFixed(1)} s (${links}); ` +
        `CPU (all laptops / median participant / ${server}, % of a core) idle ${rates(idle)}, while editing ${rates(latency.cpu)}; load ${load()}` +
        (latency.lost ? `; ${latency.lost} edits not everywhere within 10 s` : '')
    )
    lastStepMs = now() - stepStarted
    if (ratio >= 2 && doubledAt === undefined) {
      doubledAt = `${n} laptops (×${ratio.toFixed(2)} of the 2-laptop median)`
      stopReason = `the median doubled`
      if (!PAST_DOUBLING) break
    }
  } catch (error) {
    stopReason = `the machine could not run ${n} laptops: ${error instanceof Error ? error.message : String(error)}`
    break
  }
}

console.log(`The median first doubled at: ${doubledAt ?? `no step up to ${rows.length ? 'the last one run' : 'any'}`}.`)
console.log(`Stopped: ${stopReason}.`)
console.log(
  `\n| laptops | one screen median | p95 | every screen median | p95 | × 2 laptops | linked in, links | CPU idle: laptops / participant / ${server} | CPU editing: laptops / participant / ${server} | lost |`
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
await room.close()
await relay?.stop()
await host?.stop()
if (host?.log.length) {
  console.log(`The host logged ${host.log.length} lines; the last ones:`)
  for (const line of host.log.slice(-10)) console.log(`  ${line.slice(0, 400)}`)
}
clearTimeout(watchdog)
