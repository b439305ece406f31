/**
 * The rounds people take part in from their phones (dot vote, consensus check, emotion
 * curve): the controls fit a 375 px wide screen with nothing off to the side, a finger can
 * hit them, and the results say their counts on screen. The facilitator runs the session
 * from a laptop; two participants join on phones, in browser contexts that act as phones
 * (touch, mobile viewport).
 */
import type { Page } from '@playwright/test'
import { addNote, createWorkshop, nextStage, noteIn, stageHeading, startMapping } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'
import { goLive } from './livePage'
import { expectNoSidewaysScroll, expectTappable, joinOnPhone } from './phoneScreen'

// The facilitator's laptop.
test.use({ viewport: { width: 1366, height: 768 } })

test('on a phone, the dot vote and the consensus check fit the screen and their results show counts', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(180_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Core values/ })
  const { joinLink } = await goLive(facilitator)
  const amira = await joinOnPhone(browser, joinLink, 'Amira')
  const ben = await joinOnPhone(browser, joinLink, 'Ben')
  const phones = [amira, ben]

  // Clusters with long names and notes: the longest lines a vote card has to fit.
  await nextStage(facilitator, 'Silent brainstorm')
  await nextStage(facilitator, 'Cluster')
  for (const name of ['Customer obsessed, from the first call to the last invoice', 'Integrity']) {
    await facilitator.getByRole('textbox', { name: 'New cluster' }).fill(name)
    await facilitator.getByRole('button', { name: 'Add cluster' }).click()
  }
  await addNote(facilitator, 'Customer obsessed, from the first call to the last invoice', 'Call the customer back the same day, every time, even on Fridays')
  await addNote(facilitator, 'Unsorted ideas', 'Say no to promises we cannot keep')
  // Amira sorts it from her phone, without dragging.
  await expect(noteIn(amira, 'Unsorted ideas', 'Say no to promises')).toBeVisible()
  await expectNoSidewaysScroll(amira)
  await noteIn(amira, 'Unsorted ideas', 'Say no to promises').getByRole('button', { name: 'Move to…' }).tap()
  const moveDialog = amira.getByRole('dialog', { name: 'Move note to…' })
  await expect(moveDialog.getByRole('button', { name: 'Unsorted ideas (here now)' })).toBeDisabled()
  await saveScreenshot(amira, testInfo, 'phone-move-to-cluster')
  await moveDialog.getByRole('button', { name: 'Integrity' }).tap()
  await expect(noteIn(facilitator, 'Integrity', 'Say no to promises')).toBeVisible()

  await nextStage(facilitator, 'Dot vote')
  for (const page of phones) {
    await expect(stageHeading(page)).toHaveText(/Dot vote/)
    await expectNoSidewaysScroll(page)
    for (const cluster of ['Customer obsessed, from the first call to the last invoice', 'Integrity']) {
      await expectTappable(page.getByRole('button', { name: `Give a dot to ${cluster}` }), `Give a dot to ${cluster}`)
      await expectTappable(page.getByRole('button', { name: `Take a dot from ${cluster}` }), `Take a dot from ${cluster}`)
    }
  }
  await amira.getByRole('button', { name: 'Give a dot to Integrity' }).tap()
  await amira.getByRole('button', { name: 'Give a dot to Integrity' }).tap()
  await amira.getByRole('button', { name: /^Give a dot to Customer obsessed/ }).tap()
  await expect(amira.getByRole('listitem', { name: 'Integrity' }).getByLabel('Your dots on Integrity')).toHaveText('2')
  await saveScreenshot(amira, testInfo, 'phone-vote')
  await saveScreenshot(facilitator, testInfo, 'laptop-vote-facilitator')
  await amira.getByRole('button', { name: 'I have voted' }).tap()
  await ben.getByRole('button', { name: 'Give a dot to Integrity' }).tap()
  await ben.getByRole('button', { name: 'I have voted' }).tap()

  await facilitator.getByRole('button', { name: 'Close voting and show results' }).click()
  for (const page of phones) {
    const results = page.getByRole('region', { name: 'Vote results' })
    await expect(results.getByRole('listitem').first()).toContainText('Integrity')
    await expect(results.getByRole('listitem').first().getByText('3 dots')).toBeVisible()
    await expect(results.getByRole('listitem').nth(1).getByText('1 dot', { exact: true })).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
  await saveScreenshot(ben, testInfo, 'phone-vote-results')

  await nextStage(facilitator, 'Draft value statements')
  await facilitator.getByRole('spinbutton', { name: 'Number of clusters' }).fill('2')
  await facilitator.getByRole('button', { name: /Create candidates from the top/ }).click()
  await nextStage(facilitator, 'Consensus check')

  // Fist-of-five: each number says what it means, and each is a finger's width.
  const scorers = [facilitator, ...phones]
  for (const page of phones) {
    await expect(stageHeading(page)).toHaveText(/Consensus check/)
    await expectNoSidewaysScroll(page)
    const integrity = page.getByRole('listitem', { name: 'Integrity' })
    await expect(integrity.getByText('I block this', { exact: true })).toBeVisible()
    for (let fingers = 0; fingers <= 5; fingers++) {
      await expectTappable(integrity.locator('label').filter({ has: page.getByRole('radio', { name: new RegExp(`^${fingers} — `) }) }), `${fingers} fingers`)
    }
  }
  await saveScreenshot(amira, testInfo, 'phone-consensus')
  const scores: Record<string, string> = { Integrity: '5 — I fully support it', 'Customer obsessed': '3 — I can live with it' }
  for (const page of scorers) {
    for (const [value, fingers] of Object.entries(scores)) {
      const card = page.getByRole('listitem', { name: new RegExp(`^${value}`) })
      if (page === facilitator) await card.getByRole('radio', { name: fingers }).check()
      else await card.locator('label').filter({ has: page.getByRole('radio', { name: fingers }) }).tap()
    }
    await page.getByRole('button', { name: 'I am done' }).click()
  }
  // Everyone is done, so the check closes by itself.
  // Each bar says how many people showed that many fingers, in numbers on screen.
  for (const page of phones) {
    const integrity = page.getByRole('listitem', { name: 'Integrity' })
    await expect(integrity).toContainText('Average 5.0 from 3 people')
    const bars = integrity.getByRole('list', { name: 'How many people showed each number of fingers' }).getByRole('listitem')
    await expect(bars).toHaveCount(6)
    await expect(bars.nth(5)).toContainText('3 people showed 5 fingers')
    await expect(bars.nth(0)).toContainText('0 people showed 0 fingers')
    const shownCount = bars.nth(5).getByText('3', { exact: true })
    await expect(shownCount).toBeVisible()
    expect((await shownCount.boundingBox())!.height).toBeGreaterThanOrEqual(12)
    await expectNoSidewaysScroll(page)
  }
  await amira.getByRole('listitem', { name: 'Integrity' }).scrollIntoViewIfNeeded()
  await saveScreenshot(amira, testInfo, 'phone-consensus-results')
  await saveScreenshot(facilitator, testInfo, 'laptop-consensus-results')
})

test('on a phone, the emotion curve round fits the screen and the curve shows how many rated each stage', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(120_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Employee journey map/ })
  const { joinLink } = await goLive(facilitator)
  const amira = await joinOnPhone(browser, joinLink, 'Amira')
  const ben = await joinOnPhone(browser, joinLink, 'Ben')
  const phones = [amira, ben]
  await startMapping(facilitator)
  await nextStage(facilitator, 'Emotion curve')

  for (const page of phones) {
    await expect(stageHeading(page)).toHaveText(/Emotion curve/)
    await expectNoSidewaysScroll(page)
    const onboard = page.getByRole('group', { name: 'Onboard', exact: true })
    for (const word of ['Very bad', 'Bad', 'Neutral', 'Good', 'Very good']) {
      await expectTappable(onboard.locator('label').filter({ has: page.getByRole('radio', { name: word, exact: true }) }), word)
    }
  }
  await saveScreenshot(amira, testInfo, 'phone-emotions')
  const ratings: Array<[Page, string]> = [
    [facilitator, 'Good'],
    [amira, 'Very good'],
    [ben, 'Bad']
  ]
  for (const [page, word] of ratings) {
    for (const stage of ['Attract', 'Onboard']) {
      const group = page.getByRole('group', { name: stage, exact: true })
      const choice = page.getByRole('radio', { name: word, exact: true })
      if (page === facilitator) await group.getByRole('radio', { name: word, exact: true }).check()
      else await group.locator('label').filter({ has: choice }).tap()
    }
    await page.getByRole('button', { name: 'I have rated' }).click()
  }
  await facilitator.getByRole('button', { name: 'Close the ratings and show the curve' }).click()

  for (const page of phones) {
    const counts = page.getByRole('list', { name: 'Ratings per stage' })
    await expect(counts.getByRole('listitem').filter({ hasText: 'Onboard' })).toContainText('3 ratings')
    // No one rated Exit: the screen says so, as the exports do.
    await expect(counts.getByRole('listitem').filter({ hasText: 'Exit' })).toHaveText('Exit: no ratings')
    await expectNoSidewaysScroll(page)
  }
  await amira.getByRole('list', { name: 'Ratings per stage' }).scrollIntoViewIfNeeded()
  await saveScreenshot(amira, testInfo, 'phone-emotion-curve')
  await saveScreenshot(facilitator, testInfo, 'laptop-emotion-curve')
})
