/** A participant's phone, as the end-to-end specs drive one: a touch screen 375 px wide. */
import type { Browser, Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import { joinSession } from './livePage'

export const PHONE = { width: 375, height: 667 }
/** A touch target a finger can hit: 44 CSS pixels each way, as platform guidelines ask. */
export const FINGER = 44

/** Joins the session from a browser context that acts as a phone (touch, mobile viewport). */
export async function joinOnPhone(browser: Browser, joinLink: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })
  return joinSession(await context.newPage(), joinLink, name)
}

/**
 * Nothing sticks out to the side: the page is as wide as the phone (a mobile browser zooms
 * a page out when its content is wider, so the layout width is checked too).
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { layoutWidth, contentWidth } = await page.evaluate<{ layoutWidth: number; contentWidth: number }>(
    '({ layoutWidth: window.innerWidth, contentWidth: document.documentElement.scrollWidth })'
  )
  expect(layoutWidth).toBe(PHONE.width)
  expect(contentWidth).toBeLessThanOrEqual(PHONE.width)
}

/** Wholly on screen once scrolled to, and big enough for a finger. */
export async function expectReachable(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded()
  await expect(control).toBeInViewport({ ratio: 1 })
  const box = (await control.boundingBox())!
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(FINGER)
}
