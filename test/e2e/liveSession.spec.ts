import { addNote, column, createWorkshop, noteIn, startMapping } from './boardPage'
import { expect, saveScreenshot, startHostApp, test } from './fixtures'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { endSession, expectHostLink, goLive, inPeopleHere, joinSession, participant, RECORD_PEER_CONNECTIONS } from './livePage'

test('a workshop goes live: people join by link and by code, edit together over WebRTC, survive going offline', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(150_000)
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Values offsite 2026' })
  await expect(facilitator.getByRole('heading', { name: 'Values offsite 2026', level: 1 })).toBeVisible()
  await startMapping(facilitator)
  // Named, so everyone can see who is editing which note (a journey map starts anonymous).
  await facilitator.getByRole('checkbox', { name: 'Anonymous' }).uncheck()

  await facilitator.getByRole('button', { name: 'Go live' }).click()
  const panel = facilitator.getByRole('region', { name: 'Live session' })
  await expect(panel).toBeVisible()
  const shownCode = (await panel.getByRole('status', { name: 'Join code' }).textContent()) ?? ''
  expect(shownCode).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}$/)
  const joinLink = (await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? ''
  // The link carries the session's public key in its fragment, which no browser sends to a server.
  expect(joinLink).toMatch(new RegExp(`^${new URL(joinLink).origin}/#/join/${shownCode.replace('-', '')}/[A-Za-z0-9_-]{43}$`))
  const sessionOrigin = new URL(joinLink).origin

  // A server answering with another key than the link's (someone posing as the host) is refused.
  const misled = await participant(browser)
  await misled.page.goto(joinLink.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)))
  await expect(misled.page.getByText(/answered for a different session than your join link names/)).toBeVisible()
  await misled.context.close()
  await expect(panel.getByRole('img', { name: 'QR code of the join link' })).toBeVisible()
  await expect(panel.getByText('No one has joined yet.')).toBeVisible()
  await saveScreenshot(facilitator, testInfo, 'live-panel')

  // Participant A follows the link (or the QR code).
  const a = await participant(browser)
  await a.page.goto(joinLink)
  await expect(a.page.getByRole('heading', { name: 'Values offsite 2026', level: 1 })).toBeVisible()
  await a.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Amira')
  await saveScreenshot(a.page, testInfo, 'join-name')
  await a.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(column(a.page, 'Attract, Touchpoints')).toBeVisible()
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible()

  // Participant B, on a phone, opens the session's address and types the code, first a wrong one.
  const b = await participant(browser, { width: 390, height: 844 })
  await b.page.goto(`${sessionOrigin}/#/join`)
  await expect(b.page.getByRole('heading', { name: 'Join a session', level: 1 })).toBeVisible()
  await saveScreenshot(b.page, testInfo, 'join-form')
  const codeBox = b.page.getByRole('textbox', { name: 'Join code' })
  const wrongCode = shownCode === 'ABC-DEF' ? 'ABC-DEG' : 'ABC-DEF'
  await codeBox.fill(wrongCode)
  await b.page.getByRole('button', { name: 'Join', exact: true }).click()
  await expect(b.page.getByRole('alert')).toHaveText(/That code is not right\. Check the code on the facilitator’s screen/)
  await expect(codeBox).toHaveValue(wrongCode)
  await saveScreenshot(b.page, testInfo, 'join-form-wrong-code')
  await codeBox.fill(shownCode.toLowerCase())
  await b.page.getByRole('button', { name: 'Join', exact: true }).click()
  await expect(b.page.getByRole('heading', { name: 'Values offsite 2026', level: 1 })).toBeVisible()
  await b.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(column(b.page, 'Attract, Touchpoints')).toBeVisible()

  // Real WebRTC: each participant's page holds one link, to the host (a star).
  await expectHostLink(a.page)
  await expectHostLink(b.page)

  // Presence: names, a guest number for B, and counts.
  const people = panel.getByRole('list', { name: /People here/ })
  await expect(people.getByRole('listitem')).toHaveCount(2)
  await expect(people.getByText('Amira')).toBeVisible()
  const guest = (await people.getByText(/^Guest \d+$/).textContent()) ?? ''
  expect(guest).toMatch(/^Guest \d+$/)
  await expect(a.page.getByRole('button', { name: '3 here' })).toBeVisible()
  await inPeopleHere(a.page, async (aPeople) => {
    await expect(aPeople.getByRole('listitem')).toHaveCount(3)
    await expect(aPeople.getByRole('listitem').first()).toHaveText('Amira (you)')
    await expect(aPeople.getByText(guest)).toBeVisible()
    await expect(aPeople.getByText('Facilitator')).toBeVisible()
  })

  // Edits flow every way.
  await addNote(a.page, 'Attract, Touchpoints', 'Call the customer back the same day')
  await expect(noteIn(b.page, 'Attract, Touchpoints', 'Call the customer back the same day')).toBeVisible()
  await expect(noteIn(facilitator, 'Attract, Touchpoints', 'Call the customer back the same day')).toBeVisible()

  const onB = noteIn(b.page, 'Attract, Touchpoints', 'Call the customer back')
  await onB.hover()
  await onB.getByRole('button', { name: 'Edit note' }).click()
  const editor = b.page.getByRole('textbox', { name: 'Note text' })
  // While B's editor is open, the others see who is working on a note.
  await inPeopleHere(a.page, (aPeople) => expect(aPeople.getByRole('listitem').filter({ hasText: guest })).toContainText('editing a note'))
  await editor.fill('Call the customer back within the hour')
  await editor.press('Enter')
  await expect(noteIn(a.page, 'Attract, Touchpoints', 'Call the customer back within the hour')).toBeVisible()
  await expect(noteIn(facilitator, 'Attract, Touchpoints', 'Call the customer back within the hour')).toBeVisible()

  await addNote(facilitator, 'Recruit, Touchpoints', 'Respect')
  await expect(noteIn(a.page, 'Recruit, Touchpoints', 'Respect')).toBeVisible()
  await expect(noteIn(b.page, 'Recruit, Touchpoints', 'Respect')).toBeVisible()
  await saveScreenshot(a.page, testInfo, 'participant-board')
  await saveScreenshot(b.page, testInfo, 'participant-board-phone')
  await saveScreenshot(facilitator, testInfo, 'live-board-facilitator')

  // A loses the network, keeps working, and comes back.
  await a.context.setOffline(true)
  await expect(a.page.getByRole('status').filter({ hasText: 'Offline — your changes are kept' })).toBeVisible()
  await expect(people.getByRole('listitem')).toHaveCount(1)
  await inPeopleHere(a.page, (aPeople) => expect(aPeople.getByRole('listitem')).toHaveText(['Amira (you)']))
  await addNote(a.page, 'Onboard, Touchpoints', 'Ownership')
  await addNote(facilitator, 'Onboard, Touchpoints', 'Curiosity')
  await saveScreenshot(a.page, testInfo, 'participant-offline')
  // Give a leak the time to show: nothing crosses while A is offline.
  await b.page.waitForTimeout(1_500)
  await expect(noteIn(b.page, 'Onboard, Touchpoints', 'Ownership')).toHaveCount(0)
  await expect(noteIn(a.page, 'Onboard, Touchpoints', 'Curiosity')).toHaveCount(0)

  await a.context.setOffline(false)
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible({ timeout: 20_000 })
  for (const page of [a.page, b.page, facilitator]) {
    await expect(noteIn(page, 'Onboard, Touchpoints', 'Ownership')).toBeVisible({ timeout: 20_000 })
    await expect(noteIn(page, 'Onboard, Touchpoints', 'Curiosity')).toBeVisible({ timeout: 20_000 })
  }
  await expectHostLink(a.page)
  await expect(a.page.getByRole('button', { name: '3 here' })).toBeVisible()
  // The note A added is "Mine" on A's screen, and on no one else's.
  await expect(noteIn(a.page, 'Onboard, Touchpoints', 'Ownership').getByText('Mine')).toBeVisible()
  await expect(noteIn(b.page, 'Onboard, Touchpoints', 'Ownership').getByText('Mine')).toHaveCount(0)

  // A refresh goes straight back to the board, without the code.
  await a.page.reload()
  await expect(noteIn(a.page, 'Onboard, Touchpoints', 'Ownership')).toBeVisible()
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible({ timeout: 20_000 })
  await expect(people.getByRole('listitem')).toHaveCount(2)

  // So does opening the link again after closing the tab: the same person, one entry, no new guest.
  await a.page.close()
  a.page = await a.context.newPage()
  await a.page.goto(joinLink)
  await expect(noteIn(a.page, 'Onboard, Touchpoints', 'Ownership')).toBeVisible({ timeout: 20_000 })
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible({ timeout: 20_000 })
  await expect(people.getByRole('listitem')).toHaveCount(2)
  await expect(people.getByText('Amira')).toHaveCount(1)
  await inPeopleHere(a.page, (aPeople) => expect(aPeople.getByRole('listitem').first()).toHaveText('Amira (you)'))

  // A facilitator who reloads (or comes back to the board) finds it still live, and rejoins.
  await facilitator.reload()
  await expect(panel.getByRole('status', { name: 'Join code' })).toHaveText(shownCode)
  await expect(people.getByRole('listitem')).toHaveCount(2)

  // A new code keeps everyone in; the old one no longer admits anyone.
  await panel.getByRole('button', { name: 'New code' }).click()
  await expect(panel.getByRole('status', { name: 'Join code' })).not.toHaveText(shownCode)
  const newCode = (await panel.getByRole('status', { name: 'Join code' }).textContent()) ?? ''
  const newLink = (await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? ''
  expect(newLink).not.toBe(joinLink)
  await addNote(b.page, 'Recruit, Touchpoints', 'Integrity')
  await expect(noteIn(a.page, 'Recruit, Touchpoints', 'Integrity')).toBeVisible()

  // The facilitator ends the session; everyone is told, and the link stops working, with a clear message.
  await endSession(facilitator, async (dialog) => {
    await expect(dialog).toContainText('The 2 people on the board will be disconnected.')
    await saveScreenshot(facilitator, testInfo, 'live-end-dialog')
  })
  await expect(facilitator.getByRole('button', { name: 'Go live' })).toBeEnabled()
  // Not "Reconnecting…" for ever: the board says the session has ended, and stays to be read.
  for (const page of [a.page, b.page]) {
    await expect(page.getByRole('status').filter({ hasText: /^Session ended$/ })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('alert').filter({ hasText: 'This session has ended' })).toContainText(
      'ask the facilitator for a new link or code'
    )
    await expect(noteIn(page, 'Recruit, Touchpoints', 'Integrity')).toBeVisible()
  }
  await saveScreenshot(a.page, testInfo, 'participant-session-ended')
  await saveScreenshot(b.page, testInfo, 'participant-session-ended-phone')

  // Someone opening the link afterwards, in a browser that was never in, sees a page that says
  // what happened rather than the browser's "can't reach this site"; so does typing the code.
  const late = await participant(browser)
  await late.page.goto(newLink)
  await expect(late.page.getByRole('heading', { name: 'This session has ended', level: 1 })).toBeVisible()
  await expect(late.page.getByText('ask the facilitator for a new link or code')).toBeVisible()
  await saveScreenshot(late.page, testInfo, 'join-after-session-ended')
  await late.page.getByRole('button', { name: 'Type a new code' }).click()
  await late.page.getByRole('textbox', { name: 'Join code' }).fill(newCode)
  await late.page.getByRole('button', { name: 'Join', exact: true }).click()
  await expect(late.page.getByRole('heading', { name: 'This session has ended', level: 1 })).toBeVisible()
  await late.context.close()

  // Leaving deletes the browser's copy of the board, and the person's private notes and ballots.
  const databases = 'indexedDB.databases().then((list) => list.map((database) => database.name))'
  expect(await a.page.evaluate(databases)).toHaveLength(2)
  await a.page.getByRole('button', { name: 'Leave' }).click()
  await a.page.getByRole('dialog', { name: 'Leave the board?' }).getByRole('button', { name: 'Leave' }).click()
  await expect(a.page.getByRole('heading', { name: 'Join a session', level: 1 })).toBeVisible()
  expect(await a.page.evaluate(databases)).toEqual([])

  // The participant's face never spoke to the facilitator's API, which the session's server does not have.
  for (const { requests } of [a, b]) {
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([])
  }

  // Everything that happened during the session is in the facilitator's saved board.
  await facilitator.reload()
  for (const [title, text] of [
    ['Attract, Touchpoints', 'Call the customer back within the hour'],
    ['Recruit, Touchpoints', 'Respect'],
    ['Recruit, Touchpoints', 'Integrity'],
    ['Onboard, Touchpoints', 'Ownership'],
    ['Onboard, Touchpoints', 'Curiosity']
  ] as const) {
    await expect(noteIn(facilitator, title, text)).toBeVisible()
  }

  await a.context.close()
  await b.context.close()
})

test('someone else’s session is joined from the app with “Join a session”: address and code', async ({ page, context, hostApp }, testInfo) => {
  // This facilitator's own app hosts a session; the library's "Join a session" is what a
  // participant with the app installed uses, and it works the same against any host.
  await page.goto(hostApp.url)
  await createWorkshop(page, { template: /Employee journey map/ })
  await page.getByRole('button', { name: 'Go live' }).click()
  const panel = page.getByRole('region', { name: 'Live session' })
  const code = (await panel.getByRole('status', { name: 'Join code' }).textContent()) ?? ''
  const address = new URL((await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? '').host

  // The facilitator's board stays open (it holds the board for the room); the app's library
  // opens in another tab, as it would on a participant's laptop.
  const library = await context.newPage()
  await library.goto(new URL(hostApp.url).origin)
  await library.getByRole('button', { name: 'Join a session' }).click()
  const dialog = library.getByRole('dialog', { name: 'Join a session' })
  await dialog.getByRole('textbox', { name: 'Session address' }).fill(address)
  await dialog.getByRole('textbox', { name: 'Join code' }).fill('ABC')
  await dialog.getByRole('button', { name: 'Join' }).click()
  await expect(dialog.getByRole('alert')).toContainText('A join code has 6 characters')
  await dialog.getByRole('textbox', { name: 'Join code' }).fill(code.toLowerCase())
  await saveScreenshot(library, testInfo, 'library-join-dialog')
  const [session] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Join' }).click()])

  await session.getByRole('textbox', { name: 'Your name (optional)' }).fill('Noor')
  await session.getByRole('button', { name: 'Join the board' }).click()
  await expect(session.getByRole('region', { name: 'Attract, Touchpoints' })).toBeVisible()
  await inPeopleHere(session, (people) => expect(people.getByRole('listitem').filter({ hasText: 'Noor' })).toHaveText('Noor (you)'))
})

test('the room keeps its board while the facilitator’s page shows the library', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(120_000)
  const pageErrors: string[] = []
  facilitator.on('pageerror', (error) => pageErrors.push(error.message))
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Team charter' })
  await startMapping(facilitator)
  await addNote(facilitator, 'Attract, Touchpoints', 'Say what we mean')
  const { panel, code, joinLink } = await goLive(facilitator)

  const a = await participant(browser)
  await a.page.goto(joinLink)
  await a.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Amira')
  await a.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(noteIn(a.page, 'Attract, Touchpoints', 'Say what we mean')).toBeVisible()

  // The facilitator goes back to the library while Amira keeps adding.
  await facilitator.getByRole('button', { name: 'Back to workshops' }).click()
  await expect(facilitator.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible()
  await addNote(a.page, 'Attract, Touchpoints', 'Decisions are written down')
  // Amira leaves: now only the host (and the facilitator's page, on the library screen) has the board.
  await a.context.close()

  // A newcomer still gets the whole board, from the host.
  const c = await participant(browser)
  await c.page.goto(joinLink)
  await c.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Chen')
  await c.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(noteIn(c.page, 'Attract, Touchpoints', 'Say what we mean')).toBeVisible({ timeout: 20_000 })
  await expect(noteIn(c.page, 'Attract, Touchpoints', 'Decisions are written down')).toBeVisible()
  await inPeopleHere(c.page, (cPeople) => expect(cPeople.getByText('Facilitator')).toBeVisible())
  await expect(c.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible()
  await addNote(c.page, 'Recruit, Touchpoints', 'Ownership')
  await saveScreenshot(c.page, testInfo, 'newcomer-while-facilitator-in-library')
  await saveScreenshot(facilitator, testInfo, 'facilitator-library-while-live')

  // Back on the board: the same session, everything added meanwhile, and Chen here.
  await facilitator.getByRole('button', { name: 'Open Team charter', exact: true }).click()
  await expect(panel.getByRole('status', { name: 'Join code' })).toHaveText(code)
  await expect(noteIn(facilitator, 'Attract, Touchpoints', 'Decisions are written down')).toBeVisible()
  await expect(noteIn(facilitator, 'Recruit, Touchpoints', 'Ownership')).toBeVisible()
  await expect(panel.getByRole('list', { name: /People here/ }).getByText('Chen')).toBeVisible()
  await expect(panel.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible()
  await addNote(facilitator, 'Recruit, Touchpoints', 'Respect')
  await expect(noteIn(c.page, 'Recruit, Touchpoints', 'Respect')).toBeVisible()
  await addNote(c.page, 'Onboard, Touchpoints', 'Integrity')
  await expect(noteIn(facilitator, 'Onboard, Touchpoints', 'Integrity')).toBeVisible()
  await expectHostLink(c.page)
  await saveScreenshot(facilitator, testInfo, 'facilitator-back-on-live-board')
  // One provider for the room: joining it twice would have thrown in the page.
  expect(pageErrors).toEqual([])

  // Everything is in the facilitator's saved board.
  await facilitator.reload()
  for (const [title, text] of [
    ['Attract, Touchpoints', 'Say what we mean'],
    ['Attract, Touchpoints', 'Decisions are written down'],
    ['Recruit, Touchpoints', 'Ownership'],
    ['Recruit, Touchpoints', 'Respect'],
    ['Onboard, Touchpoints', 'Integrity']
  ] as const) {
    await expect(noteIn(facilitator, title, text)).toBeVisible()
  }
  await c.context.close()
})

test('the facilitator closes their window mid-session: the room goes on, the host saves every edit, and reopening shows the live board', async ({
  page: facilitator,
  context,
  browser,
  hostApp,
  dataDir
}, testInfo) => {
  test.setTimeout(120_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Window closed' })
  await startMapping(facilitator)
  const { joinLink } = await goLive(facilitator)
  const amira = await joinSession((await participant(browser)).page, joinLink, 'Amira')
  const ben = await joinSession((await participant(browser)).page, joinLink, 'Ben')
  await addNote(amira, 'Attract, Touchpoints', 'Before the window closed')
  await expect(noteIn(facilitator, 'Attract, Touchpoints', 'Before the window closed')).toBeVisible()

  // The facilitator's tab closes. The room carries on through the host.
  await facilitator.close()
  await expect(amira.getByText('The facilitator’s screen is not connected right now')).toBeVisible()
  await addNote(amira, 'Recruit, Touchpoints', 'While the window was closed')
  await addNote(ben, 'Onboard, Touchpoints', 'Ben wrote this too')
  await expect(noteIn(ben, 'Recruit, Touchpoints', 'While the window was closed')).toBeVisible()
  await expect(noteIn(amira, 'Onboard, Touchpoints', 'Ben wrote this too')).toBeVisible()
  await saveScreenshot(amira, testInfo, 'participant-while-facilitator-window-closed')

  // The host has written both to the workshop's file, with no window open.
  const workshops = join(dataDir, 'workshops')
  const savedHas = async (text: string) => {
    const files = (await readdir(workshops)).filter((name) => name.endsWith('.ydoc'))
    const contents = await Promise.all(files.map((name) => readFile(join(workshops, name))))
    return contents.some((bytes) => bytes.includes(text))
  }
  await expect.poll(() => savedHas('While the window was closed')).toBe(true)
  await expect.poll(() => savedHas('Ben wrote this too')).toBe(true)

  // Reopening the window shows the live board, with everything added meanwhile.
  const reopened = await context.newPage()
  await reopened.goto(hostApp.url)
  await reopened.getByRole('button', { name: 'Open Window closed', exact: true }).click()
  await expect(reopened.getByRole('region', { name: 'Live session' })).toBeVisible()
  await expect(noteIn(reopened, 'Recruit, Touchpoints', 'While the window was closed')).toBeVisible()
  await expect(noteIn(reopened, 'Onboard, Touchpoints', 'Ben wrote this too')).toBeVisible()
  await expect(amira.getByText('The facilitator’s screen is not connected right now')).toBeHidden()
  await addNote(reopened, 'Exit, Touchpoints', 'Welcome back')
  await expect(noteIn(ben, 'Exit, Touchpoints', 'Welcome back')).toBeVisible()

  // A crash of the host loses nothing that was saved: after a restart every note is there.
  await hostApp.kill()
  const restarted = await startHostApp(dataDir)
  try {
    const after = await context.newPage()
    await after.goto(restarted.url)
    await after.getByRole('button', { name: 'Open Window closed', exact: true }).click()
    for (const [cell, text] of [
      ['Attract, Touchpoints', 'Before the window closed'],
      ['Recruit, Touchpoints', 'While the window was closed'],
      ['Onboard, Touchpoints', 'Ben wrote this too']
    ] as const) {
      await expect(noteIn(after, cell, text)).toBeVisible()
    }
  } finally {
    await restarted.stop()
  }
})

test('moving a live workshop to the trash from another window ends its session, and its open board shows it', async ({
  page: facilitator,
  context,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(90_000)
  await facilitator.goto(hostApp.url)
  await createWorkshop(facilitator, { template: /Employee journey map/, title: 'Onboarding values' })
  const { panel, joinLink } = await goLive(facilitator)
  const a = await participant(browser)
  await a.page.goto(joinLink)
  await a.page.getByRole('button', { name: 'Join the board' }).click()
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected\b/ })).toBeVisible()

  const library = await context.newPage()
  await library.goto(new URL(hostApp.url).origin)
  await library
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: library.getByRole('button', { name: 'Open Onboarding values', exact: true }) })
    .getByRole('button', { name: 'Move to trash' })
    .click()

  // The open board no longer shows a live panel for a session that is gone, and says why.
  await expect(panel).toBeHidden({ timeout: 20_000 })
  await expect(facilitator.getByRole('alert').filter({ hasText: 'The live session was ended elsewhere' })).toBeVisible()
  await expect(facilitator.getByText('This workshop is in the trash.')).toBeVisible()
  await saveScreenshot(facilitator, testInfo, 'live-session-ended-elsewhere')
  await expect(a.page.getByRole('status').filter({ hasText: /^Session ended$/ })).toBeVisible({ timeout: 20_000 })
  await a.context.close()
})
