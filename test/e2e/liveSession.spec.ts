import type { Browser, BrowserContext, Page } from '@playwright/test'
import { addNote, column, noteIn } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'

/**
 * Keeps every RTCPeerConnection a page makes, so the test can tell real WebRTC links from
 * text that merely appeared. A string: it runs in the page, before the app's own scripts.
 */
const RECORD_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection
  const made = []
  window.__peerConnections = made
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args)
      made.push(this)
    }
  }
})()`

/** Resolves with how many of the page's peer connections are open once `count` are, or what it has after 15 s. */
const connectedPeerConnections = (count: number) => `new Promise((resolve) => {
  const open = () => window.__peerConnections.filter((pc) => pc.connectionState === 'connected').length
  const started = Date.now()
  const check = () => (open() >= ${count} || Date.now() - started > 15000 ? resolve(open()) : setTimeout(check, 100))
  check()
})`

async function expectWebRtcLinks(page: Page, count: number): Promise<void> {
  expect(await page.evaluate(connectedPeerConnections(count))).toBeGreaterThanOrEqual(count)
}

interface Participant {
  context: BrowserContext
  page: Page
  /** Every address the participant's browser asked for. */
  requests: string[]
}

async function participant(browser: Browser, viewport?: { width: number; height: number }): Promise<Participant> {
  const context = await browser.newContext(viewport ? { viewport } : {})
  await context.addInitScript(RECORD_PEER_CONNECTIONS)
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  return { context, page: await context.newPage(), requests }
}

test('a workshop goes live: people join by link and by code, edit together over WebRTC, survive going offline', async ({
  page: facilitator,
  context: facilitatorContext,
  browser,
  hostApp
}, testInfo) => {
  test.setTimeout(150_000)
  await facilitatorContext.addInitScript(RECORD_PEER_CONNECTIONS)
  await facilitator.goto(hostApp.url)
  await facilitator.getByRole('button', { name: 'New workshop' }).click()
  const dialog = facilitator.getByRole('dialog', { name: 'New workshop' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Values offsite 2026')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(facilitator.getByRole('heading', { name: 'Values offsite 2026', level: 1 })).toBeVisible()

  await facilitator.getByRole('button', { name: 'Go live' }).click()
  const panel = facilitator.getByRole('region', { name: 'Live session' })
  await expect(panel).toBeVisible()
  const shownCode = (await panel.getByRole('status', { name: 'Join code' }).textContent()) ?? ''
  expect(shownCode).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}$/)
  const joinLink = (await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? ''
  expect(joinLink).toBe(`${new URL(joinLink).origin}/#/join/${shownCode.replace('-', '')}`)
  const sessionOrigin = new URL(joinLink).origin
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
  await expect(column(a.page, 'Ideas')).toBeVisible()
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible()

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
  await expect(column(b.page, 'Ideas')).toBeVisible()

  // Real WebRTC: every page holds open links to the two others.
  await expectWebRtcLinks(a.page, 2)
  await expectWebRtcLinks(b.page, 2)
  await expectWebRtcLinks(facilitator, 2)

  // Presence: names, a guest number for B, and counts.
  const people = panel.getByRole('list', { name: /People here/ })
  await expect(people.getByRole('listitem')).toHaveCount(2)
  await expect(people.getByText('Amira')).toBeVisible()
  const guest = (await people.getByText(/^Guest \d+$/).textContent()) ?? ''
  expect(guest).toMatch(/^Guest \d+$/)
  const aPeople = a.page.getByRole('list', { name: /People here/ })
  await expect(aPeople.getByRole('listitem')).toHaveCount(3)
  await expect(aPeople.getByRole('listitem').first()).toHaveText('Amira (you)')
  await expect(aPeople.getByText(guest)).toBeVisible()
  await expect(aPeople.getByText('Facilitator')).toBeVisible()

  // Edits flow every way.
  await addNote(a.page, 'Ideas', 'Call the customer back the same day')
  await expect(noteIn(b.page, 'Ideas', 'Call the customer back the same day')).toBeVisible()
  await expect(noteIn(facilitator, 'Ideas', 'Call the customer back the same day')).toBeVisible()

  const onB = noteIn(b.page, 'Ideas', 'Call the customer back')
  await onB.hover()
  await onB.getByRole('button', { name: 'Edit note' }).click()
  const editor = b.page.getByRole('textbox', { name: 'Note text' })
  // While B's editor is open, the others see who is working on a note.
  await expect(aPeople.getByRole('listitem').filter({ hasText: guest })).toContainText('editing a note')
  await editor.fill('Call the customer back within the hour')
  await editor.press('Enter')
  await expect(noteIn(a.page, 'Ideas', 'Call the customer back within the hour')).toBeVisible()
  await expect(noteIn(facilitator, 'Ideas', 'Call the customer back within the hour')).toBeVisible()

  await addNote(facilitator, 'Themes', 'Respect')
  await expect(noteIn(a.page, 'Themes', 'Respect')).toBeVisible()
  await expect(noteIn(b.page, 'Themes', 'Respect')).toBeVisible()
  await saveScreenshot(a.page, testInfo, 'participant-board')
  await saveScreenshot(b.page, testInfo, 'participant-board-phone')
  await saveScreenshot(facilitator, testInfo, 'live-board-facilitator')

  // A loses the network, keeps working, and comes back.
  await a.context.setOffline(true)
  await expect(a.page.getByRole('status').filter({ hasText: 'Offline — your changes are kept' })).toBeVisible()
  await expect(people.getByRole('listitem')).toHaveCount(1)
  await expect(aPeople.getByRole('listitem')).toHaveText(['Amira (you)'])
  await addNote(a.page, 'Value candidates', 'Ownership')
  await addNote(facilitator, 'Value candidates', 'Curiosity')
  await saveScreenshot(a.page, testInfo, 'participant-offline')
  // Give a leak the time to show: nothing crosses while A is offline.
  await b.page.waitForTimeout(1_500)
  await expect(noteIn(b.page, 'Value candidates', 'Ownership')).toHaveCount(0)
  await expect(noteIn(a.page, 'Value candidates', 'Curiosity')).toHaveCount(0)

  await a.context.setOffline(false)
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible({ timeout: 20_000 })
  for (const page of [a.page, b.page, facilitator]) {
    await expect(noteIn(page, 'Value candidates', 'Ownership')).toBeVisible({ timeout: 20_000 })
    await expect(noteIn(page, 'Value candidates', 'Curiosity')).toBeVisible({ timeout: 20_000 })
  }
  await expectWebRtcLinks(a.page, 2)
  await expect(aPeople.getByRole('listitem')).toHaveCount(3)

  // A refresh goes straight back to the board, without the code.
  await a.page.reload()
  await expect(noteIn(a.page, 'Value candidates', 'Ownership')).toBeVisible()
  await expect(a.page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible({ timeout: 20_000 })
  await expect(people.getByRole('listitem')).toHaveCount(2)

  // A facilitator who reloads (or comes back to the board) finds it still live, and rejoins.
  await facilitator.reload()
  await expect(panel.getByRole('status', { name: 'Join code' })).toHaveText(shownCode)
  await expect(people.getByRole('listitem')).toHaveCount(2)
  await expectWebRtcLinks(facilitator, 2)

  // A new code keeps everyone in; the old one no longer admits anyone.
  await panel.getByRole('button', { name: 'New code' }).click()
  await expect(panel.getByRole('status', { name: 'Join code' })).not.toHaveText(shownCode)
  const newLink = (await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? ''
  expect(newLink).not.toBe(joinLink)
  await addNote(b.page, 'Themes', 'Integrity')
  await expect(noteIn(a.page, 'Themes', 'Integrity')).toBeVisible()

  // The facilitator ends the session; the link stops working, with a clear message.
  await panel.getByRole('button', { name: 'End session' }).click()
  const confirm = facilitator.getByRole('dialog', { name: 'End the live session?' })
  await expect(confirm).toContainText('The 2 people on the board will be disconnected.')
  await saveScreenshot(facilitator, testInfo, 'live-end-dialog')
  await confirm.getByRole('button', { name: 'End session' }).click()
  await expect(panel).toBeHidden()
  await expect(facilitator.getByRole('button', { name: 'Go live' })).toBeEnabled()
  await expect(a.page.getByText('The facilitator is not connected right now')).toBeVisible()

  await b.page.goto(newLink)
  await expect(b.page.getByRole('alert')).toHaveText(/The session could not be reached at this address\. The facilitator may have ended it/)
  await saveScreenshot(b.page, testInfo, 'join-after-session-ended')

  // Leaving deletes the browser's copy of the board.
  const databases = 'indexedDB.databases().then((list) => list.map((database) => database.name))'
  expect(await a.page.evaluate(databases)).toHaveLength(1)
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
    ['Ideas', 'Call the customer back within the hour'],
    ['Themes', 'Respect'],
    ['Themes', 'Integrity'],
    ['Value candidates', 'Ownership'],
    ['Value candidates', 'Curiosity']
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
  await page.getByRole('button', { name: 'New workshop' }).click()
  await page.getByRole('dialog', { name: 'New workshop' }).getByRole('button', { name: 'Create' }).click()
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
  await expect(session.getByRole('region', { name: 'Ideas' })).toBeVisible()
  await expect(session.getByText('Noor')).toBeVisible()
})
