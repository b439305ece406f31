/** How a person finds and handles things on a board, shared by the end-to-end specs. */
import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Creates a workshop from the library and waits for it to open. The generic board specs use
 * the journey map, whose facilitator can fill the map's cells from the first stage on;
 * "columns" there are its cells ("Attract, Touchpoints").
 */
export async function createWorkshop(page: Page, { template, title }: { template: RegExp; title?: string }): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).click()
  const dialog = page.getByRole('dialog', { name: 'New workshop' })
  await dialog.getByRole('radio', { name: template }).check()
  if (title !== undefined) await dialog.getByRole('textbox', { name: 'Title' }).fill(title)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog).toBeHidden()
  if (title !== undefined) await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
}

export function column(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title })
}
export function noteIn(page: Page, columnTitle: string, text: string): Locator {
  return column(page, columnTitle).getByRole('listitem').filter({ hasText: text })
}
export async function addNote(page: Page, columnTitle: string, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: `New note in ${columnTitle}` })
  // A journey-map cell opens its text box on request (scrolled to first, as the map scrolls within itself).
  const opener = page.getByRole('button', { name: `Add a note to ${columnTitle}` })
  if ((await opener.count()) > 0) {
    await opener.scrollIntoViewIfNeeded()
    await opener.click()
  }
  await input.fill(text)
  await input.press('Enter')
  await expect(noteIn(page, columnTitle, text)).toBeVisible()
}
export async function noteTexts(page: Page, columnTitle: string): Promise<string[]> {
  return column(page, columnTitle).getByRole('listitem').evaluateAll((items) =>
    items.map((item) => item.querySelector('[data-note-text]')?.textContent ?? '')
  )
}
/**
 * Drags a note by its text, where a person takes hold of it (not its buttons), into `target`:
 * its middle, or for a tall target (a full journey cell) near its top, where a person aims
 * rather than at the screen's edge, which scrolls the board.
 */
export async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  // As a person would, first bring the note into view (a full cell scrolls within itself).
  await source.locator('[data-note-text]').scrollIntoViewIfNeeded()
  const from = await source.locator('[data-note-text]').boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('drag source or target is not on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  // Several small steps: dnd-kit starts a drag only after the pointer has moved 5 px.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 60), { steps: 20 })
  await page.mouse.up()
}

/** One of this person's silent-brainstorm notes, in their private list. */
export const privateNote = (page: Page, text: string): Locator =>
  page.getByRole('list', { name: 'Your private notes' }).getByRole('listitem', { name: text })

/** Writes a silent-brainstorm note (into the cell already picked, on a journey map) and sees it kept privately. */
export async function addPrivateNote(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'New private note' })
  await box.fill(text)
  await box.press('Enter')
  await expect(privateNote(page, text)).toBeVisible()
}

/** The heading of the stage bar: which stage the workshop is at on this screen. */
export const stageHeading = (page: Page): Locator =>
  page.getByRole('region', { name: 'Workshop stage' }).getByRole('heading', { level: 2 })

/** The facilitator's "Next: <stage>". */
export const nextStage = (facilitator: Page, stage: string): Promise<void> =>
  facilitator.getByRole('button', { name: `Next: ${stage}` }).click()

/** The facilitator takes a journey map to the stage where everyone maps: on through the brainstorm (which reveals). */
export async function startMapping(facilitator: Page): Promise<void> {
  await nextStage(facilitator, 'Silent brainstorm')
  await nextStage(facilitator, 'Map the journey')
  await expect(stageHeading(facilitator)).toHaveText(/Map the journey/)
}

/** A note moved with the keyboard only: focus it, Space, arrows, Space. */
export async function moveWithKeyboard(page: Page, note: Locator, arrows: string[]): Promise<void> {
  await note.focus()
  await page.keyboard.press('Space')
  await expect(page.getByText(/Picked up note/)).toBeAttached()
  // dnd-kit's keyboard sensor starts listening one timer tick after pick-up.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve))')
  for (const arrow of arrows) await page.keyboard.press(arrow)
  await page.keyboard.press('Space')
}
