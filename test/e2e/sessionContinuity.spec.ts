/**
 * A workshop's live session stays the same session: after End session and Go live, and after
 * the app itself restarts, the same link and code let people in, and each participant's
 * unrevealed brainstorm notes are still theirs to reveal.
 */
import { addPrivateNote, createWorkshop, nextStage, noteTexts, privateNote, stageHeading } from './boardPage'
import { expect, saveScreenshot, startHostApp, test } from './fixtures'
import { endSession, goLive, joinSession, participant } from './livePage'

test('a brainstorm survives End session and a restart of the app: the same link and code, and everyone’s private notes', async ({
  page: facilitator,
  context,
  browser,
  hostApp,
  dataDir
}, testInfo) => {
  test.setTimeout(150_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Core values/, title: 'Same session' })
  const first = await goLive(facilitator)
  const amira = await joinSession((await participant(browser)).page, first.joinLink, 'Amira')
  const ben = await joinSession((await participant(browser)).page, first.joinLink, 'Ben')
  await nextStage(facilitator, 'Silent brainstorm')
  await expect(stageHeading(amira)).toHaveText(/Silent brainstorm/)
  await addPrivateNote(amira, 'Call the customer back the same day')
  await addPrivateNote(ben, 'Say no to promises we cannot keep')

  // End, then Go live again: the same code and link.
  await endSession(facilitator, async (dialog) => {
    // Ending during the brainstorm: the facilitator is told what becomes of the unshared notes.
    await expect(dialog).toContainText('The silent brainstorm is still open: what people have not shared yet stays on their own devices.')
    await saveScreenshot(facilitator, testInfo, 'end-session-during-brainstorm')
  })
  await expect(amira.getByRole('status').filter({ hasText: /^Session ended$/ })).toBeVisible({ timeout: 20_000 })
  const second = await goLive(facilitator)
  expect(second.code).toBe(first.code)
  expect(second.joinLink).toBe(first.joinLink)
  // Opening the link again takes each of them back to the board, their notes still theirs.
  for (const [page, note] of [
    [amira, 'Call the customer back the same day'],
    [ben, 'Say no to promises we cannot keep']
  ] as const) {
    await page.goto(first.joinLink)
    await page.reload()
    await expect(stageHeading(page)).toHaveText(/Silent brainstorm/, { timeout: 20_000 })
    await expect(page.getByRole('status').filter({ hasText: /^Connected/ })).toBeVisible({ timeout: 20_000 })
    await expect(privateNote(page, note)).toBeVisible()
  }

  // The app stops and starts again (the facilitator's laptop restarted).
  await hostApp.stop()
  const restarted = await startHostApp(dataDir)
  try {
    const back = await context.newPage()
    await back.goto(restarted.url)
    await back.getByRole('button', { name: 'Open Same session', exact: true }).click()
    const third = await goLive(back)
    expect(third.code).toBe(first.code)
    expect(third.joinLink).toBe(first.joinLink)
    // Those still on the board reconnect by themselves: the same session, the same tickets.
    for (const page of [amira, ben]) {
      await expect(page.getByRole('status').filter({ hasText: /^Connected/ })).toBeVisible({ timeout: 30_000 })
    }
    await saveScreenshot(ben, testInfo, 'participant-after-host-restart')

    // The reveal brings both notes to every screen.
    await nextStage(back, 'Cluster')
    const notes = ['Call the customer back the same day', 'Say no to promises we cannot keep']
    for (const page of [back, amira, ben]) {
      await expect.poll(async () => (await noteTexts(page, 'Unsorted ideas')).sort(), { timeout: 20_000 }).toEqual(notes)
    }
  } finally {
    await restarted.stop()
  }
})
