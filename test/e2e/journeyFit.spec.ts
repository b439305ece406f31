/**
 * The journey map on a 1366×768 or 1280×720 laptop with the live panel open, as a facilitator
 * shows it to the room: "Fit to screen" brings every stage into view and the map fills the window below
 * the facilitator's bar, and the lane labels never cover a note when the map scrolls sideways.
 */
import type { Locator, Page } from '@playwright/test'
import { addNote, createWorkshop, noteIn, startMapping } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'
import { goLive } from './livePage'

const STAGES = ['Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Exit']

/** Whether the element at the centre of `target`, as the browser hit-tests it, is `target` or inside it. */
function isOnTopAtItsCentre(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const hit = element.ownerDocument.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return hit !== null && element.contains(hit)
  })
}

/**
 * The texts of the notes whose centres are in view (inside the window and every scrolled box
 * around the note: its cell, the map, the page) but that something else covers there.
 */
function coveredNotes(page: Page): Promise<string[]> {
  return page.getByRole('group', { name: 'Employee journey map' }).evaluate((map) => {
    const page = map.ownerDocument
    const window = page.defaultView!
    return [...map.querySelectorAll('[data-note-id]')].flatMap((note) => {
      const box = note.getBoundingClientRect()
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      let inView = x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight
      for (let around = note.parentElement; inView && around; around = around.parentElement) {
        if (window.getComputedStyle(around).overflow === 'visible') continue
        const edges = around.getBoundingClientRect()
        inView = x >= edges.left && x <= edges.right && y >= edges.top && y <= edges.bottom
      }
      if (!inView) return []
      const hit = page.elementFromPoint(x, y)
      return hit !== null && note.contains(hit) ? [] : [note.querySelector('[data-note-text]')?.textContent ?? '']
    })
  })
}

/** A fitted note's four actions take one line, as symbols that keep their names. */
async function expectActionsOnOneLine(note: Locator): Promise<void> {
  await note.hover()
  await expect(note.getByRole('button', { name: 'Move to…' })).toBeVisible()
  const tops = await note.getByRole('button').evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)))
  expect(tops).toHaveLength(4)
  expect(new Set(tops).size, `rows of the note's actions (their tops: ${tops.join(', ')})`).toBe(1)
}

// The usual laptop, and a 720p projector (or laptop), where the live panel gives the board more room.
for (const { width, height } of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 }
]) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } })

    test(`on a ${width}×${height} laptop with the live panel open, Fit shows all six stages and lane labels never cover a note`, async ({
      page,
      hostApp
    }, testInfo) => {
      await page.goto(hostApp.url)
      await createWorkshop(page, { template: /Employee journey map/, title: 'Onboarding review' })
      // Notes in the first two stages: the ones that slide towards the lane labels when the map scrolls.
      for (const stage of STAGES.slice(0, 2)) {
        await addNote(page, `${stage}, Touchpoints`, `${stage}: first contact`)
        await addNote(page, `${stage}, Moments that matter`, `${stage}: the moment`)
      }
      const done = page.getByRole('button', { name: 'Done', exact: true })
      while ((await done.count()) > 0) await done.first().click()
      const { panel } = await goLive(page)
      await expect(panel).toBeVisible()
      await startMapping(page)

      const map = page.getByRole('group', { name: 'Employee journey map' })
      const stageHeader = (stage: string) => map.getByRole('heading', { level: 3, name: stage, exact: true })

      // Scrolled sideways a little at a time, the first stages' notes pass where the lane labels are.
      for (let left = 0; left <= 480; left += 40) {
        await map.evaluate((element, to) => element.scrollTo({ left: to }), left)
        expect(await coveredNotes(page), `notes covered at ${left} px scrolled`).toEqual([])
      }
      await map.evaluate((element) => element.scrollTo({ left: 120 }))
      await saveScreenshot(page, testInfo, `journey-${width}-scrolled`)

      const fit = page.getByRole('button', { name: 'Fit to screen' })
      await fit.click()
      await expect(fit).toHaveAttribute('aria-pressed', 'true')
      for (const stage of STAGES) {
        await expect(stageHeader(stage)).toBeInViewport({ ratio: 1 })
        expect(await isOnTopAtItsCentre(stageHeader(stage)), `${stage}'s header is not covered`).toBe(true)
      }
      expect(await coveredNotes(page)).toEqual([])
      // The map fills the window under the facilitator's bar: two lanes in view, not one and a bit.
      const lanes = page.getByRole('group', { name: 'Lanes' })
      await expect(lanes.getByRole('heading', { level: 3, name: 'Moments that matter' })).toBeInViewport({ ratio: 1 })
      await expectActionsOnOneLine(noteIn(page, 'Attract, Touchpoints', 'Attract: first contact'))
      await saveScreenshot(page, testInfo, `journey-${width}-fit`)

      // Compact density stays on this device: after a reload the map opens compact and fitted.
      const compact = page.getByRole('button', { name: 'Compact' })
      await compact.click()
      await expect(compact).toHaveAttribute('aria-pressed', 'true')
      await expectActionsOnOneLine(noteIn(page, 'Attract, Touchpoints', 'Attract: first contact'))
      await saveScreenshot(page, testInfo, `journey-${width}-fit-compact`)
      await page.reload()
      await expect(page.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true')
      await expect(page.getByRole('button', { name: 'Fit to screen' })).toHaveAttribute('aria-pressed', 'true')

      // Leaving a note (focused, as after editing it) moves nothing: a click on the next cell's
      // "+ Add note" lands there, rather than on whatever slid under the pointer as the note shrank.
      await noteIn(page, 'Attract, Touchpoints', 'Attract: first contact').locator('[data-note-text]').click()
      await page.getByRole('button', { name: 'Add a note to Recruit, Touchpoints' }).click()
      await expect(page.getByRole('textbox', { name: 'New note in Recruit, Touchpoints' })).toBeFocused()
    })
  })
}
