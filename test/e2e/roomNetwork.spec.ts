/**
 * Proves the room-network lab (roomNetwork.ts) does what each rule claims, so specs built
 * on it test the room and not the lab: participants' stock Chromium reaches the host,
 * isolation holds, multicast is really dropped, and what direct WebRTC does on each network.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { CHROMIUM_ARGS } from '../../playwright.config'
import { createRoomNetwork, type RoomNetwork, type RoomParticipant, type RoomRule } from './roomNetwork'

const run = promisify(execFile)

/** What each rule must allow. `webRtc`: whether two stock Chromiums connect directly, as measured. */
const EXPECTED: Record<RoomRule, { peersReachEachOther: boolean; defaultRoute: boolean; webRtc: boolean }> = {
  open: { peersReachEachOther: true, defaultRoute: true, webRtc: true },
  // Chromium hides host candidates behind mDNS names; with multicast gone nobody can resolve them.
  'no-multicast': { peersReachEachOther: true, defaultRoute: true, webRtc: false },
  isolated: { peersReachEachOther: false, defaultRoute: true, webRtc: false },
  'no-default-route': { peersReachEachOther: false, defaultRoute: false, webRtc: false }
}

/**
 * The host's page. It carries a tiny direct-WebRTC peer (no STUN server, as in the room)
 * whose offer and answer the test carries between the two browsers.
 */
const ROOM_PAGE = `<!doctype html><title>Room host</title><h1>Served by the host</h1>
<script>
  let pc, received
  const gathered = () => new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve()
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve())
    setTimeout(resolve, 5000)
  })
  const start = () => {
    pc?.close()
    pc = new RTCPeerConnection({ iceServers: [] })
    // The offerer greets once its channel opens; the answerer replies to the greeting, which
    // only then is sure to find the offerer's end open.
    received = new Promise((resolve) => {
      if (location.hash === '#offerer') {
        const channel = pc.createDataChannel('room')
        channel.onopen = () => channel.send('hello from #offerer')
        channel.onmessage = (event) => resolve(event.data)
      }
      pc.ondatachannel = ({ channel }) => {
        channel.onmessage = (event) => {
          resolve(event.data)
          channel.send('hello from #answerer')
        }
      }
    })
  }
  window.roomPeer = {
    async offer() {
      start()
      await pc.setLocalDescription(await pc.createOffer())
      await gathered()
      return pc.localDescription.toJSON()
    },
    async answer(offer) {
      start()
      await pc.setRemoteDescription(offer)
      await pc.setLocalDescription(await pc.createAnswer())
      await gathered()
      return pc.localDescription.toJSON()
    },
    accept: (answer) => pc.setRemoteDescription(answer),
    async outcome(ms) {
      const message = await Promise.race([received, new Promise((resolve) => setTimeout(() => resolve(null), ms))])
      return { message, state: pc.connectionState }
    }
  }
</script>`

interface Description {
  type: string
  sdp: string
}
interface RoomPeer {
  offer(): Promise<Description>
  answer(offer: Description): Promise<Description>
  accept(answer: Description): Promise<void>
  outcome(ms: number): Promise<{ message: string | null; state: string }>
}
/** The page's global, seen from a page.evaluate callback (this config's TypeScript has no DOM types). */
type PeerWindow = typeof globalThis & { roomPeer: RoomPeer }

for (const rule of Object.keys(EXPECTED) as RoomRule[]) {
  const expected = EXPECTED[rule]

  test.describe(`room network '${rule}'`, () => {
    let room: RoomNetwork | undefined
    let hostServer: Server | undefined
    let hostUrl = ''
    /** Where each request to the host came from: proves which namespace a browser runs in. */
    const hostSawFrom: string[] = []
    const browsers: Browser[] = []
    const pages: Page[] = []
    const participant = (n: number): RoomParticipant => room!.participants[n]!

    test.beforeAll(async () => {
      room = await createRoomNetwork({ participants: 2, rule })
      hostServer = createServer((request, response) => {
        hostSawFrom.push(request.socket.remoteAddress ?? '')
        response.writeHead(200, { 'content-type': 'text/html' }).end(ROOM_PAGE)
      })
      hostServer.listen(0, room.hostAddress)
      await once(hostServer, 'listening')
      hostUrl = `http://${room.hostAddress}:${(hostServer.address() as AddressInfo).port}/`
      const launched = await Promise.allSettled(
        room.participants.map(({ chromiumPath }) => chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }))
      )
      // Keep every browser that did start, so afterAll closes it even if another failed.
      for (const result of launched) if (result.status === 'fulfilled') browsers.push(result.value)
      for (const result of launched) if (result.status === 'rejected') throw result.reason
      for (const browser of browsers) pages.push(await browser.newPage())
    })

    // afterAll runs after a failed test too, before Playwright replaces the worker.
    test.afterAll(async () => {
      await Promise.all(browsers.map((browser) => browser.close().catch(() => undefined)))
      hostServer?.closeAllConnections()
      hostServer?.close()
      await room?.destroy()
    })

    test("each participant's Chromium, in its own namespace, loads the host's page", async () => {
      for (const [n, page] of pages.entries()) {
        await page.goto(hostUrl)
        await expect(page.getByRole('heading', { name: 'Served by the host' })).toBeVisible()
        expect(hostSawFrom.at(-1), "the request came from the participant's own address").toBe(participant(n).address)
      }
    })

    test(`the participant namespace ${expected.defaultRoute ? 'routes via the host' : 'has no default route'}`, async () => {
      const { stdout } = await run('ip', ['netns', 'exec', participant(0).namespace, 'ip', 'route'])
      expect(stdout).toContain(`dev eth0 proto kernel scope link src ${participant(0).address}`)
      if (expected.defaultRoute) expect(stdout).toContain(`default via ${room!.hostAddress} dev eth0`)
      else expect(stdout).not.toContain('default')
      const { stdout: v6 } = await run('ip', ['netns', 'exec', participant(0).namespace, 'ip', '-6', 'route'])
      expect(v6).not.toContain('default')
    })

    test(`participant A ${expected.peersReachEachOther ? 'can' : 'cannot'} fetch a server in participant B's namespace`, async () => {
      const b = participant(1)
      const server = spawn('ip', ['netns', 'exec', b.namespace, process.execPath, '-e', SERVE_IN_NAMESPACE, b.address])
      try {
        const port = Number(await linesOf(server)())
        const url = `http://${b.address}:${port}/`
        // The host reaches every port, so the server itself is up and answering.
        expect(await (await fetch(url)).text()).toBe('participant B')
        // A page of its own, so the other tests' pages never start from an error page.
        const probe = await browsers[0]!.newPage()
        const reached = await probe.goto(url, { timeout: 6_000 }).then(
          async (response) => (await response?.text()) ?? '',
          (error: Error) => `unreachable: ${error.message.split('\n')[0]}`
        )
        await probe.close()
        if (expected.peersReachEachOther) expect(reached).toBe('participant B')
        else expect(reached).toMatch(/^unreachable: .*(ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_TIMED_OUT|Timeout)/)
      } finally {
        server.kill()
      }
    })

    if (rule === 'open' || rule === 'no-multicast') {
      test(`an mDNS-group datagram from A ${rule === 'open' ? 'reaches' : 'does not reach'} B`, async () => {
        const [a, b] = [participant(0), participant(1)]
        const receiver = spawn('ip', ['netns', 'exec', b.namespace, process.execPath, '-e', RECEIVE_MULTICAST, b.address])
        const nextLine = linesOf(receiver)
        try {
          expect(await nextLine()).toBe('ready')
          await run('ip', ['netns', 'exec', a.namespace, process.execPath, '-e', SEND_MULTICAST, a.address])
          const received = Number(await nextLine())
          if (rule === 'open') expect(received).toBe(5)
          else expect(received).toBe(0)
        } finally {
          receiver.kill()
        }
      })
    }

    test(`two stock Chromiums ${expected.webRtc ? 'connect' : 'do not connect'} directly over WebRTC`, async () => {
      const [offerer, answerer] = [pages[0]!, pages[1]!]
      await offerer.goto(`${hostUrl}#offerer`)
      await answerer.goto(`${hostUrl}#answerer`)
      const candidates = (sdp: string) => sdp.split('\r\n').filter((line) => line.startsWith('a=candidate:'))
      const offer = await offerer.evaluate(() => (globalThis as PeerWindow).roomPeer.offer())
      const answer = await answerer.evaluate((offer) => (globalThis as PeerWindow).roomPeer.answer(offer), offer)
      await offerer.evaluate((answer) => (globalThis as PeerWindow).roomPeer.accept(answer), answer)
      // On a LAN a direct connection opens in well under a second; 4 s is ample (one that
      // has not opened by then was measured still unopened after 25 s).
      const [a, b] = await Promise.all([offerer, answerer].map((page) => page.evaluate((ms) => (globalThis as PeerWindow).roomPeer.outcome(ms), 4_000)))
      const evidence = { offerCandidates: candidates(offer.sdp), answerCandidates: candidates(answer.sdp), offerer: a!, answerer: b! }
      await test.info().attach(`webrtc-${rule}`, { body: JSON.stringify(evidence, null, 2), contentType: 'application/json' })
      console.log(
        `WebRTC on '${rule}': offerer ${evidence.offerer.state}, answerer ${evidence.answerer.state}; ` +
          `candidates ${JSON.stringify(evidence.offerCandidates)} / ${JSON.stringify(evidence.answerCandidates)}`
      )

      const allCandidates = [...evidence.offerCandidates, ...evidence.answerCandidates]
      // Stock Chromium (no camera permission) offers only host candidates for its default-route
      // interface, under a one-off mDNS name: the peer must resolve it by multicast.
      for (const line of allCandidates) expect(line).toMatch(/ [0-9a-f-]{36}\.local \d+ typ host /)
      // With no default route it offers no candidate at all.
      if (expected.defaultRoute) expect(evidence.offerCandidates.length).toBeGreaterThan(0)
      else expect(allCandidates).toEqual([])

      if (expected.webRtc) {
        expect(evidence.offerer).toEqual({ state: 'connected', message: 'hello from #answerer' })
        expect(evidence.answerer).toEqual({ state: 'connected', message: 'hello from #offerer' })
      } else {
        expect(evidence.offerer.message).toBeNull()
        expect(evidence.answerer.message).toBeNull()
        expect(evidence.offerer.state).not.toBe('connected')
        expect(evidence.answerer.state).not.toBe('connected')
      }
    })
  })
}

/** Reads a child process's output line by line; rejects with what it said if it exits first. */
function linesOf(child: ChildProcess): () => Promise<string> {
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  return async () => {
    const next = await lines.next()
    if (next.done) throw new Error(`the helper in the namespace exited early: ${stderr.trim()}`)
    return next.value
  }
}

/**
 * Node one-liners run inside a namespace; each takes that namespace's address as its argument.
 * They print strings: the worker's FORCE_COLOR would colour a bare number.
 */
const SERVE_IN_NAMESPACE = `
const server = require('node:http').createServer((_q, r) => r.end('participant B'))
server.listen(0, process.argv[1], () => console.log(String(server.address().port)))`

const RECEIVE_MULTICAST = `
const socket = require('node:dgram').createSocket({ type: 'udp4', reuseAddr: true })
let received = 0
socket.on('message', (message) => {
  if (String(message) === 'room probe' && ++received === 5) done()
})
const done = () => { console.log(String(received)); process.exit(0) }
socket.bind(5353, () => {
  socket.addMembership('224.0.0.251', process.argv[1])
  console.log('ready')
  setTimeout(done, 1500)
})`

const SEND_MULTICAST = `
const socket = require('node:dgram').createSocket('udp4')
socket.bind(0, process.argv[1], async () => {
  socket.setMulticastInterface(process.argv[1])
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => socket.send('room probe', 5353, '224.0.0.251', resolve))
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  socket.close()
})`
