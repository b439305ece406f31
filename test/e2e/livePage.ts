/** Peers in a live session as the end-to-end specs drive them: browser contexts that record their WebRTC links. */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Keeps every RTCPeerConnection a page makes, so the test can tell real WebRTC links from
 * text that merely appeared. A string: it runs in the page, before the app's own scripts.
 */
export const RECORD_PEER_CONNECTIONS = `(() => {
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

/** Resolves with how many of the page's peer connections are open once one is, or what it has after 15 s. */
const CONNECTED_PEER_CONNECTIONS = `new Promise((resolve) => {
  const open = () => window.__peerConnections.filter((pc) => pc.connectionState === 'connected').length
  const started = Date.now()
  const check = () => (open() >= 1 || Date.now() - started > 15000 ? resolve(open()) : setTimeout(check, 100))
  check()
})`

/**
 * A participant's page holds exactly one open WebRTC link, to the facilitator's host: the
 * room is a star around the host, not a mesh of laptops.
 */
export async function expectHostLink(page: Page): Promise<void> {
  expect(await page.evaluate(CONNECTED_PEER_CONNECTIONS)).toBe(1)
}

export interface Participant {
  context: BrowserContext
  page: Page
  /** Every address the participant's browser asked for. */
  requests: string[]
}

export async function participant(browser: Browser, viewport?: { width: number; height: number }): Promise<Participant> {
  const context = await browser.newContext(viewport ? { viewport } : {})
  await context.addInitScript(RECORD_PEER_CONNECTIONS)
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  return { context, page: await context.newPage(), requests }
}


/** A participant opens the join link, gives a name and joins. */
export async function joinSession(page: Page, link: string, name: string): Promise<Page> {
  await page.goto(link)
  await page.getByRole('textbox', { name: 'Your name (optional)' }).fill(name)
  await page.getByRole('button', { name: 'Join the board' }).click()
  return page
}

/**
 * A participant opens "N here" to see who is in the room, `check`s the list, and closes it
 * with Escape, as a person glances at it and goes back to the board.
 */
export async function inPeopleHere(page: Page, check: (people: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: /^\d+ here$/ }).click()
  const sheet = page.getByRole('dialog', { name: /^People here/ })
  await check(sheet.getByRole('list', { name: 'People here' }))
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
}

/** The facilitator presses Go live: the live panel, its join code ("K7Q-M4X") and join link. */
export async function goLive(facilitator: Page): Promise<{ panel: Locator; code: string; joinLink: string }> {
  await facilitator.getByRole('button', { name: 'Go live' }).click()
  const panel = facilitator.getByRole('region', { name: 'Live session' })
  const code = (await panel.getByRole('status', { name: 'Join code' }).textContent()) ?? ''
  const joinLink = (await panel.getByText(/^http:\/\/.+#\/join\//).textContent()) ?? ''
  return { panel, code, joinLink }
}

/** The facilitator ends the live session through its dialog; `check` looks at the dialog first. */
export async function endSession(facilitator: Page, check?: (dialog: Locator) => Promise<void>): Promise<void> {
  const panel = facilitator.getByRole('region', { name: 'Live session' })
  await panel.getByRole('button', { name: 'End session' }).click()
  const dialog = facilitator.getByRole('dialog', { name: 'End the live session?' })
  await check?.(dialog)
  await dialog.getByRole('button', { name: 'End session' }).click()
  await expect(panel).toBeHidden()
}
