import type { Browser, Page } from '@playwright/test'
import { expect, saveScreenshot, startHostApp, test } from './fixtures'
import { addNote, column, createWorkshop, dragWithMouse, noteIn, noteTexts, stageHeading, startMapping } from './boardPage'
import { goLive } from './livePage'
import { expectNoSidewaysScroll, expectTappable, joinOnPhone, PHONE } from './phoneScreen'


test('a new user builds a board, and finds it exactly as left after the app restarts', async ({ page, hostApp, dataDir }, testInfo) => {
  await page.goto(hostApp.url)
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible()
  await saveScreenshot(page, testInfo, 'library-empty')

  await page.getByRole('button', { name: 'New workshop' }).click()
  const dialog = page.getByRole('dialog', { name: 'New workshop' })
  await dialog.getByRole('radio', { name: /Employee journey map/ }).check()
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Values offsite 2026')
  await saveScreenshot(page, testInfo, 'library-new-workshop-dialog')
  await dialog.getByRole('button', { name: 'Create' }).click()

  await expect(page.getByRole('heading', { name: 'Values offsite 2026', level: 1 })).toBeVisible()
  await startMapping(page)
  for (const title of ['Attract, Touchpoints', 'Recruit, Touchpoints', 'Onboard, Touchpoints']) await expect(column(page, title)).toBeVisible()

  await addNote(page, 'Attract, Touchpoints', 'Call the customer back the same day')
  await addNote(page, 'Attract, Touchpoints', 'Own the problem until it is solved')
  await addNote(page, 'Attract, Touchpoints', 'Say no to promises we cannot keep')

  // Mouse: the first note goes to Recruit.
  await dragWithMouse(page, noteIn(page, 'Attract, Touchpoints', 'Call the customer back'), column(page, 'Recruit, Touchpoints'))
  await expect(noteIn(page, 'Recruit, Touchpoints', 'Call the customer back')).toBeVisible()
  expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual(['Own the problem until it is solved', 'Say no to promises we cannot keep'])

  // Keyboard: focus a note, pick it up with Space, move right, drop with Space.
  const ownIt = noteIn(page, 'Attract, Touchpoints', 'Own the problem')
  await ownIt.focus()
  await page.keyboard.press('Space')
  await expect(page.getByText(/Picked up note “Own the problem until it is solved”/)).toBeAttached()
  // dnd-kit's keyboard sensor starts listening one timer tick after pick-up; a person is never that fast.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve))')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  await expect(noteIn(page, 'Recruit, Touchpoints', 'Own the problem')).toBeVisible()
  expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual(['Say no to promises we cannot keep'])
  expect((await noteTexts(page, 'Recruit, Touchpoints')).sort()).toEqual(
    ['Call the customer back the same day', 'Own the problem until it is solved'].sort()
  )
  const themesOrder = await noteTexts(page, 'Recruit, Touchpoints')

  // Rename from the board.
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  const titleBox = page.getByRole('textbox', { name: 'Workshop title' })
  await titleBox.fill('Our values, drafted together')
  await titleBox.press('Enter')
  await expect(page.getByRole('heading', { name: 'Our values, drafted together', level: 1 })).toBeVisible()
  await saveScreenshot(page, testInfo, 'board')

  // Close the app the way a user does (Ctrl+C) and start it again on the same data.
  expect(await hostApp.stop()).toBe(0)
  const again = await startHostApp(dataDir)
  try {
    await page.goto(again.url)
    const item = page.getByRole('listitem').filter({ hasText: 'Our values, drafted together' })
    await expect(item).toBeVisible()
    await item.getByRole('button', { name: 'Open Our values, drafted together' }).click()
    await expect(page.getByRole('heading', { name: 'Our values, drafted together', level: 1 })).toBeVisible()
    await expect(noteIn(page, 'Recruit, Touchpoints', 'Own the problem')).toBeVisible()
    expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual(['Say no to promises we cannot keep'])
    expect(await noteTexts(page, 'Recruit, Touchpoints')).toEqual(themesOrder)
    expect(await noteTexts(page, 'Onboard, Touchpoints')).toEqual([])
  } finally {
    await again.stop()
  }
})

test('notes can be edited, recoloured, deleted, and every change undone and redone', async ({ page, hostApp }, testInfo) => {
  await page.goto(hostApp.url)
  await createWorkshop(page, { template: /Employee journey map/ })
  await startMapping(page)
  await expect(column(page, 'Attract, Touchpoints')).toBeVisible()

  await addNote(page, 'Attract, Touchpoints', 'Curiosity')
  const note = noteIn(page, 'Attract, Touchpoints', 'Curiosity')
  await note.hover()
  await note.getByRole('button', { name: 'Edit note' }).click()
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.fill('Curiosity about what customers need')
  await editor.press('Enter')
  await expect(noteIn(page, 'Attract, Touchpoints', 'Curiosity about what customers need')).toBeVisible()

  const edited = noteIn(page, 'Attract, Touchpoints', 'Curiosity about what customers need')
  await edited.hover()
  await edited.getByRole('button', { name: 'Change colour' }).click()
  await page.getByRole('button', { name: 'Blue' }).click()
  await expect(edited).toHaveAttribute('data-colour', 'blue')
  await saveScreenshot(page, testInfo, 'board-note-recoloured')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(edited).toHaveAttribute('data-colour', 'yellow')
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(edited).toHaveAttribute('data-colour', 'blue')

  await edited.hover()
  await edited.getByRole('button', { name: 'Delete note' }).click()
  await expect(column(page, 'Attract, Touchpoints').getByRole('listitem')).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(noteIn(page, 'Attract, Touchpoints', 'Curiosity about what customers need')).toBeVisible()
})

test('a 10 MB paste is cut to one note’s length with a clear message, and the page stays responsive', async ({ page, context, hostApp }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(hostApp.url).origin })
  await page.goto(hostApp.url)
  await createWorkshop(page, { template: /Employee journey map/ })
  await startMapping(page)
  await page.getByRole('button', { name: 'Add a note to Attract, Touchpoints' }).click()
  const input = page.getByRole('textbox', { name: 'New note in Attract, Touchpoints' })
  // A string expression: the function form would need DOM types in this Node-side file.
  await page.evaluate(`navigator.clipboard.writeText('x'.repeat(${10 * 1024 * 1024}))`)
  await input.focus()
  await page.keyboard.press('ControlOrMeta+v')
  await expect(page.getByText('Notes hold up to 500 characters; the rest was left out.')).toBeVisible()
  await input.press('Enter')
  const texts = await noteTexts(page, 'Attract, Touchpoints')
  expect(texts).toHaveLength(1)
  expect(texts[0]).toHaveLength(500)
})

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true })

  test('a note is dragged to another column by press-and-hold', async ({ page, hostApp }) => {
    await page.goto(hostApp.url)
    await createWorkshop(page, { template: /Employee journey map/ })
    await startMapping(page)
    await addNote(page, 'Attract, Touchpoints', 'Share what we learn')

    const from = (await noteIn(page, 'Attract, Touchpoints', 'Share what we learn').boundingBox())!
    const to = (await column(page, 'Onboard, Touchpoints').boundingBox())!
    // Real touch events through the browser's input pipeline, as a finger makes them.
    const touch = await page.context().newCDPSession(page)
    const point = (x: number, y: number) => ({ touchPoints: [{ x: Math.round(x), y: Math.round(y) }] })
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', ...point(from.x + 20, from.y + 20) })
    // Hold past the sensor's 200 ms delay, so a swipe still scrolls and a hold drags.
    await page.waitForTimeout(350)
    const steps = 15
    for (let i = 1; i <= steps; i++) {
      const x = from.x + 20 + ((to.x + to.width / 2 - from.x - 20) * i) / steps
      const y = from.y + 20 + ((to.y + to.height / 2 - from.y - 20) * i) / steps
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', ...point(x, y) })
    }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })

    await expect(noteIn(page, 'Onboard, Touchpoints', 'Share what we learn')).toBeVisible()
    expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual([])
  })
})

test('a note moves with “Move to…” and the keyboard alone, in one step that Undo takes back', async ({ page, hostApp }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(hostApp.url)
  await createWorkshop(page, { template: /Employee journey map/ })
  await startMapping(page)
  await addNote(page, 'Attract, Touchpoints', 'Explain the pay scale in the ad')
  await addNote(page, 'Recruit, Touchpoints', 'Phone screen within a week')

  // Tab from the card reaches its first button, "Move to…"; Escape leaves everything as it was.
  await noteIn(page, 'Attract, Touchpoints', 'Explain the pay scale').focus()
  await page.keyboard.press('Tab')
  const moveButton = noteIn(page, 'Attract, Touchpoints', 'Explain the pay scale').getByRole('button', { name: 'Move to…' })
  await expect(moveButton).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Move note to…' })
  await expect(dialog).toContainText('Now in Attract · Touchpoints.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(moveButton).toBeFocused()

  // The first place offered is the one after where the note is; the arrow keys step on
  // through the lanes of Attract into Recruit.
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('button', { name: 'Attract · Moments that matter' })).toBeFocused()
  await expect(dialog.getByRole('button', { name: 'Attract · Touchpoints (here now)' })).toBeDisabled()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('button', { name: 'Recruit · Touchpoints' })).toBeFocused()
  await saveScreenshot(page, testInfo, 'board-move-to-dialog')
  await page.keyboard.press('Enter')

  await expect(dialog).toBeHidden()
  // It lands below the notes already there, and keeps the focus in its new place.
  expect(await noteTexts(page, 'Recruit, Touchpoints')).toEqual(['Phone screen within a week', 'Explain the pay scale in the ad'])
  expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual([])
  await expect(noteIn(page, 'Recruit, Touchpoints', 'Explain the pay scale')).toBeFocused()

  await page.keyboard.press('ControlOrMeta+z')
  expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual(['Explain the pay scale in the ad'])
  expect(await noteTexts(page, 'Recruit, Touchpoints')).toEqual(['Phone screen within a week'])
})

/** The facilitator takes a new journey map live, on to its mapping stage; Amira joins on a phone. */
async function amiraOnAPhoneAtTheMap(facilitator: Page, browser: Browser, url: string): Promise<Page> {
  await facilitator.goto(url)
  await createWorkshop(facilitator, { template: /Employee journey map/ })
  const { joinLink } = await goLive(facilitator)
  await startMapping(facilitator)
  const page = await joinOnPhone(browser, joinLink, 'Amira')
  await expect(stageHeading(page)).toHaveText(/Map the journey/)
  return page
}

test('a participant on a phone drags a note to the stage peeking in at the edge: the map brings that stage in, not the ones after', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  const page = await amiraOnAPhoneAtTheMap(facilitator, browser, hostApp.url)
  try {
    await addNote(page, 'Attract, Touchpoints', 'Nobody answers the careers inbox')
    const text = noteIn(page, 'Attract, Touchpoints', 'Nobody answers the careers inbox').locator('[data-note-text]')
    await text.scrollIntoViewIfNeeded()
    const from = (await text.boundingBox())!
    const recruit = column(page, 'Recruit, Touchpoints')
    const peek = (await recruit.boundingBox())!
    // Recruit peeks in at the right edge; Onboard is out of view.
    expect(peek.x).toBeLessThan(PHONE.width)
    expect(peek.x + peek.width).toBeGreaterThan(PHONE.width)

    // A finger: press and hold on the note, slide to the sliver of Recruit, and rest there
    // for two seconds, as someone waiting for the map to move does.
    const touch = await page.context().newCDPSession(page)
    const finger = (x: number, y: number) => ({ touchPoints: [{ x: Math.round(x), y: Math.round(y) }] })
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
    const rest = { x: PHONE.width - 10, y: start.y }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', ...finger(start.x, start.y) })
    await page.waitForTimeout(350)
    for (let i = 1; i <= 15; i++) {
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', ...finger(start.x + ((rest.x - start.x) * i) / 15, start.y) })
    }
    // A resting finger still trembles a pixel now and then.
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(100)
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', ...finger(rest.x - (i % 2), rest.y) })
    }
    // Recruit came wholly into view under the finger, and the map stopped there.
    const shown = (await recruit.boundingBox())!
    expect(shown.x).toBeGreaterThanOrEqual(0)
    expect(shown.x + shown.width).toBeLessThanOrEqual(PHONE.width)
    expect(rest.x).toBeLessThan(shown.x + shown.width)
    await expect(column(page, 'Onboard, Touchpoints')).not.toBeInViewport({ ratio: 0.5 })
    await saveScreenshot(page, testInfo, 'board-touch-drag-edge-phone')
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })

    await expect(noteIn(page, 'Recruit, Touchpoints', 'Nobody answers the careers inbox')).toBeVisible()
    expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual([])
    expect(await noteTexts(page, 'Onboard, Touchpoints')).toEqual([])
    await expect(noteIn(facilitator, 'Recruit, Touchpoints', 'Nobody answers the careers inbox')).toBeVisible()
  } finally {
    await page.context().close()
  }
})

test('a participant on a phone moves a note with “Move to…” by touch, to a cell out of view, in one step that Undo takes back', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  const page = await amiraOnAPhoneAtTheMap(facilitator, browser, hostApp.url)
  try {
    await expectNoSidewaysScroll(page)
    await addNote(page, 'Attract, Touchpoints', 'Nobody answers the careers inbox')
    const note = noteIn(page, 'Attract, Touchpoints', 'Nobody answers the careers inbox')
    await expect(column(page, 'Onboard, Pain points')).not.toBeInViewport()

    const moveButton = note.getByRole('button', { name: 'Move to…' })
    await expectTappable(moveButton, 'Move to…')
    await moveButton.tap()
    const dialog = page.getByRole('dialog', { name: 'Move note to…' })
    const place = dialog.getByRole('button', { name: 'Onboard · Pain points' })
    await expectTappable(place, 'the place to move to')
    // Nothing in the dialog sticks out of the phone's screen.
    const box = (await dialog.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
    await saveScreenshot(page, testInfo, 'board-move-to-dialog-phone')
    await place.tap()

    await expect(dialog).toBeHidden()
    const moved = noteIn(page, 'Onboard, Pain points', 'Nobody answers the careers inbox')
    await expect(moved).toBeFocused()
    // The map scrolled to where the note went, and stays there.
    await expect(moved).toBeInViewport({ ratio: 0.9 })
    expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual([])
    await expect(noteIn(facilitator, 'Onboard, Pain points', 'Nobody answers the careers inbox')).toBeVisible()
    await saveScreenshot(page, testInfo, 'board-moved-phone')

    await page.getByRole('button', { name: 'Undo' }).tap()
    expect(await noteTexts(page, 'Onboard, Pain points')).toEqual([])
    expect(await noteTexts(page, 'Attract, Touchpoints')).toEqual(['Nobody answers the careers inbox'])
  } finally {
    await page.context().close()
  }
})
