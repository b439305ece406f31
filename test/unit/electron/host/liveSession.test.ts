import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { formatJoinCode } from '../../../../shared/joinCode'
import type { FacilitatorSession } from '../../../../shared/contract'
import type { JoinAnswer } from '../../../../shared/liveSession'
import { loopbackSessions } from '../loopbackSessions'
import type { SessionManager } from '../../../../electron/host/sessionManager'

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

describe('a live session on the room network', () => {
  let dir: string
  let sessions: SessionManager
  let live: FacilitatorSession
  let base: string

  const check = async (code: string) => {
    const response = await fetch(`${base}/join/check?code=${encodeURIComponent(code)}`)
    return { status: response.status, answer: (await response.json()) as JoinAnswer }
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-session-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    sessions = loopbackSessions(dir)
    live = await sessions.goLive(WORKSHOP, 'Values day')
    base = `http://127.0.0.1:${live.port}`
  })

  afterEach(async () => {
    await sessions.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives a six-character code and a join link that carries it', () => {
    expect(live.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    expect(live.joinUrls).toEqual([`${base}/#/join/${live.code}`])
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

  it('slows down guessing: after a dozen wrong codes a laptop must wait', async () => {
    const wrong = live.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'
    for (let i = 0; i < 12; i++) expect((await check(wrong)).status).toBe(403)
    const blocked = await check(live.code)
    expect(blocked.status).toBe(429)
    expect(blocked.answer).toMatchObject({ ok: false, error: expect.stringContaining('Wait a minute') })
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

    const facilitator = await connectSignaling(live.signalingUrl)
    expect(facilitator.result).toBe('open')
    facilitator.socket.close()
  })

  it('ending the session disconnects everyone and admits no one new', async () => {
    const joined = await check(live.code)
    if (!joined.answer.ok) throw new Error(joined.answer.error)
    const participant = await connectSignaling(`ws://127.0.0.1:${live.port}/signal?ticket=${joined.answer.ticket}`)
    expect(participant.result).toBe('open')
    const closed = new Promise((resolve) => participant.socket.once('close', resolve))

    await sessions.end(WORKSHOP)
    await closed
    expect(sessions.status(WORKSHOP)).toBeNull()
    await expect(fetch(`${base}/join/check?code=${live.code}`)).rejects.toThrow()
  })
})
