/**
 * How many peers one live session holds before edit-to-screen latency doubles (against 2
 * peers). Peers join one real live session in steps (2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 50),
 * each its own process on its own loopback address, as in liveSync.bench.ts; at each step,
 * once the mesh has settled, 50 edits (senders taking turns; 100 for 2 peers) give the median.
 * A step whose median looks doubled is measured again and judged on both runs together. It
 * stops at the first step whose median is at least twice the 2-peer median, or when the machine
 * cannot start or connect more peers (a peer fails, or the mesh does not settle within
 * 60 s), or when the next step would not fit the time budget. It says which.
 *
 * BENCH_CAPACITY_PAST_DOUBLING=1 keeps going past the doubling, to find where the machine
 * stops; BENCH_TRANSPORTS=relay measures the y-websocket relay instead of the P2P mesh.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { SessionManager } from '../../electron/host/sessionManager'
import { captureSignalingLog, load, Mesh, ms, now, startRelay, summary, type Relay, type Target } from './liveHarness'

const STEPS = [2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 50]
const EDITS = Number(process.env.BENCH_EDITS ?? 50)
const PAST_DOUBLING = process.env.BENCH_CAPACITY_PAST_DOUBLING === '1'
const TRANSPORT = process.env.BENCH_TRANSPORTS === 'relay' ? 'relay' : 'webrtc'
/** No new step starts after this; the watchdog below ends a step that runs away. */
const TIME_BUDGET_MS = 150_000
const HARD_LIMIT_MS = 240_000

const watchdog = setTimeout(() => {
  console.error(`liveCapacity.bench: still running after ${HARD_LIMIT_MS / 1000} s; stopping`)
  process.exit(1)
}, HARD_LIMIT_MS)
watchdog.unref()

const signalingLog = captureSignalingLog()
const rendererDir = await mkdtemp(join(tmpdir(), 'bench-live-capacity-'))
const label = TRANSPORT === 'webrtc' ? 'P2P (y-webrtc)' : 'Relay (y-websocket)'
let sessions: SessionManager | undefined
let relay: Relay | undefined
let target: Target
if (TRANSPORT === 'webrtc') {
  sessions = new SessionManager({ rendererDir, port: 0, bindAddress: '127.0.0.1' })
  const live = await sessions.goLive('bench-live-capacity', 'Capacity benchmark')
  target = { transport: TRANSPORT, origin: `http://127.0.0.1:${live.port}`, code: live.code }
} else {
  relay = await startRelay()
  target = { transport: TRANSPORT, relayUrl: relay.url, room: 'bench-live-capacity' }
}
const mesh = new Mesh(target)
const started = now()
let baseline: number | undefined
let doubledAt: string | undefined
let stopReason = `reached the last step (${STEPS.at(-1)} peers)`
let lastStepMs = 0
const rows: string[] = []

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
    const startMs = await mesh.grow(n)
    const settled = await mesh.settle()
    const idle = await mesh.idleCpu()
    const warmup = Math.max(4, Math.min(n, 10))
    // The 2-peer median is the yardstick: measured twice as long.
    const latency = await mesh.latency(baseline === undefined ? 2 * EDITS : EDITS, warmup, `capacity n=${n}`)
    let ratio = summary(latency.perReceiver).median / (baseline ?? summary(latency.perReceiver).median)
    if (ratio >= 2 && doubledAt === undefined) {
      // A few-millisecond median is easily doubled by a burst of load from elsewhere on the
      // machine: measure the step again and decide on both runs together.
      const again = await mesh.latency(EDITS, 0, `capacity n=${n} again`)
      latency.perReceiver.push(...again.perReceiver)
      latency.toEveryone.push(...again.toEveryone)
      latency.lost += again.lost
      latency.cpuPercent = (latency.cpuPercent + again.cpuPercent) / 2
    }
    const one = summary(latency.perReceiver)
    const all = summary(latency.toEveryone)
    baseline ??= one.median
    ratio = one.median / baseline
    const degrees = [...settled.degrees].sort((a, b) => a - b)
    const mesh_ = settled.fullMesh
      ? 'full'
      : settled.missingLinks
        ? `${settled.missingLinks} of ${(n * (n - 1)) / 2} links never connected`
        : `partial (${degrees[0]}–${degrees.at(-1)} per peer)`
    rows.push(
      `| ${n} | ${ms(one.median)} | ${ms(one.p95)} | ${ms(all.median)} | ${ms(all.p95)} | ${ratio.toFixed(2)} | ` +
        `${(settled.ms / 1000).toFixed(1)} s, ${mesh_} | ${idle.toFixed(0)}% | ${latency.cpuPercent.toFixed(0)}% | ${latency.lost} |`
    )
    console.log(
      `${n} peers: edit to one screen median ${ms(one.median)}, p95 ${ms(one.p95)}; to every screen median ${ms(all.median)}, p95 ${ms(all.p95)}; ` +
        `×${ratio.toFixed(2)} of 2 peers; started in ${(startMs / 1000).toFixed(1)} s, connected in ${(settled.ms / 1000).toFixed(1)} s (${mesh_}); ` +
        `peers' CPU idle ${idle.toFixed(0)}%, while editing ${latency.cpuPercent.toFixed(0)}% of a core; load ${load()}` +
        (latency.lost ? `; ${latency.lost} edits not everywhere within 10 s` : '')
    )
    lastStepMs = now() - stepStarted
    if (ratio >= 2 && doubledAt === undefined) {
      doubledAt = `${n} peers (×${ratio.toFixed(2)} of the 2-peer median)`
      stopReason = `the median doubled`
      if (!PAST_DOUBLING) break
    }
  } catch (error) {
    stopReason = `the machine could not run ${n} peers: ${error instanceof Error ? error.message : String(error)}`
    break
  }
}

console.log(`The median first doubled at: ${doubledAt ?? `no step up to ${rows.length ? 'the last one run' : 'any'}`}.`)
console.log(`Stopped: ${stopReason}.`)
console.log(
  '\n| peers | one screen median | p95 | every screen median | p95 | × 2 peers | connect, mesh | peers idle CPU | peers CPU editing | lost |'
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
if (signalingLog.length) {
  console.log(`The signaling hub logged ${signalingLog.length} lines; the last ones:`)
  for (const line of signalingLog.slice(-10)) console.log(`  ${line}`)
}
await mesh.close()
await relay?.stop()
await sessions?.close()
await rm(rendererDir, { recursive: true, force: true })
clearTimeout(watchdog)
