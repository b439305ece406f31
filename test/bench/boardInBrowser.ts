/**
 * A big board in Chromium, in host mode, for the render and drag benchmarks (board.bench.ts,
 * journeyMap.bench.ts): the workshop is created through the contract and its document saved
 * as the app saves it, then opened as a facilitator opens it.
 *
 * - first render: from navigation start to the board on screen: every list of notes counts
 *   all its notes, and shows as many as its view has room for;
 * - frame times while dragging a note with the mouse, the frames dropped (over 20 ms), and
 *   the pick-up hitch: the longest frame in the half second after the pointer move that
 *   starts the drag (the lifted card shows at once; measuring the board stalls the frames after it).
 */
import type { Locator, Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { INVOKE_ROUTE } from '../../shared/contract'
import type { TemplateId } from '../../shared/templates'
import { toWire } from '../../shared/wire'
import { startHostApp } from '../e2e/hostProcess'
import { launchChromium } from './browser'

export interface BoardInBrowser {
  page: Page
  /** Opens the board afresh: navigation, then the first render. */
  open(): Promise<void>
  close(): Promise<void>
}

export async function boardInBrowser(doc: Y.Doc, template: TemplateId, title: string): Promise<BoardInBrowser> {
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
  const created = await call('library', 'create', [{ template, title }])
  await call('docs', 'save', [created.value.id, Y.encodeStateAsUpdate(doc)])
  return {
    page,
    async open() {
      await page.goto(`${origin}/#/workshop/${created.value.id}`)
      await page.reload()
    },
    async close() {
      await browser.close()
      await app.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}

/**
 * True once the board on screen is complete: every list of notes in the window shows its
 * notes (a list may mount only those near its view, and a journey-map cell far out of the
 * map's view none; either leaves a gap of their height), filled to its bottom or to its last
 * note. With `total`, the lists' counts (each note says how many its list holds) must also
 * add up to it: a board whose lists are all on screen.
 */
const boardShown = (total: number | null) => `(() => {
  const lists = [...document.querySelectorAll('[role="list"][aria-label^="Notes in"]')]
  let counted = 0
  let shown = 0
  for (const list of lists) {
    const box = list.getBoundingClientRect()
    const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth
    const notes = list.querySelectorAll(':scope > [data-note-id]')
    if (notes.length === 0) {
      if (onScreen && list.querySelector(':scope > .column__gap')) return false
      continue
    }
    const size = Number(notes[0].getAttribute('aria-setsize') ?? notes.length)
    counted += size
    shown++
    const filled = notes[notes.length - 1].getBoundingClientRect().bottom >= box.bottom
    if (onScreen && !filled && notes.length < size) return false
  }
  return shown > 0 && ${total === null ? 'true' : `counted >= ${total}`}
})()`

/**
 * Milliseconds from navigation start until the board is on screen, once per run; with
 * `total`, until all of its notes are counted too.
 */
export async function firstRenders(board: BoardInBrowser, total: number | null, runs: number): Promise<number[]> {
  const renders: number[] = []
  for (let run = 0; run < runs; run++) {
    await board.open()
    renders.push(
      (await board.page.evaluate(
        `new Promise((resolve) => {
          const check = () => ${boardShown(total)} ? resolve(performance.now()) : requestAnimationFrame(check)
          check()
        })`
      )) as number
    )
  }
  return renders
}

export interface Drag {
  note: Locator
  /** Where the pointer goes: a point inside this element. */
  target: Locator
  /** How far below the target's top edge the pointer lets go. */
  offsetY: number
}

/** Frame intervals over every drag, and each drag's pick-up hitch. Every drag must end in a drop. */
export async function dragFrames(page: Page, drags: readonly Drag[]): Promise<{ frames: number[]; pickUps: number[] }> {
  const frames: number[] = []
  const pickUps: number[] = []
  for (const { note, target, offsetY } of drags) {
    const noteText = await note.getAttribute('aria-label')
    const from = (await note.boundingBox())!
    const to = (await target.boundingBox())!
    // The drag starts on the first pointer move 5 px from the press (the board's activation distance).
    await page.evaluate(`window.__frames = []; window.__recording = true; window.__activated = null; window.__pickUp = 0;
      addEventListener('pointerdown', (down) => {
        const onMove = (move) => {
          if (Math.hypot(move.clientX - down.clientX, move.clientY - down.clientY) < 5) return
          window.__activated = move.timeStamp
          removeEventListener('pointermove', onMove, true)
        }
        addEventListener('pointermove', onMove, true)
      }, { capture: true, once: true });
      (function tick(last) { requestAnimationFrame((now) => {
        if (last) window.__frames.push(now - last)
        if (last && window.__activated !== null && now > window.__activated && now - window.__activated < 500) {
          window.__pickUp = Math.max(window.__pickUp, now - last)
        }
        if (window.__recording) tick(now)
      }) })()`)
    await page.mouse.move(from.x + from.width / 2, from.y + 10)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 })
    await page.mouse.move(to.x + to.width / 2, to.y + offsetY, { steps: 60 })
    await page.mouse.up()
    frames.push(...((await page.evaluate('window.__recording = false; window.__frames')) as number[]))
    pickUps.push((await page.evaluate('window.__pickUp')) as number)
    // Frames of a drag that never started would flatter the numbers.
    await page.getByText(`Dropped note “${noteText}”`).waitFor({ state: 'attached', timeout: 5_000 })
  }
  return { frames, pickUps }
}
