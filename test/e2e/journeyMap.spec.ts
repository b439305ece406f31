/**
 * The employee-journey map from the question to the exported map, with a facilitator and
 * two participants over real WebRTC, using only what is on screen. An observer peer
 * (observerPeer.ts) holds what any laptop in the room receives, for the privacy checks of the
 * emotion curve.
 */
import type { Page } from '@playwright/test'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { journeyJsonSchema, type JourneyJsonDocument } from '../../shared/exports/journeyJson'
import { pdfText, readCsv, readJson, readMarkdown, squash } from '../exports/readBack'
import { colourCounts, readPng, readSvg, renderSvg, textOf } from '../exports/readGraphics'
import { twelveValueRecord } from '../exports/valuesFixtures'
import { addPrivateNote, column, createWorkshop, dragWithMouse, moveWithKeyboard, nextStage, noteIn, noteTexts, stageHeading } from './boardPage'
import { seedFinalized } from './contractCalls'
import { expect, saveScreenshot, test } from './fixtures'
import { expectHostLink, goLive, joinSession, participant, RECORD_PEER_CONNECTIONS } from './livePage'
import { joinAsObserver, type ObserverPeer } from './observerPeer'


/** A private note written for one cell of the map. */
async function addPrivateNoteIn(page: Page, stage: string, lane: string, text: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: stage })
  await page.getByRole('combobox', { name: 'Lane' }).selectOption({ label: lane })
  await addPrivateNote(page, text)
}

async function rate(page: Page, stage: string, word: string): Promise<void> {
  await page.getByRole('group', { name: stage, exact: true }).getByRole('radio', { name: word, exact: true }).check()
}

/** Every rating entry in a copy of the shared document, as stage id → ratings. */
function ratingsIn(observer: ObserverPeer): Array<{ kind: unknown; stageId: unknown; rating?: unknown }> {
  return [...observer.doc.getMap('emotions').values()] as Array<{ kind: unknown; stageId: unknown; rating?: unknown; raters?: unknown }>
}

test('a facilitator and two participants map the employee journey, from the question to the exported map', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(300_000)
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  // The core-values workshop the team finalized earlier: its values are what opportunities link to.
  await seedFinalized(facilitator, 'core-values', 'Our core values', twelveValueRecord())
  await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Joining us' })

  // The facilitator prepares the map: a stage added at the end, a lane renamed.
  await expect(stageHeading(facilitator)).toHaveText(/Prompt/)
  await facilitator.getByRole('textbox', { name: 'New stage' }).fill('Alumni')
  await facilitator.getByRole('button', { name: 'Add stage' }).click()
  await expect(column(facilitator, 'Alumni, Touchpoints')).toBeVisible()
  await facilitator.getByRole('button', { name: 'Rename Owner' }).click()
  const laneName = facilitator.getByRole('textbox', { name: 'Lane name' })
  await laneName.fill('Who owns it')
  await laneName.press('Enter')
  await expect(column(facilitator, 'Exit, Who owns it')).toBeVisible()
  await saveScreenshot(facilitator, testInfo, 'journey-prompt-facilitator')

  const { code, joinLink } = await goLive(facilitator)
  const observer = await joinAsObserver(new URL(joinLink).origin, code.replace('-', ''))
  try {
    const amira = (await participant(browser)).page
    const ben = (await participant(browser)).page
    for (const [page, name] of [[amira, 'Amira'], [ben, 'Ben']] as const) {
      await joinSession(page, joinLink, name)
      await expect(stageHeading(page)).toHaveText(/Prompt/)
    }
    for (const page of [amira, ben]) await expectHostLink(page)

    // Silent brainstorm, each note written for its cell.
    await nextStage(facilitator, 'Silent brainstorm')
    await addPrivateNoteIn(amira, 'Onboard', 'Pain points', 'Laptop not ready on day one')
    await addPrivateNoteIn(amira, 'Recruit', 'Touchpoints', 'Interview with the team')
    await addPrivateNoteIn(ben, 'Onboard', 'Opportunities', 'Buddy for the first month')
    await addPrivateNoteIn(ben, 'Attract', 'Pain points', 'Job ad reads like a legal text')
    await expect(facilitator.getByRole('status').filter({ hasText: 'written so far' })).toContainText('4 notes written so far by 2 people')
    await saveScreenshot(amira, testInfo, 'journey-brainstorm-participant')
    expect(observer.doc.getMap('notes').size).toBe(0)

    // The reveal puts every note into its cell, on every screen.
    await nextStage(facilitator, 'Map the journey')
    for (const page of [facilitator, amira, ben]) {
      await expect(noteIn(page, 'Onboard, Pain points', 'Laptop not ready on day one')).toBeVisible()
      await expect(noteIn(page, 'Onboard, Opportunities', 'Buddy for the first month')).toBeVisible()
      await expect(column(page, 'Alumni, Touchpoints').getByRole('listitem')).toHaveCount(0)
    }

    // Mouse: Amira drags the interview note one stage on, into Onboard's touchpoints.
    await dragWithMouse(amira, noteIn(amira, 'Recruit, Touchpoints', 'Interview with the team'), column(amira, 'Onboard, Touchpoints'))
    await expect(noteIn(ben, 'Onboard, Touchpoints', 'Interview with the team')).toBeVisible()
    // Keyboard: Ben moves the job-ad note from Attract's pain points one stage right.
    await moveWithKeyboard(ben, noteIn(ben, 'Attract, Pain points', 'Job ad reads like a legal text'), ['ArrowRight'])
    await expect(noteIn(amira, 'Recruit, Pain points', 'Job ad reads like a legal text')).toBeVisible()
    expect(await noteTexts(facilitator, 'Attract, Pain points')).toEqual([])

    // Opportunities live our values: the facilitator picks the finalized workshop, Amira links one.
    await facilitator.getByRole('combobox', { name: 'Link opportunities to the values of' }).selectOption({ label: 'Our core values' })
    const buddy = noteIn(amira, 'Onboard, Opportunities', 'Buddy for the first month')
    await buddy.getByRole('combobox', { name: 'Link “Buddy for the first month” to a value' }).selectOption('Customer Obsessed')
    await expect(noteIn(ben, 'Onboard, Opportunities', 'Buddy for the first month')).toContainText('Lives our value Customer Obsessed')
    await saveScreenshot(facilitator, testInfo, 'journey-map-facilitator')

    // Emotion curve, shown for a stage from 3 ratings (the default, and the least the app allows).
    // Three people rate Onboard and Attract; only Amira rates Exit.
    await nextStage(facilitator, 'Emotion curve')
    await expect(facilitator.getByRole('combobox', { name: 'Show a stage from' })).toHaveValue('3')
    await expect(facilitator.getByRole('combobox', { name: 'Show a stage from' }).getByRole('option', { name: '2 ratings' })).toHaveCount(0)
    await rate(amira, 'Onboard', 'Very bad')
    await rate(ben, 'Onboard', 'Bad')
    await rate(facilitator, 'Onboard', 'Neutral')
    await rate(amira, 'Exit', 'Very good')
    await rate(ben, 'Attract', 'Good')
    await rate(amira, 'Attract', 'Very good')
    await rate(facilitator, 'Attract', 'Good')
    for (const page of [amira, ben, facilitator]) await page.getByRole('button', { name: 'I have rated' }).click()
    await expect(facilitator.getByRole('status').filter({ hasText: 'rated the journey' })).toContainText('2 of 3')
    await saveScreenshot(amira, testInfo, 'journey-emotions-participant')
    // Nothing leaves a laptop before the round closes.
    expect(ratingsIn(observer)).toEqual([])
    await facilitator.getByRole('button', { name: 'Close the ratings and show the curve' }).click()
    const curve = amira.getByRole('list', { name: 'Ratings per stage' })
    await expect(curve.getByRole('listitem').filter({ hasText: 'Onboard' })).toHaveText('Onboard: 3 ratings, median −1, middle half −1.5 to −0.5')
    await expect(curve.getByRole('listitem').filter({ hasText: 'Attract' })).toHaveText('Attract: 3 ratings, median +1, middle half +1 to +1.5')
    await expect(curve.getByRole('listitem').filter({ hasText: 'Exit' })).toHaveText('Exit: fewer than 3 ratings')
    // One person rated Exit: the room's document holds that one did, never what they said. The
    // host wrote every entry: none is the rater's own.
    await expect.poll(() => ratingsIn(observer).filter((entry) => entry.kind === 'rating').length).toBe(6)
    const ratedStages = ratingsIn(observer).filter((entry) => entry.kind === 'rating').map((entry) => entry.stageId)
    const withheld = ratingsIn(observer).filter((entry) => entry.kind === 'withheld')
    expect(withheld).toEqual([{ v: 1, kind: 'withheld', stageId: expect.any(String) as unknown, raters: 1 }])
    const exitStage = withheld[0]!.stageId
    expect(ratedStages).not.toContain(exitStage)
    expect(new Set(observer.entryWritersOf('emotions'))).toEqual(new Set([observer.hostClientId()]))
    await saveScreenshot(facilitator, testInfo, 'journey-emotion-curve')

    // Dot vote on pain points and opportunities, sealed until closed.
    await nextStage(facilitator, 'Dot vote')
    const giveDot = (page: Page, note: string) => page.getByRole('button', { name: `Give a dot to ${note}` }).click()
    await giveDot(amira, 'Laptop not ready on day one')
    await giveDot(amira, 'Buddy for the first month')
    await giveDot(ben, 'Laptop not ready on day one')
    await giveDot(ben, 'Buddy for the first month')
    for (const page of [amira, ben]) await page.getByRole('button', { name: 'I have voted' }).click()
    expect(observer.doc.getMap('votes').size).toBe(0)
    await facilitator.getByRole('button', { name: 'Close voting and show results' }).click()
    // A tie shows as a tie, in the map's order, until the facilitator breaks it: Buddy first.
    const results = (page: Page) => page.getByRole('region', { name: 'Vote results' })
    const expectPlace = async (page: Page, index: number, note: string, dots: string) => {
      const place = results(page).getByRole('listitem').nth(index)
      await expect(place).toContainText(note)
      await expect(place).toContainText(dots)
    }
    await expectPlace(ben, 0, 'Laptop not ready on day one', '2 dots (tied)')
    await expectPlace(ben, 1, 'Buddy for the first month', '2 dots (tied)')
    await expect(noteIn(ben, 'Onboard, Opportunities', 'Buddy for the first month').getByLabel('2 dots, ranked =1 (tied)')).toBeVisible()
    await expect(results(ben).getByRole('button', { name: 'Break the tie' })).toHaveCount(0)
    const tie = results(facilitator).getByRole('group', { name: 'Tie: “Laptop not ready on day one”, “Buddy for the first month”' })
    await tie.getByRole('button', { name: 'Break the tie' }).click()
    await tie.getByRole('button', { name: 'Move Buddy for the first month up' }).click()
    await saveScreenshot(facilitator, testInfo, 'journey-vote-tie')
    await tie.getByRole('button', { name: 'Save this order' }).click()
    for (const page of [facilitator, amira, ben]) {
      await expectPlace(page, 0, 'Buddy for the first month', '2 dots (tie broken by the facilitator)')
      await expectPlace(page, 1, 'Laptop not ready on day one', '2 dots (tie broken by the facilitator)')
      await expect(results(page).getByText('Tie broken by the facilitator: “Buddy for the first month”, then “Laptop not ready on day one”.')).toBeVisible()
    }
    await expect(noteIn(ben, 'Onboard, Pain points', 'Laptop not ready on day one').getByLabel('2 dots, ranked 2 (tie broken by the facilitator)')).toBeVisible()
    await expect(noteIn(ben, 'Onboard, Opportunities', 'Buddy for the first month').getByLabel('2 dots, ranked 1 (tie broken by the facilitator)')).toBeVisible()
    await saveScreenshot(ben, testInfo, 'journey-vote-results')

    // Finalize, then export every format and read each file back.
    await nextStage(facilitator, 'Finalize')
    await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
    await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
    const record = facilitator.getByRole('region', { name: 'Finalized record' })
    await expect(record).toContainText(/Record of 3 participants, 4 notes\. Content hash \(SHA-256\): [0-9a-f]{64}/)
    for (const page of [amira, ben]) await expect(stageHeading(page)).toContainText('Finalized')
    await saveScreenshot(facilitator, testInfo, 'journey-finalized-facilitator')

    const folder = await mkdtemp(join(tmpdir(), 'journey-exports-'))
    await record.getByRole('textbox', { name: 'Folder' }).fill(folder)
    const saved: Record<string, string> = {}
    for (const label of ['PDF', 'Image (PNG)', 'Picture (SVG)', 'Spreadsheet (CSV)', 'Markdown', 'Data (JSON)']) {
      await record.getByRole('button', { name: label, exact: true }).click()
      const message = record.getByRole('status').filter({ hasText: `${label} saved as` })
      await expect(message).toContainText(folder)
      saved[label] = ((await message.textContent()) ?? '').replace(/^.*saved as /, '').replace(/\.?\s*$/, '')
    }
    const texts = ['Laptop not ready on day one', 'Buddy for the first month', 'Interview with the team', 'Job ad reads like a legal text']

    // SVG: well-formed, its text holds every note, and a real SVG renderer draws it.
    const svgText = await readFile(saved['Picture (SVG)']!, 'utf8')
    const svg = readSvg(svgText)
    expect(svg.errors).toEqual([])
    const drawnText = squash(svg.all('text').map(textOf).join(' '))
    for (const text of [...texts, 'Alumni', 'Who owns it']) expect(drawnText).toContain(squash(text))
    expect(colourCounts(renderSvg(svgText, 1200)).size).toBeGreaterThan(10)
    // PNG: print size and not blank.
    const png = readPng(await readFile(saved['Image (PNG)']!))
    expect(png.width).toBeGreaterThanOrEqual(3000)
    expect(png.height).toBeGreaterThan(png.width / 2)
    expect(colourCounts(png).size).toBeGreaterThan(10)
    // PDF, CSV, Markdown, JSON.
    const pdf = squash(await pdfText(saved['PDF']!))
    for (const text of texts) expect(pdf).toContain(squash(text))
    const rows = readCsv(await readFile(saved['Spreadsheet (CSV)']!, 'utf8'))
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Lane: 'Pain points', Note: 'Laptop not ready on day one', Dots: '2', Rank: '2', Tie: 'tie broken by the facilitator' }),
        expect.objectContaining({ Note: 'Buddy for the first month', 'Linked value': 'Customer Obsessed', Rank: '1', Tie: 'tie broken by the facilitator' }),
        expect.objectContaining({ Stage: 'Recruit', Lane: 'Pain points', Note: 'Job ad reads like a legal text', Dots: '0' })
      ])
    )
    expect(rows).toHaveLength(4)
    const markdown = readMarkdown(await readFile(saved['Markdown']!, 'utf8'))
    expect(markdown.section('Dot vote results').items).toEqual([
      '1. Buddy for the first month (Onboard · Opportunities): 2 dots (tie broken by the facilitator)',
      '2. Laptop not ready on day one (Onboard · Pain points): 2 dots (tie broken by the facilitator)'
    ])
    const { document, errors } = readJson<JourneyJsonDocument>(await readFile(saved['Data (JSON)']!, 'utf8'), journeyJsonSchema())
    expect(errors).toEqual([])
    expect(document.record.stages.map((stage) => stage.name)).toEqual(['Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Exit', 'Alumni'])
    const onboard = document.record.stages.find((stage) => stage.name === 'Onboard')!.id
    expect(document.record.emotions.minGroup).toBe(3)
    expect(document.record.emotions.stages.find((result) => result.stageId === onboard)).toMatchObject({ raters: 3, median: -1 })
    // Exit was withheld: the record says one person rated it, as the screen did, not "no ratings".
    expect(document.record.emotions.stages.find((result) => result.stageId === exitStage)).toMatchObject({ raters: 1, median: null })
    expect(await readFile(saved['Markdown']!, 'utf8')).toMatch(/\|\s*Exit\s*\|\s*1\s*\|\s*not shown: fewer than 3 ratings\s*\|/)
    expect(document.record.participants).toEqual({ count: 3, names: null })
    const ranking = document.record.v === 2 ? document.record.votes.ranking : []
    expect(ranking.map(({ rank, tie }) => [rank, tie])).toEqual([
      [1, 'broken'],
      [2, 'broken'],
      [3, 'none']
    ])
  } finally {
    observer.destroy()
  }
})
