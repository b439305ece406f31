/**
 * The core-values workshop from the prompt to the exported values, with a facilitator and
 * three participants over real WebRTC, using only what is on screen. A fourth peer, the
 * observer (observerPeer.ts), is the unmodified y-webrtc client in this process: it holds
 * what any laptop in the room receives, so the privacy checks look at exactly that.
 */
import type { Page } from '@playwright/test'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addPrivateNote, column, createWorkshop, moveWithKeyboard, nextStage, noteIn, noteTexts, stageHeading } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'
import { expectHostLink, goLive, joinSession, participant, RECORD_PEER_CONNECTIONS } from './livePage'
import { joinAsObserver, type ObserverPeer } from './observerPeer'
import { teamNotesOf } from '../../shared/valuesRecord'
import { keyedRows, pdfText, readCsvTables, readJson, readMarkdown, squash, titledTable } from '../exports/readBack'

const UNSORTED = 'Unsorted ideas'

/** A laptop whose clock is 90 s ahead of the facilitator's: Date runs early in every page it opens. */
const CLOCK_AHEAD_90_S = `(() => {
  const RealDate = Date
  const skew = 90_000
  class SkewedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + skew)
      else super(...args)
    }
    static now() {
      return RealDate.now() + skew
    }
  }
  window.Date = SkewedDate
})()`

const timerSeconds = async (page: Page) => {
  const [minutes, seconds] = ((await page.getByRole('timer', { name: 'Time left' }).textContent()) ?? '').split(':').map(Number)
  return minutes! * 60 + seconds!
}

/** Notes in the observer's copy of the shared document, by text. */
function sharedNoteTexts(observer: ObserverPeer): string[] {
  return [...observer.doc.getMap<{ get(key: string): unknown }>('notes').values()].map((note) => String(note.get('text')))
}

test('a facilitator and three participants agree core values, from the prompt to the exported files', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp,
  dataDir
}, testInfo) => {
  test.setTimeout(300_000)
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Core values/, title: 'Values offsite 2026' })

  // Prompt: the facilitator makes the question their own.
  await expect(stageHeading(facilitator)).toHaveText(/Prompt/)
  await facilitator.getByRole('button', { name: 'Edit the question' }).click()
  const question = facilitator.getByRole('textbox', { name: 'The question' })
  await question.fill('What do we stand for when we serve our customers?')
  await question.press('Enter')
  await saveScreenshot(facilitator, testInfo, 'values-prompt-facilitator')

  const { panel, code, joinLink } = await goLive(facilitator)
  const observer = await joinAsObserver(new URL(joinLink).origin, code.replace('-', ''))

  try {
    const amira = await joinSession((await participant(browser)).page, joinLink, 'Amira')
    const ben = await joinSession((await participant(browser)).page, joinLink, 'Ben')
    const skewed = await participant(browser)
    await skewed.context.addInitScript(CLOCK_AHEAD_90_S)
    const chloe = await joinSession(skewed.page, joinLink, 'Chloé')
    const everyone = [facilitator, amira, ben, chloe]
    for (const page of [amira, ben, chloe]) {
      await expect(stageHeading(page)).toHaveText(/Prompt/)
      await expect(page.getByText('What do we stand for when we serve our customers?')).toBeVisible()
    }
    for (const page of [amira, ben, chloe]) await expectHostLink(page)
    await saveScreenshot(amira, testInfo, 'values-prompt-participant')

    // The shared timer reads the same on Chloé's laptop, whose clock is 90 s ahead.
    await facilitator.getByRole('combobox', { name: 'Timer length' }).selectOption('5')
    await facilitator.getByRole('button', { name: 'Start timer' }).click()
    await expect(chloe.getByText('Running')).toBeVisible()
    await expect(async () => {
      const [host, skewedScreen] = await Promise.all([timerSeconds(facilitator), timerSeconds(chloe)])
      expect(host).toBeLessThanOrEqual(300)
      expect(host).toBeGreaterThan(240)
      expect(Math.abs(host - skewedScreen)).toBeLessThanOrEqual(2)
    }).toPass({ timeout: 15_000 })

    // Silent brainstorm: notes stay on each laptop; everyone sees only how many there are.
    await nextStage(facilitator, 'Silent brainstorm')
    for (const page of everyone) await expect(stageHeading(page)).toHaveText(/Silent brainstorm/)
    await addPrivateNote(amira, 'Call the customer back the same day')
    await addPrivateNote(amira, 'Own the problem until it is solved')
    await addPrivateNote(ben, 'Say no to promises we cannot keep')
    // Chloé, keyboard only.
    await chloe.keyboard.press('Tab')
    await chloe.getByRole('textbox', { name: 'New private note' }).focus()
    await chloe.keyboard.type('Tell the truth, even when it is awkward')
    await chloe.keyboard.press('Enter')
    await expect(facilitator.getByText('4 notes written so far by 3 people')).toBeVisible()
    await expect(ben.getByText('4 notes written so far by 3 people')).toBeVisible()
    await expect(ben.getByText('Call the customer back the same day')).toHaveCount(0)
    expect(sharedNoteTexts(observer)).toEqual([])
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('Call the customer')
    await saveScreenshot(amira, testInfo, 'values-brainstorm-participant')
    await saveScreenshot(facilitator, testInfo, 'values-brainstorm-facilitator')

    // Reveal: every note on every screen, written by the host, mixed.
    await nextStage(facilitator, 'Cluster')
    const allNotes = [
      'Call the customer back the same day',
      'Own the problem until it is solved',
      'Say no to promises we cannot keep',
      'Tell the truth, even when it is awkward'
    ]
    for (const page of everyone) {
      await expect(stageHeading(page)).toHaveText(/Cluster/)
      await expect.poll(async () => (await noteTexts(page, UNSORTED)).sort()).toEqual([...allNotes].sort())
    }
    await expect.poll(() => sharedNoteTexts(observer).sort()).toEqual([...allNotes].sort())
    // Every revealed note was written by the host, none by the laptop it came from.
    expect(observer.people().length).toBeGreaterThanOrEqual(5)
    expect(observer.hostClientId()).toBeDefined()
    expect(new Set(observer.entryWritersOf('notes'))).toEqual(new Set([observer.hostClientId()]))
    // Presence said how many notes the room wrote, never how many each person did.
    for (const { state } of observer.people()) expect(state).not.toHaveProperty('progress')
    const presence = JSON.stringify([...observer.awareness.getStates().values()])
    for (const text of allNotes) expect(presence).not.toContain(text)
    for (const id of observer.doc.getMap('notes').keys()) expect(presence).not.toContain(id)
    // Only the author sees "Mine".
    await expect(noteIn(amira, UNSORTED, 'Own the problem').getByText('Mine')).toBeVisible()
    await expect(noteIn(ben, UNSORTED, 'Own the problem').getByText('Mine')).toHaveCount(0)
    await expect(noteIn(ben, UNSORTED, 'Say no to promises').getByText('Mine')).toBeVisible()

    // Cluster: make clusters and sort the notes into them, with the mouse and with the keyboard.
    const newCluster = async (page: Page, name: string) => {
      await page.getByRole('textbox', { name: 'New cluster' }).fill(name)
      await page.getByRole('button', { name: 'Add cluster' }).click()
      await expect(column(page, name)).toBeVisible()
    }
    await newCluster(facilitator, 'Customer obsessed')
    await newCluster(ben, 'Ownership')
    await newCluster(amira, 'Integrity')
    for (const page of everyone) await expect(column(page, 'Integrity')).toBeVisible()
    // Lock editing: participants can look, not change; unlocking gives the board back.
    await facilitator.getByRole('checkbox', { name: 'Lock editing' }).check()
    await expect(stageHeading(ben)).toContainText('Editing locked')
    await expect(ben.getByText('The facilitator has locked editing for now')).toBeVisible()
    await expect(ben.getByRole('textbox', { name: 'New cluster' })).toHaveCount(0)
    await expect(ben.getByRole('textbox', { name: `New note in ${UNSORTED}` })).toHaveCount(0)
    await expect(noteIn(ben, UNSORTED, 'Own the problem').getByRole('button', { name: 'Edit note' })).toHaveCount(0)
    await saveScreenshot(ben, testInfo, 'values-locked-participant')
    await facilitator.getByRole('checkbox', { name: 'Lock editing' }).uncheck()
    await expect(ben.getByRole('textbox', { name: 'New cluster' })).toBeVisible()

    // Everyone follows me: the facilitator points at a cluster, and a narrow screen brings it into view.
    await facilitator.getByRole('checkbox', { name: 'Everyone follows me' }).check()
    await ben.setViewportSize({ width: 480, height: 800 })
    await expect(column(ben, 'Integrity')).not.toBeInViewport()
    await column(facilitator, 'Integrity').getByRole('heading', { name: 'Integrity' }).click()
    await expect(column(ben, 'Integrity')).toBeInViewport()
    await expect(column(ben, 'Integrity')).toHaveClass(/followed/)
    await saveScreenshot(ben, testInfo, 'values-follow-narrow')
    await ben.setViewportSize({ width: 1280, height: 720 })
    await facilitator.getByRole('checkbox', { name: 'Everyone follows me' }).uncheck()

    await moveWithKeyboard(chloe, noteIn(chloe, UNSORTED, 'Tell the truth'), ['ArrowRight', 'ArrowRight', 'ArrowRight'])
    await expect(noteIn(facilitator, 'Integrity', 'Tell the truth')).toBeVisible()
    await moveWithKeyboard(chloe, noteIn(chloe, UNSORTED, 'Say no to promises'), ['ArrowRight', 'ArrowRight', 'ArrowRight'])
    await moveWithKeyboard(chloe, noteIn(chloe, UNSORTED, 'Call the customer back'), ['ArrowRight'])
    await moveWithKeyboard(chloe, noteIn(chloe, UNSORTED, 'Own the problem'), ['ArrowRight', 'ArrowRight'])
    await expect(noteIn(amira, 'Ownership', 'Own the problem')).toBeVisible()
    await expect(noteIn(amira, 'Customer obsessed', 'Call the customer back')).toBeVisible()
    expect((await noteTexts(facilitator, 'Integrity')).sort()).toEqual(
      ['Say no to promises we cannot keep', 'Tell the truth, even when it is awkward'].sort()
    )
    await saveScreenshot(facilitator, testInfo, 'values-cluster-facilitator')
    await saveScreenshot(chloe, testInfo, 'values-cluster-participant')
    // Still nothing links a note to a person, after all that moving: the host wrote every note and
    // every move (the facilitator's own moves are theirs).
    const facilitatorId = observer.people().find((person) => person.state.role === 'facilitator')?.clientId
    expect([...new Set(observer.writersOf('notes'))].filter((writer) => writer !== facilitatorId)).toEqual([observer.hostClientId()])

    // Dot vote: ballots stay on each laptop until voting closes.
    await nextStage(facilitator, 'Dot vote')
    for (const page of everyone) await expect(stageHeading(page)).toHaveText(/Dot vote/)
    const give = async (page: Page, cluster: string, dots = 1) => {
      for (let i = 0; i < dots; i++) await page.getByRole('button', { name: `Give a dot to ${cluster}` }).click()
    }
    // The board is out of view: no Undo that would change it unseen.
    await expect(amira.getByRole('button', { name: 'Undo' })).toHaveCount(0)
    await give(amira, 'Customer obsessed', 2)
    await give(amira, 'Integrity')
    await amira.getByRole('button', { name: 'I have voted' }).click()
    await give(ben, 'Integrity', 2)
    await give(ben, 'Ownership')
    await ben.getByRole('button', { name: 'I have voted' }).click()
    // Chloé, keyboard only: Tab to each "Give a dot" button and press Enter. Her dots tie Integrity with Customer obsessed.
    await chloe.getByRole('button', { name: 'Give a dot to Integrity' }).focus()
    await chloe.keyboard.press('Enter')
    await chloe.getByRole('button', { name: 'Give a dot to Customer obsessed' }).focus()
    await chloe.keyboard.press('Enter')
    await chloe.keyboard.press('Enter')
    await expect(chloe.getByText('You have 0 of 3 dots left.')).toBeVisible()
    await chloe.getByRole('button', { name: 'I have voted' }).focus()
    await chloe.keyboard.press('Enter')
    // Three of four peers in the room (the observer does not vote): the host counts them; in
    // anonymous mode no one's own "done" reaches anyone, not even the facilitator.
    await expect(facilitator.getByText(/3\s+of 4 participants have voted/)).toBeVisible()
    const peopleHere = panel.getByRole('list', { name: /People here/ })
    await expect(peopleHere.getByRole('listitem').filter({ hasText: 'Amira' })).toBeVisible()
    await expect(peopleHere).not.toContainText('done')
    for (const { state } of observer.people()) expect(state).not.toHaveProperty('progress')
    expect(observer.doc.getMap('votes').size).toBe(0)
    await saveScreenshot(amira, testInfo, 'values-vote-participant')
    await saveScreenshot(facilitator, testInfo, 'values-vote-facilitator')

    await facilitator.getByRole('button', { name: 'Close voting and show results' }).click()
    // A tie shows as a tie, in the board's order, until the facilitator breaks it: Integrity first.
    const results = (page: Page) => page.getByRole('region', { name: 'Vote results' })
    /** The place at `index` in a screen's vote results: its cluster, and its dots with its tie. */
    const expectPlace = async (page: Page, index: number, cluster: string, dots: string) => {
      const place = results(page).getByRole('listitem').nth(index)
      await expect(place).toContainText(cluster)
      await expect(place).toContainText(dots)
    }
    await expectPlace(amira, 0, 'Customer obsessed', '4 dots (tied)')
    await expectPlace(amira, 1, 'Integrity', '4 dots (tied)')
    const tie = results(facilitator).getByRole('group', { name: 'Tie: “Customer obsessed”, “Integrity”' })
    await tie.getByRole('button', { name: 'Break the tie' }).click()
    await tie.getByRole('button', { name: 'Move Integrity up' }).click()
    await tie.getByRole('button', { name: 'Save this order' }).click()
    for (const page of everyone) {
      await expectPlace(page, 0, 'Integrity', '4 dots (tie broken by the facilitator)')
      await expectPlace(page, 1, 'Customer obsessed', '4 dots (tie broken by the facilitator)')
      await expectPlace(page, 2, 'Ownership', '1 dot')
    }
    // Participants are no longer told their ballot "stays private until voting closes".
    await expect(amira.getByText('Voting has closed: the results are on every screen.')).toBeVisible()
    await expect(amira.getByText(/stays private until voting closes/)).toHaveCount(0)
    await expect.poll(() => observer.doc.getMap('votes').size).toBe(3)
    expect(new Set(observer.entryWritersOf('votes'))).toEqual(new Set([observer.hostClientId()]))
    await saveScreenshot(ben, testInfo, 'values-vote-results')

    // Draft value statements, edited together.
    await nextStage(facilitator, 'Draft value statements')
    await facilitator.getByRole('spinbutton', { name: 'Number of clusters' }).fill('2')
    await facilitator.getByRole('button', { name: /Create candidates from the top/ }).click()
    for (const page of everyone) {
      await expect(page.getByRole('article', { name: 'Integrity' })).toBeVisible()
      await expect(page.getByRole('article', { name: 'Customer obsessed' })).toBeVisible()
    }
    await amira.getByRole('textbox', { name: 'Definition of Integrity' }).fill('We tell the truth and keep our word.')
    await ben.getByRole('textbox', { name: 'Add a “we do” behaviour to Integrity' }).fill('Say when we got it wrong')
    await ben.getByRole('textbox', { name: 'Add a “we do” behaviour to Integrity' }).press('Enter')
    await chloe.getByRole('textbox', { name: 'Add a “we don’t” behaviour to Integrity' }).fill('Promise what we cannot deliver')
    await chloe.getByRole('textbox', { name: 'Add a “we don’t” behaviour to Integrity' }).press('Enter')
    await facilitator
      .getByRole('textbox', { name: 'Definition of Customer obsessed' })
      .fill('We start from what the customer needs, and call back the same day.')
    await expect(ben.getByRole('textbox', { name: 'Definition of Integrity' })).toHaveValue('We tell the truth and keep our word.')
    await expect(amira.getByRole('article', { name: 'Integrity' })).toContainText('Promise what we cannot deliver')
    await saveScreenshot(amira, testInfo, 'values-draft-participant')
    // What the participants wrote together reached the room only as the host's writes: no
    // participant's client id, nor a throwaway one, is anywhere under the values.
    await expect.poll(() => JSON.stringify(observer.doc.getMap('values').toJSON())).toContain('Promise what we cannot deliver')
    expect(new Set(observer.subtreeWritersOf('values'))).toEqual(new Set([observer.hostClientId(), facilitatorId]))

    // Consensus check: fist-of-five, private until the facilitator closes it.
    await nextStage(facilitator, 'Consensus check')
    const score = async (page: Page, value: string, fingers: string) =>
      page.getByRole('listitem', { name: value }).getByRole('radio', { name: fingers }).check()
    // Each number says what it means on screen, not only to a screen reader.
    const integrity = amira.getByRole('listitem', { name: 'Integrity' })
    await expect(integrity.getByText('I block this', { exact: true })).toBeVisible()
    await expect(integrity.getByText('I fully support it', { exact: true })).toBeVisible()
    for (const page of [amira, ben, chloe]) {
      await score(page, 'Integrity', '5 — I fully support it')
      await score(page, 'Customer obsessed', page === ben ? '1 — Serious concerns' : '2 — Some concerns')
      await page.getByRole('button', { name: 'I am done' }).click()
    }
    await expect(facilitator.getByText(/3\s+of 4 participants have scored every value/)).toBeVisible()
    expect(observer.doc.getMap('consensus').size).toBe(0)
    await saveScreenshot(chloe, testInfo, 'values-consensus-participant')
    await facilitator.getByRole('button', { name: 'Close the check and show results' }).click()
    for (const page of everyone) {
      await expect(page.getByRole('listitem', { name: 'Integrity' })).toContainText('Average 5.0 from 3 people')
      await expect(page.getByRole('listitem', { name: 'Customer obsessed' })).toContainText('Needs rework')
    }
    // One entry per score (two values, three people each), written by the host: no one's scores held together.
    await expect.poll(() => observer.doc.getMap('consensus').size).toBe(6)
    expect(new Set(observer.entryWritersOf('consensus'))).toEqual(new Set([observer.hostClientId()]))
    for (const entry of observer.doc.getMap<{ marks: object }>('consensus').values()) expect(Object.keys(entry.marks)).toHaveLength(1)
    await saveScreenshot(facilitator, testInfo, 'values-consensus-results')

    // Finalize, then export every format and read each file back.
    await nextStage(facilitator, 'Finalize')
    await expect(facilitator.getByRole('alert')).toContainText('flagged Customer obsessed for rework')
    await facilitator.getByRole('button', { name: 'Finalize the workshop' }).click()
    await facilitator.getByRole('dialog', { name: 'Finalize the workshop?' }).getByRole('button', { name: 'Finalize' }).click()
    await expect(facilitator.getByRole('region', { name: 'Finalized record' })).toContainText(/Content hash \(SHA-256\): [0-9a-f]{64}/)
    for (const page of [amira, ben, chloe]) await expect(stageHeading(page)).toContainText('Finalized')
    await saveScreenshot(facilitator, testInfo, 'values-finalized-facilitator')

    const folder = await mkdtemp(join(tmpdir(), 'values-exports-'))
    const exportPanel = facilitator.getByRole('region', { name: 'Finalized record' })
    await exportPanel.getByRole('textbox', { name: 'Folder' }).fill(folder)
    const saved: Record<string, string> = {}
    for (const label of ['Markdown', 'PDF', 'Spreadsheet (CSV)', 'Data (JSON)']) {
      await exportPanel.getByRole('button', { name: label, exact: true }).click()
      const message = exportPanel.getByRole('status').filter({ hasText: `${label} saved as` })
      await expect(message).toContainText(folder)
      saved[label] = ((await message.textContent()) ?? '').replace(/^.*saved as /, '').replace(/\.?\s*$/, '')
    }
    const markdown = readMarkdown(await readFile(saved['Markdown']!, 'utf8'))
    // The record keeps the facilitator's order: the exports show the tie as broken, not as the dots alone would.
    expect(markdown.section('Decision record').items).toEqual(
      expect.arrayContaining([
        '1. Integrity: 4 dots (tie broken by the facilitator)',
        '2. Customer obsessed: 4 dots (tie broken by the facilitator)',
        '3. Ownership: 1 dot'
      ])
    )
    expect(markdown.headings.map((heading) => heading.text)).toEqual(expect.arrayContaining(['Integrity', 'Customer obsessed']))
    expect(squash(markdown.text)).toContain(squash('We tell the truth and keep our word.'))
    expect(squash(markdown.text)).toContain(squash('Say when we got it wrong'))
    const pdf = squash(await pdfText(saved['PDF']!))
    expect(pdf).toContain(squash('Customer obsessed'))
    expect(pdf).toContain(squash('Promise what we cannot deliver'))
    const csvTables = readCsvTables(await readFile(saved['Spreadsheet (CSV)']!, 'utf8'))
    const valueTable = csvTables[0]
    expect(JSON.stringify(keyedRows(valueTable!))).toContain('Say when we got it wrong')
    const { document, errors } = readJson(await readFile(saved['Data (JSON)']!, 'utf8'))
    expect(errors).toEqual([])
    expect(document.record.values.map((value) => value.name)).toEqual(['Integrity', 'Customer obsessed'])
    // What the team wrote, every note in the cluster it was sorted into, in every export; no note was left unsorted.
    const wrote = {
      'Customer obsessed': ['Call the customer back the same day'],
      Ownership: ['Own the problem until it is solved'],
      Integrity: ['Say no to promises we cannot keep', 'Tell the truth, even when it is awkward']
    }
    const bySortedNotes = (groups: Array<{ title: string; notes: string[] }>) =>
      Object.fromEntries(groups.map(({ title, notes }) => [title, [...notes].sort()]))
    expect(bySortedNotes(markdown.section('What the team wrote').groups)).toEqual(wrote)
    const jsonNotes = teamNotesOf(document.record)!
    expect(bySortedNotes(jsonNotes.clusters)).toEqual(wrote)
    expect(jsonNotes.unsortedNotes).toEqual([])
    const csvNotes = keyedRows(titledTable(csvTables, 'What the team wrote'))
    expect(bySortedNotes(Object.keys(wrote).map((title) => ({ title, notes: csvNotes.filter((row) => row.Cluster === title).map((row) => row.Note!) })))).toEqual(wrote)
    expect(csvNotes).toHaveLength(4)
    const pdfAppendix = pdf.split('Whattheteamwrote')[1]!
    for (const note of Object.values(wrote).flat()) expect(pdfAppendix).toContain(squash(note))
    // Counts, not names: the workshop was anonymous. The observer was in the room too.
    expect(document.record.participants).toEqual({ count: 4, names: null })
    expect(document.contentHash.value).toMatch(/^[0-9a-f]{64}$/)

    // A peer changes the board after the end (the observer writes to the shared document as
    // any laptop could): the stored record, what the facilitator sees and the exports stay as agreed.
    const shownHash = ((await exportPanel.textContent()) ?? '').match(/[0-9a-f]{64}/)![0]
    observer.doc.transact(() => {
      const values = observer.doc.getMap<{ set(key: string, value: unknown): void }>('values')
      for (const value of values.values()) value.set('name', 'Rewritten afterwards')
    })
    // It reached the facilitator's saved board…
    const savedBoard = async () => {
      const folder = join(dataDir, 'workshops')
      const files = (await readdir(folder)).filter((name) => name.endsWith('.ydoc'))
      return Buffer.concat(await Promise.all(files.map((name) => readFile(join(folder, name))))).toString('utf8')
    }
    await expect.poll(savedBoard).toContain('Rewritten afterwards')
    // …but every screen still shows the values as recorded, and the record's hash.
    for (const page of everyone) {
      await expect(page.getByRole('list', { name: 'Our values' })).toContainText('Integrity')
      await expect(page.getByText('Rewritten afterwards')).toHaveCount(0)
    }
    // The record's hash is the facilitator's to keep; a participant's screen (a phone) has none to scroll past.
    await expect(amira.getByText(shownHash)).toHaveCount(0)
    await saveScreenshot(amira, testInfo, 'values-finalized-participant')
    await amira.setViewportSize({ width: 375, height: 667 })
    await expect(amira.getByRole('list', { name: 'Our values' })).toBeVisible()
    expect(await amira.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375)
    await saveScreenshot(amira, testInfo, 'values-finalized-participant-phone')
    await amira.setViewportSize({ width: 1366, height: 860 })
    await exportPanel.getByRole('button', { name: 'Data (JSON)', exact: true }).click()
    const again = exportPanel.getByRole('status').filter({ hasText: 'Data (JSON) saved as' })
    await expect(again).not.toContainText(saved['Data (JSON)']!)
    const reexported = readJson(await readFile(((await again.textContent()) ?? '').replace(/^.*saved as /, '').trim(), 'utf8'))
    expect(reexported.document.record).toEqual(document.record)
    expect(reexported.document.contentHash.value).toBe(shownHash)
  } finally {
    observer.destroy()
  }
})
