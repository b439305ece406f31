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
  // A journey-map cell opens its text box on request.
  const opener = page.getByRole('button', { name: `Add a note to ${columnTitle}` })
  if (await opener.isVisible()) await opener.click()
  await input.fill(text)
  await input.press('Enter')
  await expect(noteIn(page, columnTitle, text)).toBeVisible()
}
export async function noteTexts(page: Page, columnTitle: string): Promise<string[]> {
  return column(page, columnTitle).getByRole('listitem').evaluateAll((items) =>
    items.map((item) => item.querySelector('[data-note-text]')?.textContent ?? '')
  )
}
export async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('drag source or target is not on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  // Several small steps: dnd-kit starts a drag only after the pointer has moved 5 px.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
  await page.mouse.up()
}

/** The facilitator takes a journey map to the stage where everyone maps: on through the brainstorm (which reveals). */
export async function startMapping(facilitator: Page): Promise<void> {
  await facilitator.getByRole('button', { name: 'Next: Silent brainstorm' }).click()
  await facilitator.getByRole('button', { name: 'Next: Map the journey' }).click()
  await expect(facilitator.getByRole('region', { name: 'Workshop stage' }).getByRole('heading', { level: 2 })).toHaveText(/Map the journey/)
}
