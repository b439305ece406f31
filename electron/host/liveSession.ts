/**
 * One workshop, live on the room's network: a server that participants' browsers reach
 * by link, QR code or code. It serves the participant's face of the renderer, checks join
 * codes, and admits holders of a ticket to the session's signaling topic. It serves no
 * facilitator API: the library, files and exports are never reachable from the network.
 *
 * Once the session ends the server can keep listening, ended: it still serves the page, so a
 * latecomer's link or code, and a participant whose page asks about their session, hear that it
 * has ended, where a closed port would only give the browser's "can't reach this site".
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy'
import { joinCodeFromRandom, normalizeJoinCode } from '../../shared/joinCode'
import {
  JOIN_CHECK_ROUTE,
  JOIN_ROUTE_FRAGMENT,
  SIGNAL_ROUTE,
  SYNC_CLOSE,
  SYNC_ROUTE,
  type JoinAnswer,
  type LiveSessionInfo
} from '../../shared/liveSession'
import { createHostKeys, decodeKey, encodeKey, type HostKeys } from '../../shared/sync/sealedChannel'
import { HubRoom } from './hubRoom'
import { joinAddresses } from './joinAddresses'
import { remoteAddress, type SignalingHub } from './signalingHub'
import type { SavedSession } from './sessionStore'
import { SocketLinkServer } from './socketLinks'
import { readStaticFile } from './staticFiles'
import { HostWebrtcPeer } from './webrtcLinks'

/**
 * How the join check holds off someone guessing codes without holding off the room. A whole
 * room may reach us from one address (a guest network's NAT), so right codes never count
 * against an address and are never refused for its wrong ones. Past `wrongCodesPerMinute`, an
 * address's checks are answered one at a time and each wrong code holds up its next check by
 * `wrongCodeDelayMs`: a guesser gets about one try a second (31⁶ codes: years on average), and
 * asking in parallel gains nothing, while a right code waits only for the wrong ones ahead of it.
 */
export interface JoinCheckLimits {
  /** Wrong codes one address may try per minute at full speed. */
  wrongCodesPerMinute: number
  /** Past that, how long each wrong code holds up the address's next check. */
  wrongCodeDelayMs: number
  /** Checks from one address that may wait their turn; more are answered "busy" at once. */
  maxWaitingChecksPerAddress: number
  /**
   * Tickets one address may obtain per minute with the right code, refilled evenly. Each ticket
   * is a signaling connection slot (signalingHub.ts), so this is what bounds one address's slots.
   */
  ticketsPerMinute: number
}

/** A room of ~150 behind one NAT joins within a minute or two; 20 waiting is ~20 s at worst. */
export const DEFAULT_JOIN_CHECK_LIMITS: JoinCheckLimits = Object.freeze({
  wrongCodesPerMinute: 12,
  wrongCodeDelayMs: 1_000,
  maxWaitingChecksPerAddress: 20,
  ticketsPerMinute: 200
})

const MINUTE_MS = 60_000

const WRONG_CODE_ANSWER: JoinAnswer = {
  ok: false,
  error: 'That code is not right. Check the code on the facilitator’s screen; it may have changed.'
}

const BUSY_ANSWER: JoinAnswer = {
  ok: false,
  error: 'Many people are joining from this network at once; try again in a few seconds.'
}

/** An address past the wrong-code limit: its code checks, answered one at a time. */
interface SlowLane {
  waiting: Array<{ given: string; response: ServerResponse }>
  /** Set while a wrong code holds up the next check. */
  heldUntilNext: NodeJS.Timeout | null
}

/**
 * A participant whose last try to link is older than this is no longer counted as trying: a
 * laptop that keeps failing tries again within seconds (hubProvider.ts), one that gave up is gone.
 */
const ATTEMPT_FRESH_MS = 20_000

const ENDED_ANSWER: JoinAnswer = {
  ok: false,
  ended: true,
  error: 'This session has ended: the facilitator closed it, so its link and code no longer let anyone in. Ask the facilitator for a new link or code.'
}

export interface LiveSessionOptions {
  workshopId: string
  title: string
  rendererDir: string
  hub: SignalingHub
  /** 0 picks a free port. */
  port: number
  /** The interface to listen on; every interface by default, so the room can reach it. */
  bindAddress?: string
  /** DEFAULT_JOIN_CHECK_LIMITS unless a test needs them otherwise. */
  joinChecks?: Partial<JoinCheckLimits>
  /** The session this workshop had before (sessionStore.ts): the same code, room, key and tickets. */
  resume?: SavedSession | null
  /** Called with what makes this session the same one next time, whenever it changes. */
  remember?(session: SavedSession): void
  /** The board as saved: the hub starts from it. */
  initialState: Uint8Array | null
  /** Writes the board; the hub calls it as the room changes it. */
  save(state: Uint8Array): void
}

export interface LiveSession {
  info(): LiveSessionInfo
  /** The facilitator's own ticket, for its window's link to the hub over loopback. */
  facilitatorTicket: string
  /** The room's hub: the session's copy of the board. */
  hub: HubRoom
  /** Participants trying to link right now who have not made it yet. */
  connecting(): number
  /** A fresh code for new joiners; everyone already in stays in. */
  rotateCode(): LiveSessionInfo
  /**
   * Disconnects every participant and admits no one new. The server keeps listening until
   * close(), answering every code and ticket with "this session has ended".
   */
  end(): void
  /**
   * Stops the server. A session still live is not ended: the app is going away (it quits or
   * restarts), so its links close as "going away", participants keep their boards and keep
   * trying, and the same session (sessionStore.ts) takes them back when the app returns.
   */
  close(): Promise<void>
}

function newCode(): string {
  return joinCodeFromRandom(randomBytes(16))
}

function sameSecret(given: string | null, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  response.end(text)
}

export async function startLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const resume = options.resume ?? null
  const resumedPublicKey = resume && decodeKey(resume.publicKey)
  const resumedSecretKey = resume && decodeKey(resume.secretKey)
  const room = resume?.room ?? `workshop-${options.workshopId}-${randomBytes(6).toString('hex')}`
  let code = resume?.code ?? newCode()
  const facilitatorTicket = resume?.facilitatorTicket ?? randomBytes(18).toString('base64url')
  const tickets = new Set<string>([facilitatorTicket, ...(resume?.tickets ?? [])])
  const joinLimits: JoinCheckLimits = { ...DEFAULT_JOIN_CHECK_LIMITS, ...options.joinChecks }
  const wrongCodes = new Map<string, number[]>()
  /** Per address, how many more tickets it may obtain now: a bucket refilled at ticketsPerMinute. */
  const ticketBudgets = new Map<string, { tokens: number; refilledAt: number }>()
  const slowLanes = new Map<string, SlowLane>()
  let ended = false
  const keys: HostKeys =
    resumedPublicKey && resumedSecretKey ? { publicKey: resumedPublicKey, secretKey: resumedSecretKey } : createHostKeys()
  /** The public key as join links and answers carry it. */
  const hostKey = encodeKey(keys.publicKey)
  /** When each participant's ticket last tried to link (signaling or the WebSocket): who is still trying. */
  const attempts = new Map<string, number>()
  const hub = new HubRoom({ initialState: options.initialState, save: options.save })
  const webrtc = new HostWebrtcPeer(options.hub, room, hub)
  const socketLinks = new SocketLinkServer({
    keys,
    hub,
    admit(ticket) {
      if (ended || !tickets.has(ticket)) return null
      if (ticket === facilitatorTicket) return 'facilitator'
      attempts.set(ticket, Date.now())
      return 'participant'
    }
  })

  /** Every link to the room closes, with `code` telling laptops why, and the hub writes the board a last time. */
  function closeRoom(code: number, reason: string): void {
    options.hub.closeTopic(room)
    webrtc.close()
    socketLinks.closeAll(code, reason)
    hub.destroy()
  }

  function recentWrongCodes(address: string): number[] {
    const now = Date.now()
    const recent = (wrongCodes.get(address) ?? []).filter((time) => now - time < MINUTE_MS)
    if (recent.length > 0) wrongCodes.set(address, recent)
    else wrongCodes.delete(address)
    return recent
  }

  function ticketBudget(address: string): { tokens: number; refilledAt: number } {
    const now = Date.now()
    const perMinute = joinLimits.ticketsPerMinute
    let budget = ticketBudgets.get(address)
    if (!budget) ticketBudgets.set(address, (budget = { tokens: perMinute, refilledAt: now }))
    budget.tokens = Math.min(perMinute, budget.tokens + ((now - budget.refilledAt) / MINUTE_MS) * perMinute)
    budget.refilledAt = now
    return budget
  }

  /** Answers one code check, and says whether the code was wrong. */
  function answerCode(address: string, given: string, response: ServerResponse): boolean {
    if (ended) {
      json(response, 410, ENDED_ANSWER)
      return false
    }
    // Asked before the code is checked, so this answer says nothing about whether it was right.
    const budget = ticketBudget(address)
    if (budget.tokens < 1) {
      json(response, 429, BUSY_ANSWER)
      return false
    }
    if (!sameSecret(normalizeJoinCode(given), code)) {
      const recent = recentWrongCodes(address)
      recent.push(Date.now())
      wrongCodes.set(address, recent)
      // A full budget is the same as none kept.
      if (budget.tokens >= joinLimits.ticketsPerMinute) ticketBudgets.delete(address)
      json(response, 403, WRONG_CODE_ANSWER)
      return true
    }
    budget.tokens -= 1
    const newTicket = randomBytes(18).toString('base64url')
    tickets.add(newTicket)
    remember()
    json(response, 200, { ok: true, title: options.title, room, ticket: newTicket, hostKey } satisfies JoinAnswer)
    return false
  }

  function answerInTurn(address: string, given: string, response: ServerResponse): void {
    let lane = slowLanes.get(address)
    if (!lane) slowLanes.set(address, (lane = { waiting: [], heldUntilNext: null }))
    if (lane.waiting.length >= joinLimits.maxWaitingChecksPerAddress) return json(response, 429, BUSY_ANSWER)
    lane.waiting.push({ given, response })
    drainSlowLane(address, lane)
  }

  function drainSlowLane(address: string, lane: SlowLane): void {
    while (lane.heldUntilNext === null) {
      const next = lane.waiting.shift()
      if (!next) {
        slowLanes.delete(address)
        return
      }
      // Someone who stopped waiting gets no answer, and their code is never checked.
      if (next.response.destroyed || next.response.socket?.destroyed !== false) continue
      if (answerCode(address, next.given, next.response)) {
        lane.heldUntilNext = setTimeout(() => {
          lane.heldUntilNext = null
          drainSlowLane(address, lane)
        }, joinLimits.wrongCodeDelayMs)
        lane.heldUntilNext.unref()
      }
    }
  }

  /** Everyone still waiting hears that the session has ended; nothing about any address is kept. */
  function endJoinChecks(): void {
    for (const lane of slowLanes.values()) {
      if (lane.heldUntilNext) clearTimeout(lane.heldUntilNext)
      for (const { response } of lane.waiting) if (!response.destroyed) json(response, 410, ENDED_ANSWER)
    }
    slowLanes.clear()
    wrongCodes.clear()
    ticketBudgets.clear()
  }

  function handleJoinCheck(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (ended) return json(response, 410, ENDED_ANSWER)
    const ticket = url.searchParams.get('ticket')
    if (ticket !== null) {
      // Someone already in, whose signaling stopped answering, asks whether to keep trying. A
      // ticket this session never gave out was given by one that has ended (the same port
      // serves a new session now); tickets are too long to guess, so this reveals nothing.
      if (!tickets.has(ticket)) return json(response, 410, ENDED_ANSWER)
      return json(response, 200, { ok: true, title: options.title, room, ticket, hostKey } satisfies JoinAnswer)
    }
    const address = remoteAddress(request)
    const given = url.searchParams.get('code') ?? ''
    // Once an address's checks wait in line, every later one joins the line, so none overtakes it.
    if (slowLanes.has(address) || recentWrongCodes(address).length >= joinLimits.wrongCodesPerMinute) {
      return answerInTurn(address, given, response)
    }
    answerCode(address, given, response)
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://session')
    if (url.pathname === JOIN_CHECK_ROUTE && request.method === 'GET') return handleJoinCheck(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(response, 405, { error: 'Method not allowed.' })
    const file = url.pathname.startsWith('/api/') ? null : await readStaticFile(options.rendererDir, url.pathname)
    if (!file) return json(response, 404, { error: 'Not found.' })
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.body.length,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': CONTENT_SECURITY_POLICY
    })
    response.end(file.body)
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) json(response, 500, { error: 'The session could not answer that request.' })
      else response.destroy()
    })
  })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://session')
    if (url.pathname === SYNC_ROUTE) return socketLinks.handleUpgrade(request, socket, head)
    const ticket = url.searchParams.get('ticket') ?? ''
    const admitted = url.pathname === SIGNAL_ROUTE && tickets.has(ticket)
    if (admitted && ticket !== facilitatorTicket) attempts.set(ticket, Date.now())
    options.hub.handleUpgrade(request, socket, head, admitted ? { topics: new Set([room]), ticket } : null)
  })

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, options.bindAddress ?? '0.0.0.0', () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    // The port is taken: let go of the room, so the caller may try another port.
    closeRoom(SYNC_CLOSE.goingAway, 'the session could not start')
    throw error
  }
  const port = (server.address() as AddressInfo).port
  function remember(): void {
    options.remember?.({
      port,
      code,
      room,
      publicKey: hostKey,
      secretKey: encodeKey(keys.secretKey),
      facilitatorTicket,
      tickets: [...tickets].filter((ticket) => ticket !== facilitatorTicket)
    })
  }
  remember()

  /** Participants who tried to link in the last ATTEMPT_FRESH_MS and have no link now. */
  const connecting = (): number => {
    const linked = hub.linkedTickets()
    const now = Date.now()
    let count = 0
    for (const [ticket, at] of attempts) {
      if (now - at > ATTEMPT_FRESH_MS) attempts.delete(ticket)
      else if (!linked.has(ticket)) count++
    }
    return count
  }

  const info = (): LiveSessionInfo => {
    const hosts = options.bindAddress && options.bindAddress !== '0.0.0.0' ? [options.bindAddress] : joinAddresses()
    return {
      workshopId: options.workshopId,
      code,
      room,
      port,
      hostKey,
      joinUrls: (hosts.length ? hosts : ['127.0.0.1']).map((host) => `http://${host}:${port}/${JOIN_ROUTE_FRAGMENT}${code}/${hostKey}`)
    }
  }

  const end = () => {
    // Ended before the sockets close: a peer that asks as soon as its socket drops hears "ended".
    ended = true
    tickets.clear()
    endJoinChecks()
    closeRoom(SYNC_CLOSE.ended, 'the session has ended')
  }

  return {
    info,
    facilitatorTicket,
    hub,
    connecting,
    rotateCode() {
      code = newCode()
      remember()
      return info()
    },
    end,
    async close() {
      if (!ended) closeRoom(SYNC_CLOSE.goingAway, 'the facilitator’s app is going away')
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
