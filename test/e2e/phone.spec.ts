/**
 * A participant's face on a phone (and on a small laptop): every stage of the three
 * templates, in a room of 30. The facilitator drives from a laptop; 28 more people are Node
 * peers that join with the code by the app's own joinLiveDoc (test/bench/laptop.ts) and
 * publish their names. At each stage
 * every control the participant needs must be on screen, inside the viewport and not
 * covered by anything, and the page must never scroll sideways. A screenshot of each stage
 * goes to test-results/phone/<viewport>-<template>-<stage>.png for a person to look at.
 */
import type { Browser, Locator, Page, TestInfo } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { smallJourneyRecord } from '../exports/journeyFixtures'
import { twelveValueRecord } from '../exports/valuesFixtures'
import { column, createWorkshop, nextStage, stageHeading } from './boardPage'
import { seedFinalized } from './contractCalls'
import { expect, test } from './fixtures'
import { goLive, joinSession } from './livePage'
import { expectNoSidewaysScroll, expectReachable, expectTouchTarget } from './phoneScreen'
import { becomeLaptop, type LiveDocConnection } from '../bench/laptop'
import { PARTICIPANT_COLOURS } from '../../shared/presenceColours'

const PHONE_SCREENS = join(import.meta.dirname, '../../test-results/phone')
/** The facilitator, the participant on the phone, and these. */
const OTHERS = 28
const ROOM = OTHERS + 2

/** Saves what the viewport shows as test-results/phone/<width>x<height>-<template>-<what>.png. */
async function saveScreen(page: Page, testInfo: TestInfo, template: string, what: string): Promise<void> {
  const { width, height } = page.viewportSize()!
  await mkdir(PHONE_SCREENS, { recursive: true })
  const path = join(PHONE_SCREENS, `${width}x${height}-${template}-${what.toLowerCase().replace(/\W+/g, '-')}.png`)
  await page.screenshot({ path })
  await testInfo.attach(`${template} ${what}`, { path, contentType: 'image/png' })
}

const peopleButton = (page: Page) => page.getByRole('button', { name: `${ROOM} here` })

/**
 * What every stage shows a participant: the one-line header with the stage, how many are
 * here, Leave and the instructions' disclosure, each reachable and big enough to tap; then
 * the stage's own controls; no sideways scrolling; a screenshot.
 */
async function checkStage(page: Page, testInfo: TestInfo, template: string, stage: string, controls: Array<[string, Locator]>) {
  await expect(stageHeading(page)).toContainText(stage)
  // First what the person sees on arriving at the stage; the checks below scroll.
  await saveScreen(page, testInfo, template, stage)
  const header = [
    ['the people button', peopleButton(page)],
    ['Leave', page.getByRole('button', { name: 'Leave' })],
    ['the instructions', page.getByText('How this stage works')]
  ] as const
  for (const [what, control] of header) {
    await expectReachable(control, what)
    await expectTouchTarget(control, what)
  }
  for (const [what, control] of controls) await expectReachable(control, what)
  await expectNoSidewaysScroll(page)
}

interface Room {
  facilitator: Page
  participant: Page
  others: LiveDocConnection[]
}

/**
 * The facilitator (a laptop of their own) creates the workshop and goes live; the 28 others
 * join; then the participant, on `page`, joins and sees all 30.
 */
async function openRoom(browser: Browser, page: Page, url: string, prepare: (facilitator: Page) => Promise<void>): Promise<Room> {
  const facilitatorContext = await browser.newContext({ viewport: { width: 1366, height: 860 }, isMobile: false, hasTouch: false })
  const facilitator = await facilitatorContext.newPage()
  await facilitator.goto(url)
  await prepare(facilitator)
  const { code, joinLink } = await goLive(facilitator)
  const laptop = becomeLaptop('127.0.0.1')
  const others: LiveDocConnection[] = []
  for (let i = 1; i <= OTHERS; i++) {
    const person = { name: `Colleague ${i}`, role: 'participant' as const, colour: PARTICIPANT_COLOURS[i % PARTICIPANT_COLOURS.length]! }
    others.push(await laptop.joinSession(new URL(joinLink).origin, code.replace('-', ''), new Y.Doc(), person, 'websocket'))
  }
  await joinSession(page, joinLink, 'Amira')
  await expect(peopleButton(page)).toBeVisible({ timeout: 30_000 })
  return { facilitator, participant: page, others }
}

function closeRoom(room: Room | null): void {
  for (const peer of room?.others ?? []) peer.destroy()
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true })

test('core values: every stage fits the participant’s screen', async ({ browser, page, hostApp }, testInfo) => {
  test.setTimeout(240_000)
  let room: Room | null = null
  try {
    room = await openRoom(browser, page, hostApp.url, (facilitator) =>
      createWorkshop(facilitator, { template: /Core values/, title: 'Values offsite 2026 — customer service and support' })
    )
    const { facilitator } = room

    await checkStage(page, testInfo, 'core-values', 'Prompt', [])

    // Who is here opens on demand, and closes by its button, Escape, or a tap outside.
    await peopleButton(page).click()
    const people = page.getByRole('dialog', { name: `People here (${ROOM})` })
    await expect(people.getByRole('list', { name: 'People here' }).getByRole('listitem')).toHaveCount(ROOM)
    await expect(people.getByRole('listitem').filter({ hasText: 'Amira' })).toHaveText('Amira (you)')
    await saveScreen(page, testInfo, 'core-values', 'people here')
    await expectReachable(people.getByRole('button', { name: 'Close' }), 'Close, in the people list,')
    await page.keyboard.press('Escape')
    await expect(people).toBeHidden()
    await peopleButton(page).click()
    const { width } = page.viewportSize()!
    await page.mouse.click(width < 700 ? width / 2 : 20, 20)
    await expect(people).toBeHidden()
    // By keyboard: Enter opens it with focus inside; Close gives focus back to the button.
    await peopleButton(page).focus()
    await page.keyboard.press('Enter')
    await expect(people.getByRole('button', { name: 'Close' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(people).toBeHidden()
    await expect(peopleButton(page)).toBeFocused()

    // The instructions fold away once read, and stay folded for that stage.
    const instructions = page.getByText('Read the question. In the next stage you will answer it on your own')
    await expect(instructions).toBeVisible()
    await page.getByText('How this stage works').click()
    await expect(instructions).toBeHidden()

    await nextStage(facilitator, 'Silent brainstorm')
    await expect(page.getByText('Write one idea per note.')).toBeVisible()
    await checkStage(page, testInfo, 'core-values', 'Silent brainstorm', [
      ['the note box', textbox(page, 'New private note')],
      ['Add note', button(page, 'Add note')]
    ])
    await textbox(page, 'New private note').fill('Call the customer back the same day')
    await button(page, 'Add note').click()
    await expect(page.getByRole('list', { name: 'Your private notes' }).getByRole('listitem')).toHaveCount(1)
    await facilitator.getByRole('button', { name: 'Back to Prompt' }).click()
    await expect(stageHeading(page)).toContainText('Prompt')
    await expect(instructions).toBeHidden()

    await nextStage(facilitator, 'Silent brainstorm')
    await nextStage(facilitator, 'Cluster')
    await expect(column(page, 'Unsorted ideas').getByRole('listitem')).toHaveCount(1)
    await checkStage(page, testInfo, 'core-values', 'Cluster', [
      ['the cluster name box', textbox(page, 'New cluster')],
      ['Add cluster', button(page, 'Add cluster')],
      ['the note box', textbox(page, 'New note in Unsorted ideas')],
      ['Add note', column(page, 'Unsorted ideas').getByRole('button', { name: 'Add note' })],
      ['Undo', button(page, 'Undo')],
      ['Redo', button(page, 'Redo')]
    ])
    for (const name of ['Customer obsessed', 'Integrity']) {
      await textbox(page, 'New cluster').fill(name)
      await button(page, 'Add cluster').click()
      await expect(column(page, name)).toBeVisible()
    }

    await nextStage(facilitator, 'Dot vote')
    await checkStage(page, testInfo, 'core-values', 'Dot vote', [
      ['Give a dot', button(page, 'Give a dot to Integrity')],
      ['Take a dot', button(page, 'Take a dot from Integrity')],
      ['I have voted', button(page, 'I have voted')]
    ])
    await button(page, 'Give a dot to Integrity').click()
    await button(page, 'I have voted').click()
    await facilitator.getByRole('button', { name: 'Close voting and show results' }).click()

    await nextStage(facilitator, 'Draft value statements')
    await facilitator.getByRole('spinbutton', { name: 'Number of clusters' }).fill('2')
    await facilitator.getByRole('button', { name: /Create candidates from the top/ }).click()
    await expect(page.getByRole('article', { name: 'Integrity' })).toBeVisible()
    await checkStage(page, testInfo, 'core-values', 'Draft value statements', [
      ['the definition', textbox(page, 'Definition of Integrity')],
      ['a “we do” behaviour', textbox(page, 'Add a “we do” behaviour to Integrity')],
      ['a “we don’t” behaviour', textbox(page, 'Add a “we don’t” behaviour to Integrity')]
    ])

    await nextStage(facilitator, 'Consensus check')
    const integrity = page.getByRole('listitem', { name: 'Integrity' })
    await checkStage(page, testInfo, 'core-values', 'Consensus check', [
      ['0 fingers', integrity.getByRole('radio', { name: '0 — I block this' })],
      ['5 fingers', integrity.getByRole('radio', { name: '5 — I fully support it' })],
      ['the other value’s 3 fingers', page.getByRole('listitem', { name: 'Customer obsessed' }).getByRole('radio', { name: /^3 — / })]
    ])

    await nextStage(facilitator, 'Finalize')
    await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
    await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
    await expect(stageHeading(page)).toContainText('Finalized')
    await checkStage(page, testInfo, 'core-values', 'Finalize', [])
  } finally {
    closeRoom(room)
  }
})

test('journey map: every stage fits the participant’s screen', async ({ browser, page, hostApp }, testInfo) => {
  test.setTimeout(240_000)
  let room: Room | null = null
  try {
    room = await openRoom(browser, page, hostApp.url, async (facilitator) => {
      await seedFinalized(facilitator, 'core-values', 'Our core values', twelveValueRecord())
      await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Joining us' })
    })
    const { facilitator } = room
    await checkStage(page, testInfo, 'journey-map', 'Prompt', [])

    await nextStage(facilitator, 'Silent brainstorm')
    await checkStage(page, testInfo, 'journey-map', 'Silent brainstorm', [
      ['the stage', page.getByRole('combobox', { name: 'Stage' })],
      ['the lane', page.getByRole('combobox', { name: 'Lane' })],
      ['the note box', textbox(page, 'New private note')],
      ['Add note', button(page, 'Add note')]
    ])
    await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Onboard' })
    await page.getByRole('combobox', { name: 'Lane' }).selectOption({ label: 'Opportunities' })
    await textbox(page, 'New private note').fill('Buddy for the first month')
    await button(page, 'Add note').click()
    await expect(page.getByRole('list', { name: 'Your private notes' }).getByRole('listitem')).toHaveCount(1)

    await nextStage(facilitator, 'Map the journey')
    await facilitator.getByRole('combobox', { name: 'Link opportunities to the values of' }).selectOption({ label: 'Our core values' })
    const buddy = column(page, 'Onboard, Opportunities').getByRole('listitem').filter({ hasText: 'Buddy for the first month' })
    await checkStage(page, testInfo, 'journey-map', 'Map the journey', [
      ['a cell’s Add a note', button(page, 'Add a note to Attract, Touchpoints')],
      ['a far cell’s Add a note', button(page, 'Add a note to Exit, Owner')],
      // A cell mounts its notes once scrolled near, as a person scrolls to it.
      ['the note’s cell', column(page, 'Onboard, Opportunities')],
      ['a note', buddy],
      ['the note’s value link', buddy.getByRole('combobox', { name: 'Link “Buddy for the first month” to a value' })],
      ['Undo', button(page, 'Undo')]
    ])

    await nextStage(facilitator, 'Emotion curve')
    await checkStage(page, testInfo, 'journey-map', 'Emotion curve', [
      ['Attract: very bad', page.getByRole('group', { name: 'Attract', exact: true }).getByRole('radio', { name: 'Very bad', exact: true })],
      ['Exit: very good', page.getByRole('group', { name: 'Exit', exact: true }).getByRole('radio', { name: 'Very good', exact: true })],
      ['I have rated', button(page, 'I have rated')]
    ])

    await nextStage(facilitator, 'Dot vote')
    await checkStage(page, testInfo, 'journey-map', 'Dot vote', [
      ['Give a dot', button(page, 'Give a dot to Buddy for the first month')],
      ['Take a dot', button(page, 'Take a dot from Buddy for the first month')],
      ['I have voted', button(page, 'I have voted')]
    ])

    await nextStage(facilitator, 'Finalize')
    await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
    await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
    await expect(stageHeading(page)).toContainText('Finalized')
    await checkStage(page, testInfo, 'journey-map', 'Finalize', [])
  } finally {
    closeRoom(room)
  }
})

test('program plan: every stage fits the participant’s screen', async ({ browser, page, hostApp }, testInfo) => {
  test.setTimeout(240_000)
  let room: Room | null = null
  try {
    room = await openRoom(browser, page, hostApp.url, async (facilitator) => {
      await seedFinalized(facilitator, 'journey-map', 'Joining us', smallJourneyRecord())
      await createWorkshop(facilitator, { template: /EX program plan/, title: 'Support empowerment' })
    })
    const { facilitator } = room
    await checkStage(page, testInfo, 'program-plan', 'Prompt', [])

    await nextStage(facilitator, 'Plan the program')
    await facilitator.getByRole('combobox', { name: 'Start from the opportunities of' }).selectOption({ label: 'Joining us' })
    await facilitator.getByRole('button', { name: 'Add a measurable outcome' }).click()
    await checkStage(page, testInfo, 'program-plan', 'Plan the program', [
      ['a suggested opportunity', page.getByRole('button', { name: /^Add to the plan: / }).first()],
      ['the program name', textbox(page, 'Program name')],
      ['Employees', textbox(page, 'Employees')],
      ['Customers', textbox(page, 'Customers')],
      ['an activity', textbox(page, 'Add an activity employees may handle differently')],
      ['a boundary', textbox(page, 'Add a boundary')],
      ['a behaviour', textbox(page, 'Add an expected behaviour')],
      ['the metric', textbox(page, 'Metric, outcome 1')],
      ['the baseline', textbox(page, 'Baseline, outcome 1')],
      ['the target', textbox(page, 'Target, outcome 1')],
      ['the owner', textbox(page, 'Owner, outcome 1')],
      ['the review date', page.getByLabel('Review date, outcome 1')],
      ['Add a measurable outcome', button(page, 'Add a measurable outcome')],
      ['recognition', textbox(page, 'Recognition and sharing')]
    ])

    // Offline, the header says so in words (on a phone, on a line of its own), not only by a dot.
    await page.context().setOffline(true)
    const offline = page.getByRole('status').getByText('Offline — your changes are kept and will sync when you’re back')
    await expect(offline).toBeVisible()
    expect((await offline.boundingBox())!.width, 'the words take room on screen').toBeGreaterThan(150)
    await saveScreen(page, testInfo, 'program-plan', 'offline')
    await expectNoSidewaysScroll(page)
    await page.context().setOffline(false)
    await expect(page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible({ timeout: 20_000 })

    await nextStage(facilitator, 'Finalize')
    await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
    await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
    await expect(stageHeading(page)).toContainText('Finalized')
    await checkStage(page, testInfo, 'program-plan', 'Finalize', [])
  } finally {
    closeRoom(room)
  }
})

test('the checks fail for a covered control, and for one so wide that the page scrolls sideways', async ({ page }) => {
  await page.setContent(`<!doctype html>
    <button id="covered" style="position: absolute; left: 20px; top: 20px; width: 120px; height: 44px">Add note</button>
    <div class="sticky-header" style="position: fixed; left: 0; top: 0; width: 100%; height: 80px; background: white"></div>
    <select id="wide" style="position: absolute; left: 20px; top: 200px; width: 2000px"><option>Customer Obsessed</option></select>
  `)
  await expect(expectReachable(page.locator('#covered'), 'the covered button')).rejects.toThrow(
    'is covered by <div class="sticky-header">'
  )
  await expect(expectReachable(page.locator('#wide'), 'the wide picker')).rejects.toThrow(/is not inside the \d+×\d+ viewport/)
  await expect(expectNoSidewaysScroll(page)).rejects.toThrow(/the page \(\d+ px in \d+\)/)
})
