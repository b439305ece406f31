import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { formatJoinCode } from '../../../../shared/joinCode'
import type { FacilitatorSession } from '../../../../shared/contract'
import type { JoinAnswer } from '../../../../shared/liveSession'
import { boardStorage, loopbackSessions } from '../loopbackSessions'
import { MAX_ENDED_SERVERS, SessionManager } from '../../../../electron/host/sessionManager'
import {
  DEFAULT_JOIN_CHECK_LIMITS,
  startLiveSession,
  type JoinCheckLimits,
  type LiveSession
} from '../../../../electron/host/liveSession'
import { SignalingHub } from '../../../../electron/host/signalingHub'

const WORKSHOP = 'abcdef12-live'

/** Opens a signaling socket; resolves 'open' or the HTTP status it was refused with. */
function connectSignaling(url: string): Promise<{ result: 'open' | number; socket: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url)
    socket.once('open', () => resolve({ result: 'open', socket }))
    socket.once('unexpected-response', (_request, response) => resolve({ result: response.statusCode ?? 0, socket }))
    socket.once('error', () => resolve({ result: 0, socket }))
  })
}

/** A port nothing listens on right now, as a facilitator would pick with --session-port. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A fresh connection each time (fetch would reuse one that a server closed when it stopped, and fail). */
function answersAt(port: number, query: string): Promise<{ status: number; answer: JoinAnswer }> {
  return new Promise((resolve, reject) => {
    get(`http://127.0.0.1:${port}/join/check?${query}`, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, answer: JSON.parse(body) as JoinAnswer }))
    }).once('error', reject)
  })
}

const ENDED = { status: 410, answer: { ok: false, ended: true, error: expect.stringMatching(/^This session has ended/) } }

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const unreachable = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/`).then(
    () => false,
    () => true
  )

describe('a live session on the room network', () => {
  let dir: string
  let sessions: SessionManager
  let live: FacilitatorSession
  let base: string

  const check = (code: string) => answersAt(live.port, `code=${encodeURIComponent(code)}`)
  const checkTicket = (ticket: string) => answersAt(live.port, `ticket=${encodeURIComponent(ticket)}`)
  const joinWithCode = async (code: string) => {
    const joined = await check(code)
    if (!joined.answer.ok) throw new Error(joined.answer.error)
    return joined.answer
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-session-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    sessions = loopbackSessions(dir)
    live = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    base = `http://127.0.0.1:${live.port}`
  })

  afterEach(async () => {
    await sessions.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives a six-character code and a join link that carries it', () => {
    expect(live.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    expect(live.joinUrls).toEqual([`${base}/#/join/${live.code}/${live.hostKey}`])
  })

  it('admits the right code however it is typed, and refuses a wrong one in plain words', async () => {
    const typed = formatJoinCode(live.code).toLowerCase()
    const right = await check(` ${typed} `)
    expect(right.status).toBe(200)
    expect(right.answer).toMatchObject({ ok: true, title: 'Values day', room: live.room })

    const wrong = await check('AAAAAA' === live.code ? 'BBBBBB' : 'AAAAAA')
    expect(wrong).toEqual({
      status: 403,
      answer: { ok: false, error: 'That code is not right. Check the code on the facilitator’s screen; it may have changed.' }
    })
  })

  it('slows down guessing, not the room: after a dozen wrong codes, the right one still gets in', async () => {
    const wrong = live.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'
    for (let i = 0; i < 12; i++) expect((await check(wrong)).status).toBe(403)
    // Past the limit checks wait their turn (see "join checks from one address…" below); none is refused.
    expect((await check(wrong)).status).toBe(403)
    expect((await check(live.code)).status).toBe(200)
  })

  it('lets a whole room in from one address: right codes are never counted as guesses', async () => {
    for (let i = 0; i < 40; i++) expect((await check(live.code)).status).toBe(200)
  })

  it('serves the participant page but never the facilitator API', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200)
    const api = await fetch(`${base}/api/invoke`, { method: 'POST', body: '{"namespace":"library","name":"list","args":[]}' })
    expect(api.status).toBe(405)
    expect((await fetch(`${base}/api/events`)).status).toBe(404)
  })

  it('admits to signaling only with a ticket; a new code keeps everyone in and refuses the old code', async () => {
    const noTicket = await connectSignaling(`ws://127.0.0.1:${live.port}/signal`)
    expect(noTicket.result).not.toBe('open')

    const joined = await check(live.code)
    if (!joined.answer.ok) throw new Error(joined.answer.error)
    const participant = await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${joined.answer.ticket}`)
    expect(participant.result).toBe('open')
    participant.socket.close()

    const rotated = await sessions.rotateCode(WORKSHOP)
    expect(rotated?.code).not.toBe(live.code)
    expect((await check(live.code)).status).toBe(403)
    expect((await check(rotated!.code)).status).toBe(200)
    // Someone whose laptop dropped off comes back with the ticket they already hold.
    const rejoin = await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${joined.answer.ticket}`)
    expect(rejoin.result).toBe('open')
    rejoin.socket.close()

    const facilitator = await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${live.ticket}`)
    expect(facilitator.result).toBe('open')
    facilitator.socket.close()
  })

  it('tells someone already in, by their ticket, that their session still runs', async () => {
    const { ticket } = await joinWithCode(live.code)
    expect(await checkTicket(ticket)).toEqual({ status: 200, answer: { ok: true, title: 'Values day', room: live.room, ticket, hostKey: live.hostKey } })
    await sessions.rotateCode(WORKSHOP)
    expect((await checkTicket(ticket)).status).toBe(200)
    // A ticket this session never gave out belongs to one that is over. Asking is not guessing a
    // code: a laptop that asks often is not locked out.
    for (let i = 0; i < 20; i++) expect(await checkTicket(`made-up-${i}`)).toEqual(ENDED)
    expect((await check(sessions.status(WORKSHOP)!.code)).status).toBe(200)
  })

  it('ending the session disconnects everyone and admits no one new, and its address says it has ended', async () => {
    const { ticket } = await joinWithCode(live.code)
    const participant = await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${ticket}`)
    expect(participant.result).toBe('open')
    const closed = new Promise((resolve) => participant.socket.once('close', resolve))

    await sessions.end(WORKSHOP)
    await closed
    expect(sessions.status(WORKSHOP)).toBeNull()
    // The page still loads, so a latecomer's link or code meets a page that says what happened…
    expect((await fetch(`${base}/`)).status).toBe(200)
    expect(await check(live.code)).toEqual(ENDED)
    expect(await check('AAAAAA' === live.code ? 'BBBBBB' : 'AAAAAA')).toEqual(ENDED)
    // …and someone who was in, whose connection dropped, hears the same when they ask.
    expect(await checkTicket(ticket)).toEqual(ENDED)
    expect((await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${ticket}`)).result).toBe(403)
    expect((await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${live.ticket}`)).result).toBe(403)
  })
})

describe('the address of an ended session', () => {
  let dir: string
  let manager: SessionManager | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ended-session-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
  })

  afterEach(async () => {
    await manager?.close()
    manager = undefined
    await rm(dir, { recursive: true, force: true })
  })

  it('is taken over by the next session on a fixed --session-port', async () => {
    const port = await freePort()
    manager = new SessionManager({ rendererDir: dir, port, bindAddress: '127.0.0.1' })
    const morning = await manager.goLive('workshop-morning', 'Morning', boardStorage(dir, 'workshop-morning'))
    expect(morning.port).toBe(port)
    const { ticket } = (await answersAt(port, `code=${morning.code}`)).answer as Extract<JoinAnswer, { ok: true }>
    await manager.end('workshop-morning')
    expect(await answersAt(port, `code=${morning.code}`)).toEqual(ENDED)

    const afternoon = await manager.goLive('workshop-afternoon', 'Afternoon', boardStorage(dir, 'workshop-afternoon'))
    expect(afternoon.port).toBe(port)
    expect(await answersAt(port, `code=${afternoon.code}`)).toMatchObject({ status: 200, answer: { ok: true, title: 'Afternoon' } })
    // The morning's people are told their session is over; its old code is just not right here any more.
    expect(await answersAt(port, `ticket=${ticket}`)).toEqual(ENDED)
    expect((await answersAt(port, `code=${morning.code}`)).status).toBe(403)
  })

  it('closes after a while, and when the app quits', async () => {
    manager = new SessionManager({ rendererDir: dir, port: 0, bindAddress: '127.0.0.1', endedLingerMs: 300 })
    const first = await manager.goLive('workshop-1', 'First', boardStorage(dir, 'workshop-1'))
    await manager.end('workshop-1')
    expect(await answersAt(first.port, `code=${first.code}`)).toEqual(ENDED)
    await until(unreachable(first.port), 'the ended session’s server to close')

    const quitting = new SessionManager({ rendererDir: dir, port: 0, bindAddress: '127.0.0.1' })
    const second = await quitting.goLive('workshop-2', 'Second', boardStorage(dir, 'workshop-2'))
    await quitting.end('workshop-2')
    expect((await answersAt(second.port, `code=${second.code}`)).status).toBe(410)
    await quitting.close()
    expect(await unreachable(second.port)()).toBe(true)
  })

  it('stays only for the last few sessions that ended', async () => {
    manager = new SessionManager({ rendererDir: dir, port: 0, bindAddress: '127.0.0.1' })
    const ports: number[] = []
    for (let i = 0; i <= MAX_ENDED_SERVERS; i++) {
      ports.push((await manager.goLive(`workshop-${i}`, `Workshop ${i}`, boardStorage(dir, `workshop-${i}`))).port)
      await manager.end(`workshop-${i}`)
    }
    expect(await unreachable(ports[0]!)()).toBe(true)
    for (const port of ports.slice(1)) expect((await answersAt(port, 'code=AAAAAA')).status).toBe(410)
  })
})

describe('join checks from one address a whole room may share (a guest network’s NAT)', () => {
  let dir: string
  let hub: SignalingHub
  let session: LiveSession | undefined

  /** A session whose join checks hold a guesser up by `wrongCodeDelayMs`, short unless a test says otherwise. */
  async function start(joinChecks: Partial<JoinCheckLimits> = {}): Promise<LiveSession> {
    session = await startLiveSession({
      workshopId: 'crowded-network',
      title: 'Crowded',
      rendererDir: dir,
      hub,
      port: 0,
      bindAddress: '127.0.0.1',
      initialState: null,
      save: () => {},
      joinChecks: { wrongCodeDelayMs: 50, ...joinChecks }
    })
    return session
  }

  const port = () => session!.info().port
  const rightCode = () => session!.info().code
  const wrongCode = () => (rightCode() === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ')
  const check = (code: string) => answersAt(port(), `code=${code}`)
  const BUSY = {
    status: 429,
    answer: { ok: false, error: 'Many people are joining from this network at once; try again in a few seconds.' }
  }

  /** The wrong codes an address may try at full speed, all answered at once. */
  async function useUpTheFreeWrongCodes(): Promise<void> {
    for (let i = 0; i < 12; i++) expect((await check(wrongCode())).status).toBe(403)
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const startedAt = performance.now()
    const result = await work()
    return { result, ms: performance.now() - startedAt }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'join-checks-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    hub = new SignalingHub({ log: () => {} })
  })

  afterEach(async () => {
    await session?.close()
    session = undefined
    await hub.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('lets the right code in from an address that has sent 30 wrong ones, within one delay', async () => {
    await start({ wrongCodeDelayMs: 20 })
    for (let i = 0; i < 30; i++) expect((await check(wrongCode())).status).toBe(403)
    const { result, ms } = await timed(() => check(rightCode()))
    expect(result).toMatchObject({ status: 200, answer: { ok: true, title: 'Crowded' } })
    expect(ms).toBeLessThan(20 + 250)
  })

  it('with the real delay, a right code waits about a second at most behind a guesser', async () => {
    await start({ wrongCodeDelayMs: DEFAULT_JOIN_CHECK_LIMITS.wrongCodeDelayMs })
    await useUpTheFreeWrongCodes()
    // The guesser's next try is answered at once, and holds up the address's next check.
    expect((await check(wrongCode())).status).toBe(403)
    const { result, ms } = await timed(() => check(rightCode()))
    expect(result.status).toBe(200)
    expect(ms).toBeGreaterThan(800)
    expect(ms).toBeLessThan(2_000)
  })

  it('holds a guesser past the limit to one check per delay, asking one after another', async () => {
    await start({ wrongCodeDelayMs: 60 })
    await useUpTheFreeWrongCodes()
    const { ms } = await timed(async () => {
      for (let i = 0; i < 10; i++) expect((await check(wrongCode())).status).toBe(403)
    })
    expect(ms).toBeGreaterThanOrEqual(9 * 60)
  })

  it('holds a guesser past the limit to one check per delay, asking all at once', async () => {
    await start({ wrongCodeDelayMs: 60 })
    await useUpTheFreeWrongCodes()
    const startedAt = performance.now()
    const answeredAt = await Promise.all(
      Array.from({ length: 10 }, async () => {
        expect((await check(wrongCode())).status).toBe(403)
        return performance.now() - startedAt
      })
    )
    answeredAt.sort((a, b) => a - b)
    expect(answeredAt.at(-1)!).toBeGreaterThanOrEqual(9 * 60)
    // One at a time: each answer a delay after the one before (a little slack for the timer and the network).
    for (let i = 1; i < answeredAt.length; i++) expect(answeredAt[i]! - answeredAt[i - 1]!).toBeGreaterThan(60 - 15)
  })

  it('answers checks beyond the waiting line at once, in plain words', async () => {
    await start({ wrongCodeDelayMs: 200, maxWaitingChecksPerAddress: 3 })
    await useUpTheFreeWrongCodes()
    expect((await check(wrongCode())).status).toBe(403)
    const answers = await Promise.all(Array.from({ length: 5 }, () => timed(() => check(rightCode()))))
    const busy = answers.filter(({ result }) => result.status === 429)
    expect(busy).toHaveLength(2)
    for (const { result, ms } of busy) {
      expect(result).toEqual(BUSY)
      expect(ms).toBeLessThan(150)
    }
    // Right codes do not hold up the line: the three that waited are let in together.
    expect(answers.filter(({ result }) => result.status === 200)).toHaveLength(3)
  })

  it('never checks the code of someone who stopped waiting, nor holds the line for it', async () => {
    await start({ wrongCodeDelayMs: 300 })
    await useUpTheFreeWrongCodes()
    expect((await check(wrongCode())).status).toBe(403)
    for (let i = 0; i < 5; i++) {
      const request = get(`http://127.0.0.1:${port()}/join/check?code=${wrongCode()}`, { agent: false })
      request.on('error', () => {})
      setTimeout(() => request.destroy(), 20)
    }
    await new Promise((resolve) => setTimeout(resolve, 40))
    const { result, ms } = await timed(() => check(rightCode()))
    expect(result.status).toBe(200)
    // Five wrong codes checked would have held it up for 1.5 s more.
    expect(ms).toBeLessThan(300 + 250)
  })

  it('tells everyone still waiting in line that the session has ended', async () => {
    await start({ wrongCodeDelayMs: 10_000 })
    await useUpTheFreeWrongCodes()
    expect((await check(wrongCode())).status).toBe(403)
    const waiting = timed(() => check(rightCode()))
    await new Promise((resolve) => setTimeout(resolve, 50))
    session!.end()
    const { result, ms } = await waiting
    expect(result).toEqual(ENDED)
    expect(ms).toBeLessThan(1_000)
  })

  it('bounds the tickets one address obtains per minute, without telling a guesser anything', async () => {
    await start({ ticketsPerMinute: 5 })
    const tickets: string[] = []
    for (let i = 0; i < 5; i++) {
      const { answer } = await check(rightCode())
      if (!answer.ok) throw new Error(answer.error)
      tickets.push(answer.ticket)
    }
    expect(await check(rightCode())).toEqual(BUSY)
    // The same answer for a wrong code, so it says nothing about the code; nor does it count as a guess.
    for (let i = 0; i < 20; i++) expect(await check(wrongCode())).toEqual(BUSY)
    // Those already in are unaffected.
    expect(await answersAt(port(), `ticket=${tickets[0]}`)).toMatchObject({ status: 200, answer: { ok: true, ticket: tickets[0] } })
  })

  it('gives each ticket at most four signaling connections', async () => {
    await start()
    const { answer } = await check(rightCode())
    if (!answer.ok) throw new Error(answer.error)
    const url = `ws://127.0.0.1:${port()}/signal?ticket=${answer.ticket}`
    const opened = await Promise.all(Array.from({ length: 4 }, () => connectSignaling(url)))
    expect(opened.map(({ result }) => result)).toEqual(['open', 'open', 'open', 'open'])
    const fifth = await connectSignaling(url)
    expect(fifth.result).toBe(503)
    const other = await check(rightCode())
    if (!other.answer.ok) throw new Error(other.answer.error)
    const someoneElse = await connectSignaling(`ws://127.0.0.1:${port()}/signal?ticket=${other.answer.ticket}`)
    expect(someoneElse.result).toBe('open')
    for (const { socket } of [...opened, someoneElse]) socket.close()
  })
})

describe('a workshop’s session, across End / Go live and restarts', () => {
  let dir: string
  let manager: SessionManager | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'same-session-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
  })

  afterEach(async () => {
    await manager?.close()
    manager = undefined
    await rm(dir, { recursive: true, force: true })
  })

  const open = () => new SessionManager({ rendererDir: dir, port: 0, bindAddress: '127.0.0.1', dataDir: dir })
  const same = (session: FacilitatorSession) => ({ port: session.port, code: session.code, room: session.room, hostKey: session.hostKey })
  const ticketAt = async (session: FacilitatorSession) => {
    const { answer } = await answersAt(session.port, `code=${session.code}`)
    if (!answer.ok) throw new Error(answer.error)
    return answer.ticket
  }

  it('keeps its port, code, room and key, and the tickets it gave out, when it goes live again', async () => {
    manager = open()
    const first = await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const ticket = await ticketAt(first)
    await manager.end(WORKSHOP)
    expect(await answersAt(first.port, `ticket=${ticket}`)).toEqual(ENDED)

    const again = await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    expect(same(again)).toEqual(same(first))
    expect(again.joinUrls).toEqual(first.joinUrls)
    // Someone who was in comes back with the ticket they hold.
    expect(await answersAt(again.port, `ticket=${ticket}`)).toMatchObject({ status: 200, answer: { ok: true, room: first.room } })
    expect(again.notice).toBeNull()
  })

  it('is the same session after the app restarts, with the code the facilitator last asked for', async () => {
    manager = open()
    await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const rotated = manager.rotateCode(WORKSHOP)!
    const ticket = await ticketAt(rotated)
    await manager.close()

    manager = open()
    const restarted = await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    expect(same(restarted)).toEqual(same(rotated))
    expect(await answersAt(restarted.port, `ticket=${ticket}`)).toMatchObject({ status: 200, answer: { ok: true } })
    expect((await answersAt(restarted.port, `code=${rotated.code}`)).status).toBe(200)
    // Another workshop is another session.
    const other = await manager.goLive('workshop-other', 'Other', boardStorage(dir, 'workshop-other'))
    expect(other.port).not.toBe(restarted.port)
    expect(other.room).not.toBe(restarted.room)
  })

  it('says plainly when its port is taken, and runs on another', async () => {
    manager = open()
    const first = await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    await manager.close()
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve))
    try {
      manager = open()
      const moved = await manager.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
      expect(moved.port).not.toBe(first.port)
      expect(moved.code).toBe(first.code)
      expect(moved.notice).toBe(
        `This workshop's session usually runs on port ${first.port}, but another program is using it now, so it runs on port ${moved.port} this time. ` +
          'Links and QR codes shared before will not work: share the ones shown here.'
      )
    } finally {
      squatter.close()
    }
  })
})
