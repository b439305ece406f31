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
import { networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy'
import { joinCodeFromRandom, normalizeJoinCode } from '../../shared/joinCode'
import {
  JOIN_CHECK_ROUTE,
  JOIN_ROUTE_FRAGMENT,
  SIGNAL_ROUTE,
  type JoinAnswer,
  type LiveSessionInfo
} from '../../shared/liveSession'
import type { SignalingHub } from './signalingHub'
import { readStaticFile } from './staticFiles'

/**
 * Wrong codes one address may try per minute before it has to wait. Right codes do not
 * count: a whole room behind one address (a guest network's NAT) must still get in.
 */
const WRONG_CODES_PER_MINUTE = 12
const MINUTE_MS = 60_000

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
}

export interface LiveSession {
  info(): LiveSessionInfo
  /** The facilitator's own way into signaling, over loopback. */
  facilitatorSignalingUrl: string
  /** A fresh code for new joiners; everyone already in stays in. */
  rotateCode(): LiveSessionInfo
  /**
   * Disconnects every participant and admits no one new. The server keeps listening until
   * close(), answering every code and ticket with "this session has ended".
   */
  end(): void
  /** Stops the server, ending the session first if it is live. */
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

/** The addresses other laptops in the room can use to reach this one. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address)
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
  const room = `workshop-${options.workshopId}-${randomBytes(6).toString('hex')}`
  let code = newCode()
  const facilitatorTicket = randomBytes(18).toString('base64url')
  const tickets = new Set<string>([facilitatorTicket])
  const wrongCodes = new Map<string, number[]>()
  let ended = false

  function recentWrongCodes(address: string): number[] {
    const now = Date.now()
    const recent = (wrongCodes.get(address) ?? []).filter((time) => now - time < MINUTE_MS)
    wrongCodes.set(address, recent)
    return recent
  }

  function handleJoinCheck(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (ended) return json(response, 410, ENDED_ANSWER)
    const ticket = url.searchParams.get('ticket')
    if (ticket !== null) {
      // Someone already in, whose signaling stopped answering, asks whether to keep trying. A
      // ticket this session never gave out was given by one that has ended (the same port
      // serves a new session now); tickets are too long to guess, so this reveals nothing.
      if (!tickets.has(ticket)) return json(response, 410, ENDED_ANSWER)
      return json(response, 200, { ok: true, title: options.title, room, ticket } satisfies JoinAnswer)
    }
    const address = request.socket.remoteAddress ?? 'unknown'
    const wrongSoFar = recentWrongCodes(address)
    if (wrongSoFar.length >= WRONG_CODES_PER_MINUTE) {
      return json(response, 429, {
        ok: false,
        error: 'Too many tries from this laptop. Wait a minute, then type the code shown on the facilitator’s screen.'
      } satisfies JoinAnswer)
    }
    if (!sameSecret(normalizeJoinCode(url.searchParams.get('code') ?? ''), code)) {
      wrongSoFar.push(Date.now())
      return json(response, 403, {
        ok: false,
        error: 'That code is not right. Check the code on the facilitator’s screen; it may have changed.'
      } satisfies JoinAnswer)
    }
    const newTicket = randomBytes(18).toString('base64url')
    tickets.add(newTicket)
    json(response, 200, { ok: true, title: options.title, room, ticket: newTicket } satisfies JoinAnswer)
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
    const admitted = url.pathname === SIGNAL_ROUTE && tickets.has(url.searchParams.get('ticket') ?? '')
    options.hub.handleUpgrade(request, socket, head, admitted ? { topics: new Set([room]) } : null)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.bindAddress ?? '0.0.0.0', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port

  const info = (): LiveSessionInfo => {
    const hosts = options.bindAddress && options.bindAddress !== '0.0.0.0' ? [options.bindAddress] : lanAddresses()
    return {
      workshopId: options.workshopId,
      code,
      room,
      port,
      joinUrls: (hosts.length ? hosts : ['127.0.0.1']).map((host) => `http://${host}:${port}/${JOIN_ROUTE_FRAGMENT}${code}`)
    }
  }

  const end = () => {
    // Ended before the sockets close: a peer that asks as soon as its socket drops hears "ended".
    ended = true
    tickets.clear()
    wrongCodes.clear()
    options.hub.closeTopic(room)
  }

  return {
    info,
    facilitatorSignalingUrl: `ws://127.0.0.1:${port}${SIGNAL_ROUTE}?ticket=${facilitatorTicket}`,
    rotateCode() {
      code = newCode()
      return info()
    },
    end,
    async close() {
      if (!ended) end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
