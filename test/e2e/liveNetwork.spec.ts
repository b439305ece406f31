/**
 * A live session on real networks: the facilitator in host mode on this machine, each
 * participant's stock Chromium in its own network namespace (roomNetwork.ts), on the networks
 * workshops meet. In every case every screen shows every note, and each participant's screen
 * says how it is connected: directly (WebRTC to the host) where the network lets it, through
 * the facilitator's laptop (the WebSocket) where it does not.
 *
 * Two stock Chromiums do not reach each other over WebRTC on any of these networks but the open
 * one (roomNetwork.spec.ts shows it): the mesh this app had failed them. A stock Chromium does
 * reach the host, whose candidates are its real addresses, even with no default route.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS } from '../../playwright.config'
import { addNote, createWorkshop, noteIn, startMapping } from './boardPage'
import { expect, saveScreenshot, test } from './fixtures'
import { goLive, joinSession } from './livePage'
import { createRoomNetwork, type RoomNetwork, type RoomRule } from './roomNetwork'

const run = promisify(execFile)
const DIRECT = 'Connected (direct)'
const THROUGH_HOST = 'Connected (through the facilitator’s laptop)'

/**
 * Lets a participant's namespace reach the host on the session's TCP port only, as a strict
 * firewall does: no UDP, so no WebRTC. The namespace takes the rule with it when it goes.
 */
async function allowOnlySessionPort(namespace: string, host: string, port: number): Promise<void> {
  const nft = (...args: string[]) => run('ip', ['netns', 'exec', namespace, 'nft', ...args])
  await nft('add', 'table', 'inet', 'firewall')
  await nft('add', 'chain', 'inet', 'firewall', 'out', '{ type filter hook output priority 0; policy accept; }')
  await nft('add', 'rule', 'inet', 'firewall', 'out', 'ip', 'daddr', host, 'tcp', 'dport', String(port), 'accept')
  await nft('add', 'rule', 'inet', 'firewall', 'out', 'ip', 'daddr', host, 'drop')
}

/** How each network's participants end up linked to the host. */
const CASES: Array<{ rule: RoomRule; firewall?: true; expected: string; why: string }> = [
  { rule: 'open', expected: DIRECT, why: 'an open LAN' },
  { rule: 'no-multicast', expected: DIRECT, why: 'company Wi-Fi that drops multicast, so no browser’s .local name resolves' },
  { rule: 'isolated', expected: DIRECT, why: 'client isolation: participants reach the host only' },
  { rule: 'no-default-route', expected: DIRECT, why: 'a bare switch with no default route' },
  {
    rule: 'no-default-route',
    firewall: true,
    expected: THROUGH_HOST,
    why: 'a bare switch behind a strict firewall: only the session’s port, so no WebRTC at all'
  }
]

for (const { rule, firewall, expected, why } of CASES) {
  test(`on ${why} ('${rule}'), two participants and the facilitator see every note`, async ({ page: facilitator, hostApp }, testInfo) => {
    test.setTimeout(120_000)
    let room: RoomNetwork | undefined
    const browsers: Browser[] = []
    try {
      room = await createRoomNetwork({ participants: 2, rule })
      await facilitator.goto(hostApp.url)
      await createWorkshop(facilitator, { template: /Employee journey map/, title: `Network ${rule}` })
      await startMapping(facilitator)
      const { joinLink } = await goLive(facilitator)
      // The link on the facilitator's screen, for the room's own network.
      const link = new URL(joinLink)
      link.hostname = room.hostAddress
      if (firewall) {
        for (const { namespace } of room.participants) await allowOnlySessionPort(namespace, room.hostAddress, Number(link.port))
      }

      const participants: Page[] = []
      for (const [n, { chromiumPath }] of room.participants.entries()) {
        const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
        browsers.push(browser)
        participants.push(await joinSession(await browser.newPage(), link.toString(), `Person ${n + 1}`))
      }
      for (const page of participants) {
        await expect(page.getByRole('status').filter({ hasText: /^Connected/ })).toHaveText(expected, { timeout: 20_000 })
      }

      await addNote(participants[0]!, 'Attract, Touchpoints', `From the first laptop on ${rule}`)
      await addNote(participants[1]!, 'Recruit, Touchpoints', `From the second laptop on ${rule}`)
      await addNote(facilitator, 'Onboard, Touchpoints', `From the facilitator on ${rule}`)
      for (const page of [facilitator, ...participants]) {
        await expect(noteIn(page, 'Attract, Touchpoints', `From the first laptop on ${rule}`)).toBeVisible()
        await expect(noteIn(page, 'Recruit, Touchpoints', `From the second laptop on ${rule}`)).toBeVisible()
        await expect(noteIn(page, 'Onboard, Touchpoints', `From the facilitator on ${rule}`)).toBeVisible()
      }
      await saveScreenshot(participants[1]!, testInfo, `participant-on-${rule}${firewall ? '-firewalled' : ''}-network`)
    } finally {
      for (const browser of browsers) await browser.close().catch(() => undefined)
      await room?.destroy()
    }
  })
}
