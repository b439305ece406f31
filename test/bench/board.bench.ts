/**
 * A board of 1,000 notes in Chromium, in host mode (the core-values board while clustering):
 * first render (target < 500 ms) and frame times while dragging a note across columns with
 * the mouse (target p95 < 16.7 ms, give or take vsync jitter: no dropped frames), with the
 * frames dropped and the pick-up hitch (see boardInBrowser.ts).
 */
import * as Y from 'yjs'
import { BENCH_BOARD } from './benchBoard'
import { addNote, seedBoard } from '../../renderer/src/crdt/intents'
import { columnsOf, metaOf } from '../../renderer/src/crdt/boardDoc'
import { FLOW_FIELDS } from '../../shared/workshopMeta'
import { boardInBrowser, dragFrames, firstRenders } from './boardInBrowser'
import { percentile, report } from './stats'

const NOTES = Number(process.env.BENCH_NOTES ?? 1_000)
const RENDERS = 7
const DRAGS = 5

const doc = new Y.Doc()
seedBoard(doc, BENCH_BOARD)
// The board is on screen, and its notes move, while the group clusters.
metaOf(doc).set(FLOW_FIELDS.stage, 'cluster')
const columnIds = [...columnsOf(doc).keys()]
for (let i = 0; i < NOTES; i++) addNote(doc, columnIds[i % columnIds.length]!, `Idea ${i}: own the problem until it is solved`)

const board = await boardInBrowser(doc, 'core-values', 'Benchmark board')
const renders = await firstRenders(board, NOTES, RENDERS)
const { page } = board
const { frames, pickUps } = await dragFrames(
  page,
  Array.from({ length: DRAGS }, (_, run) => ({
    // Notes near the top of the first column: on screen below the stage bar.
    note: page.locator('section.column').first().locator('[data-note-id]').nth(run),
    target: page.locator('section.column').nth((run % 2) + 1),
    offsetY: 200
  }))
)
await board.close()

report(`Board of ${NOTES} notes, first render`, renders, 'ms', '< 500 ms')
report(`Board of ${NOTES} notes, frame time while dragging`, frames, 'ms', 'p95 < 16.7 ms (plus vsync jitter)')
console.log(
  `Frames dropped while dragging (over 20 ms): ${frames.filter((f) => f > 20).length} of ${frames.length}; ` +
    `p99 ${percentile(frames, 99).toFixed(1)} ms, longest ${Math.max(...frames).toFixed(1)} ms`
)
report(`Board of ${NOTES} notes, pick-up hitch (longest frame)`, pickUps, 'ms', 'no dropped frame')
