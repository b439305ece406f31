/**
 * The EX program plan, written live by a facilitator and a participant over real WebRTC,
 * started from a finalized journey map's top opportunities, finalized and exported: every
 * field typed comes back unchanged in the JSON, the Markdown and the PDF.
 */
import type { Page } from '@playwright/test'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planJsonSchema, type PlanJsonDocument } from '../../shared/exports/planJson'
import { pdfText, readJson, readMarkdown, squash } from '../exports/readBack'
import { journeyRecordTiedAtTheCut, smallJourneyRecord } from '../exports/journeyFixtures'
import { createWorkshop, nextStage, stageHeading } from './boardPage'
import { seedFinalized } from './contractCalls'
import { expect, saveScreenshot, test } from './fixtures'
import { endSession, expectHostLink, goLive, joinSession, participant, RECORD_PEER_CONNECTIONS } from './livePage'


/** Types into a shared text box and leaves it, as a person does. */
async function write(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true })
  await box.fill(text)
  await box.blur()
}

async function addItem(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true })
  await box.fill(text)
  await box.press('Enter')
  await expect(page.getByText(text, { exact: true }).or(page.getByRole('textbox', { name: text }))).not.toHaveCount(0)
}

const PLAN = {
  programName: 'Fix it first time',
  targetEmployees: 'First-line support agents in every branch',
  targetCustomers: 'Customers who call about a billing error',
  activity: 'Offer a goodwill credit without asking a manager',
  boundary: 'Up to 50 euros per case',
  behaviour: 'Call the customer back the same day',
  outcome: { metric: 'First-contact resolution', baseline: '61%', target: '80%', owner: 'Head of support', reviewDate: '2027-03-31' },
  recognition: 'A success story at every Monday stand-up'
}

test('a facilitator and a participant write a program plan live, finalize it, and every field comes back unchanged', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(180_000)
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  await seedFinalized(facilitator, 'journey-map', 'Joining us', smallJourneyRecord())
  await createWorkshop(facilitator, { template: /EX program plan/, title: 'Support empowerment' })
  await expect(stageHeading(facilitator)).toHaveText(/Prompt/)

  const { joinLink } = await goLive(facilitator)
  const amira = (await participant(browser)).page
  await joinSession(amira, joinLink, 'Amira')
  await expect(stageHeading(amira)).toHaveText(/Prompt/)
  await expectHostLink(amira)

  await nextStage(facilitator, 'Plan the program')
  await expect(stageHeading(amira)).toHaveText(/Plan the program/)

  // Start from the journey map's top opportunities.
  await facilitator.getByRole('combobox', { name: 'Start from the opportunities of' }).selectOption({ label: 'Joining us' })
  const suggestion = amira.getByRole('button', { name: /^Add to the plan: / }).first()
  await expect(suggestion).toBeVisible()
  const opportunity = ((await suggestion.getAttribute('aria-label')) ?? '').replace(/^Add to the plan: /, '')
  await suggestion.click()
  await expect(facilitator.getByRole('button', { name: `In the plan: ${opportunity}` })).toBeVisible()

  // Both write, each in their own parts, and see the other's words.
  await write(facilitator, 'Program name', PLAN.programName)
  await write(amira, 'Employees', PLAN.targetEmployees)
  await write(amira, 'Customers', PLAN.targetCustomers)
  await addItem(amira, 'Add an activity employees may handle differently', PLAN.activity)
  await addItem(facilitator, 'Add a boundary', PLAN.boundary)
  await addItem(amira, 'Add an expected behaviour', PLAN.behaviour)
  await facilitator.getByRole('button', { name: 'Add a measurable outcome' }).click()
  for (const [column, key] of [['Metric', 'metric'], ['Baseline', 'baseline'], ['Target', 'target'], ['Owner', 'owner']] as const) {
    await write(facilitator, `${column}, outcome 1`, PLAN.outcome[key])
  }
  await facilitator.getByLabel('Review date, outcome 1').fill(PLAN.outcome.reviewDate)
  await write(amira, 'Recognition and sharing', PLAN.recognition)
  await expect(amira.getByRole('textbox', { name: 'Program name', exact: true })).toHaveValue(PLAN.programName)
  await expect(facilitator.getByRole('textbox', { name: 'Employees', exact: true })).toHaveValue(PLAN.targetEmployees)
  await expect(amira.getByRole('textbox', { name: 'Owner, outcome 1' })).toHaveValue(PLAN.outcome.owner)
  await expect(amira.getByLabel('Review date, outcome 1')).toHaveValue(PLAN.outcome.reviewDate)
  await saveScreenshot(amira, testInfo, 'plan-canvas-participant')

  await nextStage(facilitator, 'Finalize')
  await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
  await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
  const record = facilitator.getByRole('region', { name: 'Finalized record' })
  await expect(record).toContainText(`Record of the plan “${PLAN.programName}”.`)
  await expect(stageHeading(amira)).toContainText('Finalized')
  await saveScreenshot(facilitator, testInfo, 'plan-finalized-facilitator')

  const folder = await mkdtemp(join(tmpdir(), 'plan-exports-'))
  await record.getByRole('textbox', { name: 'Folder' }).fill(folder)
  const saved: Record<string, string> = {}
  for (const label of ['PDF', 'Markdown', 'Data (JSON)']) {
    await record.getByRole('button', { name: label, exact: true }).click()
    const message = record.getByRole('status').filter({ hasText: `${label} saved as` })
    await expect(message).toContainText(folder)
    saved[label] = ((await message.textContent()) ?? '').replace(/^.*saved as /, '').replace(/\.?\s*$/, '')
  }
  const { document, errors } = readJson<PlanJsonDocument>(await readFile(saved['Data (JSON)']!, 'utf8'), planJsonSchema())
  expect(errors).toEqual([])
  expect(document.record).toMatchObject({
    kind: 'program-plan',
    programName: PLAN.programName,
    opportunities: [opportunity],
    targetEmployees: PLAN.targetEmployees,
    targetCustomers: PLAN.targetCustomers,
    activities: [PLAN.activity],
    boundaries: [PLAN.boundary],
    behaviours: [PLAN.behaviour],
    outcomes: [PLAN.outcome],
    recognition: PLAN.recognition
  })
  const everyField = [opportunity, ...Object.values(PLAN).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value)))]
  const markdown = squash(readMarkdown(await readFile(saved['Markdown']!, 'utf8')).text)
  const pdf = squash(await pdfText(saved['PDF']!))
  for (const field of everyField) {
    if (field === PLAN.outcome.reviewDate) continue
    expect(markdown).toContain(squash(field))
    expect(pdf).toContain(squash(field))
  }

  // A finalized workshop can still end its session, but offers no Go live afterwards.
  await endSession(facilitator)
  await expect(facilitator.getByRole('button', { name: 'Go live' })).toHaveCount(0)
})

test('two participants type in one sentence at the same time, anonymously: both keep their words on every screen', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(120_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /EX program plan/, title: 'Written together' })
  await facilitator.getByRole('checkbox', { name: 'Anonymous' }).check()
  const { joinLink } = await goLive(facilitator)
  const amira = (await participant(browser)).page
  const ben = (await participant(browser)).page
  await joinSession(amira, joinLink, 'Amira')
  await joinSession(ben, joinLink, 'Ben')
  await nextStage(facilitator, 'Plan the program')
  await write(facilitator, 'Program name', 'fix it')
  const everyone = [facilitator, amira, ben]
  for (const page of everyone) await expect(page.getByRole('textbox', { name: 'Program name', exact: true })).toHaveValue('fix it')

  // Amira types on at the end while Ben types at the start, a keystroke every 40 ms each.
  const amiraBox = amira.getByRole('textbox', { name: 'Program name', exact: true })
  const benBox = ben.getByRole('textbox', { name: 'Program name', exact: true })
  await amiraBox.click()
  await amiraBox.press('End')
  await benBox.click()
  await benBox.press('Home')
  await Promise.all([amiraBox.pressSequentially(' the first time, every time', { delay: 40 }), benBox.pressSequentially('We ', { delay: 40 })])
  for (const page of everyone) {
    await expect(page.getByRole('textbox', { name: 'Program name', exact: true })).toHaveValue('We fix it the first time, every time')
  }
  await saveScreenshot(ben, testInfo, 'plan-written-together-participant')
})


test('a plan started from a map whose vote left a tie across the tenth place is offered every tied opportunity, and says why', async ({
  page: facilitator,
  hostApp
}, testInfo) => {
  await facilitator.goto(hostApp.url)
  await seedFinalized(facilitator, 'journey-map', 'Joining us', journeyRecordTiedAtTheCut())
  await createWorkshop(facilitator, { template: /EX program plan/, title: 'Support empowerment' })
  await nextStage(facilitator, 'Plan the program')
  await facilitator.getByRole('combobox', { name: 'Start from the opportunities of' }).selectOption({ label: 'Joining us' })

  const suggestions = facilitator.getByRole('region', { name: 'Top opportunities from the journey map' })
  await expect(suggestions.getByText('12, not 10: the opportunities tied at the cut all come in, as the map’s vote left them tied.')).toBeVisible()
  const offered = suggestions.getByRole('button', { name: /^Add to the plan: / })
  await expect(offered).toHaveCount(12)
  // Most dots first; the three on 2 dots, tied across the tenth place, last.
  const names = (await offered.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))).map((name) =>
    name!.replace(/^Add to the plan: /, '')
  )
  expect(names.slice(0, 2)).toEqual(['Laptop and accounts ready before day one', 'A careers page written by the team'])
  expect(new Set(names.slice(9))).toEqual(new Set(['Goals for the first 90 days', 'A yearly talk about the next step', 'Keep in touch with alumni']))

  await suggestions.getByRole('button', { name: 'Add to the plan: Keep in touch with alumni' }).click()
  await expect(suggestions.getByRole('button', { name: 'In the plan: Keep in touch with alumni' })).toBeVisible()
  await expect(facilitator.getByRole('region', { name: 'Workshop stage' })).toBeVisible()
  await suggestions.scrollIntoViewIfNeeded()
  await saveScreenshot(facilitator, testInfo, 'plan-suggestions-tied-at-the-cut')
})
