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
 * Scrolls `control` into view and asserts that a tap at its centre reaches it: it has a size,
 * lies wholly inside the viewport, and `document.elementFromPoint` there is the control or
 * inside it (for a radio or checkbox, its label, which is what a finger taps).
 */
export async function expectReachable(control: Locator, what: string): Promise<void> {
  await control.scrollIntoViewIfNeeded()
  const verdict = await control.evaluate((element) => {
    // The page's own globals, through the element: this file is type-checked for Node.
    const view = element.ownerDocument.defaultView!
    const target = element.tagName === 'INPUT' && element.labels?.[0] ? element.labels[0] : element
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const box = target.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) return 'has no size'
    // A pixel of slack: scrolling lands on whole pixels, boxes on fractions of one.
    if (box.left < -1 || box.top < -1 || box.right > view.innerWidth + 1 || box.bottom > view.innerHeight + 1) {
      return `is not inside the ${view.innerWidth}×${view.innerHeight} viewport: ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}`
    }
    const hit = element.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    if (hit && (target.contains(hit) || element.contains(hit))) return 'reachable'
    return `is covered by ${hit ? `<${hit.tagName.toLowerCase()} class="${hit.getAttribute('class') ?? ''}">` : 'nothing'}`
  })
  expect(verdict, `${what} ${verdict}`).toBe('reachable')
}

/** A control a finger can hit: at least FINGER × FINGER CSS pixels. */
export async function expectTouchTarget(control: Locator, what: string): Promise<void> {
  const box = await control.boundingBox()
  expect(box, `${what} is on screen`).not.toBeNull()
  expect(Math.round(box!.height), `${what}'s height`).toBeGreaterThanOrEqual(FINGER)
  expect(Math.round(box!.width), `${what}'s width`).toBeGreaterThanOrEqual(FINGER)
}

/** Reachable by a tap, and big enough for a finger. */
export async function expectTappable(control: Locator, what: string): Promise<void> {
  await expectReachable(control, what)
  await expectTouchTarget(control, what)
}

/**
 * Neither the page nor the stage's work area scrolls sideways, and the page is laid out at the
 * screen's width (a mobile browser lays out a wider page and zooms it out). The cluster board's
 * columns and the journey map's grid pan sideways inside their own frames, as a wall of notes does.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const wider = await page.locator('html').evaluate((html) => {
    const view = html.ownerDocument.defaultView!
    const found: string[] = []
    if (html.scrollWidth > view.innerWidth) found.push(`the page (${html.scrollWidth} px in ${view.innerWidth})`)
    for (const area of html.querySelectorAll('.workshop-stages__content')) {
      if (area.scrollWidth > area.clientWidth) found.push(`the work area (${area.scrollWidth} px in ${area.clientWidth})`)
    }
    return { found, layoutWidth: view.innerWidth }
  })
  const screenWidth = page.viewportSize()!.width
  if (wider.layoutWidth > screenWidth) wider.found.unshift(`the page (${wider.layoutWidth} px in ${screenWidth})`)
  expect(wider.found, 'these scroll sideways').toEqual([])
}
