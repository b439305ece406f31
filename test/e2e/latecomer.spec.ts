/**
 * Anonymous mode's latecomer: someone whose laptop is offline when the facilitator reveals the
 * brainstorm comes back afterwards. Their notes must not appear on everyone's board alone (the
 * whole room would know whose they are): the host holds them until enough late answers can go
 * together. They are told, and the facilitator sees how many wait.
 */
import { addPrivateNote, createWorkshop, nextStage, noteTexts, stageHeading } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'
import { goLive, joinSession, participant } from './livePage'

test('a latecomer’s notes are held back, not revealed alone: they are told, and the facilitator sees one waiting', async ({
  page: facilitator,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(120_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Core values/, title: 'Late but private' })
  const { joinLink } = await goLive(facilitator)
  const amira = await joinSession((await participant(browser)).page, joinLink, 'Amira')
  const ben = await joinSession((await participant(browser)).page, joinLink, 'Ben')
  const late = await participant(browser, { width: 390, height: 844 })
  const chloe = await joinSession(late.page, joinLink, 'Chloé')
  await nextStage(facilitator, 'Silent brainstorm')
  for (const page of [amira, ben, chloe]) await expect(stageHeading(page)).toHaveText(/Silent brainstorm/)
  await addPrivateNote(amira, 'Call the customer back the same day')
  await addPrivateNote(ben, 'Say no to promises we cannot keep')
  await addPrivateNote(chloe, 'Tell the truth, even when it is awkward')

  // Chloé's laptop drops off; the facilitator reveals meanwhile.
  await late.context.setOffline(true)
  await nextStage(facilitator, 'Cluster')
  const revealed = ['Call the customer back the same day', 'Say no to promises we cannot keep']
  for (const page of [facilitator, amira, ben]) {
    await expect.poll(async () => (await noteTexts(page, 'Unsorted ideas')).sort(), { timeout: 20_000 }).toEqual(revealed)
  }

  // She is back: her note stays hers, held back until enough latecomers can go together.
  await late.context.setOffline(false)
  await expect(stageHeading(chloe)).toHaveText(/Cluster/, { timeout: 30_000 })
  await expect(chloe.getByRole('status').filter({ hasText: 'Your notes came after the reveal' })).toContainText(
    'they are held back until at least 3 late answers can be shared together'
  )
  await expect(facilitator.getByRole('status').filter({ hasText: 'held back until 3' })).toContainText('1 late answer to the silent brainstorm is held back')
  for (const page of [facilitator, amira, ben, chloe]) {
    expect((await noteTexts(page, 'Unsorted ideas')).sort()).toEqual(revealed)
  }
  // No one else is told anything about it.
  for (const page of [amira, ben]) await expect(page.getByText(/came after the reveal|late answer/)).toHaveCount(0)
  await saveScreenshot(chloe, testInfo, 'latecomer-held-back-participant')
  await saveScreenshot(facilitator, testInfo, 'latecomer-held-back-facilitator')
})
