/**
 * What one participant's laptop spends taking in a reveal of 300 notes, in the document: the
 * host's one change applied to the laptop's board, and the board's snapshot rebuilt, with the
 * app's workshop model over it (issue 10: "bring the laptop's share down"). Anonymous mode
 * against anonymity off: in anonymous mode the editing models work on an anonymous copy
 * (renderer/src/crdt/anonymousCopy.ts), which takes in every change a second time.
 *
 * Each run is a fresh process, as a browser tab meeting its first big change is: most of this
 * cost is code run for the first time. The board also has an `update` listener, as the hub
 * provider gives it in the app (Yjs then encodes every change it takes in). Not counted: the
 * link (decoding frames), React's render.
 *
 * BENCH_RUNS (default 7) runs of each mode, alternating.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { DOC_KEYS, NOTE_FIELDS, REVEAL_ORDER } from '../../shared/board'
import { TEMPLATES } from '../../shared/templates'
import { FLOW_FIELDS } from '../../shared/workshopMeta'
import { createWorkshopModel } from '../../renderer/src/crdt/workshopModel'
import { median } from './stats'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const NOTES = 300
type Mode = 'anonymous' | 'named'

/** One laptop, in this process: returns the CPU and wall milliseconds of taking in the reveal. */
function laptopTakesInReveal(mode: Mode): { cpuMs: number; wallMs: number } {
  const facilitator = new Y.Doc()
  createWorkshopModel(facilitator, { template: TEMPLATES['core-values'], hostNow: Date.now, privateDoc: new Y.Doc() })
  facilitator.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.anonymous, mode === 'anonymous')
  const laptop = new Y.Doc()
  Y.applyUpdate(laptop, Y.encodeStateAsUpdate(facilitator))
  laptop.on('update', () => undefined)
  const model = createWorkshopModel(laptop, { template: undefined, hostNow: Date.now, privateDoc: new Y.Doc() })
  // A participant's screen, live: in anonymous mode its notes and clusters go to the host as patches.
  model.patchBoardThrough({ patchBoard: () => 0, onPatchWritten: () => () => undefined })
  const snapshots = model.editing.getSnapshot().board.snapshots
  snapshots.subscribe(() => undefined)

  // The host writes everyone's notes as one change.
  const columnId = [...facilitator.getMap(DOC_KEYS.columns).keys()][0]!
  const before = Y.encodeStateVector(facilitator)
  facilitator.transact(() => {
    for (let i = 0; i < NOTES; i++) {
      const fields: Array<[string, unknown]> = [
        [NOTE_FIELDS.text, `Note ${i}: call the customer back the same day`],
        [NOTE_FIELDS.colour, 'yellow'],
        [NOTE_FIELDS.columnId, columnId],
        [NOTE_FIELDS.order, REVEAL_ORDER]
      ]
      facilitator.getMap(DOC_KEYS.notes).set(`note-${i}`, new Y.Map<unknown>(fields))
    }
  })
  const reveal = Y.encodeStateAsUpdate(facilitator, before)

  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  Y.applyUpdate(laptop, reveal, 'hub')
  const shown = Object.keys(snapshots.getSnapshot().notes).length
  const wallMs = performance.now() - start
  const cpu = process.cpuUsage(cpuBefore)
  if (shown !== NOTES) throw new Error(`the laptop shows ${shown} notes, not ${NOTES}`)
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs }
}

const child = process.argv[2] as Mode | undefined
if (child) {
  process.stdout.write(JSON.stringify(laptopTakesInReveal(child)))
} else {
  const script = fileURLToPath(import.meta.url)
  const samples: Record<Mode, Array<{ cpuMs: number; wallMs: number }>> = { anonymous: [], named: [] }
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['anonymous', 'named'] as const) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', script, mode], { encoding: 'utf8' })
      if (result.status !== 0) throw new Error(result.stderr)
      samples[mode].push(JSON.parse(result.stdout) as { cpuMs: number; wallMs: number })
    }
  }
  const describe = (values: number[]) =>
    `median ${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)} – ${Math.max(...values).toFixed(1)})`
  console.log(`A laptop takes in a ${NOTES}-note reveal, fresh process each run, ${RUNS} runs each:`)
  for (const mode of ['anonymous', 'named'] as const) {
    console.log(`  ${mode}: CPU ${describe(samples[mode].map((s) => s.cpuMs))}, wall ${describe(samples[mode].map((s) => s.wallMs))}`)
  }
  const ratio = median(samples.anonymous.map((s) => s.cpuMs)) / median(samples.named.map((s) => s.cpuMs))
  console.log(`  anonymous / named CPU: ${ratio.toFixed(2)}×`)
}
