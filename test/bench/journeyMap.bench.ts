/**
 * The largest journey map a workshop realistically makes, 8 stages × 6 lanes × 20 notes per
 * cell (960 notes), in Chromium, in host mode, at the mapping stage: first render until the
 * map on screen is complete (target < 500 ms), and frame times while dragging a note to
 * another cell with the mouse (target p95 < 16.7 ms, give or take vsync jitter), with the
 * frames dropped and the pick-up hitch (see boardInBrowser.ts).
 */
import * as Y from 'yjs'
import { TEMPLATES } from '../../shared/templates'
import { metaOf } from '../../renderer/src/crdt/boardDoc'
import { addNote, seedBoard } from '../../renderer/src/crdt/intents'
import { readJourneyLanes } from '../../renderer/src/crdt/journey'
import { readColumns } from '../../renderer/src/crdt/boardDoc'
import { FLOW_FIELDS } from '../../shared/workshopMeta'
import { boardInBrowser, dragFrames, firstRenders } from './boardInBrowser'
import { percentile, report } from './stats'

const STAGES = ['Attract', 'Recruit', 'Onboard', 'Develop', 'Grow', 'Retain', 'Exit', 'Alumni']
const PER_CELL = Number(process.env.BENCH_NOTES_PER_CELL ?? 20)
const RENDERS = 7
const DRAGS = 6

const doc = new Y.Doc()
seedBoard(doc, { ...TEMPLATES['journey-map'], columns: STAGES })
metaOf(doc).set(FLOW_FIELDS.stage, 'map')
const stages = readColumns(doc)
const lanes = readJourneyLanes(doc)
let notes = 0
for (const stage of stages) {
  for (const lane of lanes) {
    for (let i = 0; i < PER_CELL; i++) addNote(doc, stage.id, `${stage.title} / ${lane.title} ${i + 1}: laptop not ready`, undefined, lane.id)
    notes += PER_CELL
  }
}

const board = await boardInBrowser(doc, 'journey-map', 'Benchmark journey map')
// Only the cells near the map's view mount notes: the map is on screen when they show theirs.
const renders = await firstRenders(board, null, RENDERS)
const { page } = board
// Across to the next stage, in the first lane: the part of the map on screen when it opens.
const cell = (stage: number, lane: number) => page.getByRole('region', { name: `${STAGES[stage]}, ${lanes[lane]!.title}`, exact: true })
const { frames, pickUps } = await dragFrames(
  page,
  Array.from({ length: DRAGS }, (_, run) => ({
    note: cell(run % 4, 0).locator('[data-note-id]').first(),
    target: cell((run % 4) + 1, 0),
    offsetY: 60
  }))
)
await board.close()

report(`Journey map of ${notes} notes, first render`, renders, 'ms', '< 500 ms')
report(`Journey map of ${notes} notes, frame time while dragging`, frames, 'ms', 'p95 < 16.7 ms (plus vsync jitter)')
console.log(
  `Frames dropped while dragging (over 20 ms): ${frames.filter((f) => f > 20).length} of ${frames.length}; ` +
    `p99 ${percentile(frames, 99).toFixed(1)} ms, longest ${Math.max(...frames).toFixed(1)} ms`
)
report(`Journey map of ${notes} notes, pick-up hitch (longest frame)`, pickUps, 'ms', 'no dropped frame')
