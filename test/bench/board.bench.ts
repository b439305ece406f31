/**
 * A board of 1,000 notes in Chromium, in host mode:
 * - first render: from navigation start to every note on screen (target < 500 ms);
 * - frame times while dragging a note across columns with the mouse (target p95 < 16.7 ms).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { TEMPLATES } from '../../shared/templates'
import { toWire } from '../../shared/wire'
import { INVOKE_ROUTE } from '../../shared/contract'
import { addNote, seedColumns } from '../../renderer/src/crdt/intents'
import { columnsOf } from '../../renderer/src/crdt/boardDoc'
import { startHostApp } from '../e2e/hostProcess'
import { launchChromium } from './browser'
import { percentile, report } from './stats'

const NOTES = Number(process.env.BENCH_NOTES ?? 1_000)
const RENDERS = 7
const DRAGS = 5

const doc = new Y.Doc()
seedColumns(doc, TEMPLATES['core-values'])
const columnIds = [...columnsOf(doc).keys()]
for (let i = 0; i < NOTES; i++) addNote(doc, columnIds[i % columnIds.length]!, `Idea ${i}: own the problem until it is solved`)

const dataDir = await mkdtemp(join(tmpdir(), 'bench-board-'))
const app = await startHostApp(dataDir)
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
await page.goto(app.url)
const origin = new URL(app.url).origin
const call = async (namespace: string, name: string, args: unknown[]) => {
  const response = await page.request.post(`${origin}${INVOKE_ROUTE}`, {
    headers: { 'content-type': 'application/json', origin },
    data: toWire({ namespace, name, args })
  })
  return JSON.parse(await response.text()) as { ok: boolean; value: { id: string } }
}
const created = await call('library', 'create', [{ template: 'core-values', title: 'Benchmark board' }])
await call('docs', 'save', [created.value.id, Y.encodeStateAsUpdate(doc)])

const renders: number[] = []
for (let run = 0; run < RENDERS; run++) {
  await page.goto(`${origin}/#/workshop/${created.value.id}`)
  await page.reload()
  renders.push(
    await page.evaluate(
      `new Promise((resolve) => {
        const check = () => document.querySelectorAll('[data-note-id]').length >= ${NOTES} ? resolve(performance.now()) : requestAnimationFrame(check)
        check()
      })`
    )
  )
}

const frames: number[] = []
for (let run = 0; run < DRAGS; run++) {
  const note = page.locator('[data-note-id]').nth(run * 3)
  const target = page.getByRole('region').nth((run % 2) + 1)
  const from = (await note.boundingBox())!
  const to = (await target.boundingBox())!
  await page.evaluate(`window.__frames = []; window.__recording = true;
    (function tick(last) { requestAnimationFrame((now) => { if (last) window.__frames.push(now - last); if (window.__recording) tick(now) }) })()`)
  await page.mouse.move(from.x + from.width / 2, from.y + 10)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 })
  await page.mouse.move(to.x + to.width / 2, to.y + 200, { steps: 60 })
  await page.mouse.up()
  frames.push(...((await page.evaluate('window.__recording = false; window.__frames')) as number[]))
}

await browser.close()
await app.stop()
await rm(dataDir, { recursive: true, force: true })

report(`Board of ${NOTES} notes, first render`, renders, 'ms', '< 500 ms')
report(`Board of ${NOTES} notes, frame time while dragging`, frames, 'ms', 'p95 < 16.7 ms')
console.log(`Frames over 16.7 ms while dragging: ${frames.filter((f) => f > 16.7).length} of ${frames.length}; p99 ${percentile(frames, 99).toFixed(1)} ms`)
