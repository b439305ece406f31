/**
 * Host mode's face for the facilitator: the renderer and the contract over HTTP, on the
 * loopback interface only, guarded by a random token (the pattern of `code serve-web` and
 * Jupyter). The printed URL carries the token once; the page then holds it in an
 * HttpOnly, SameSite=Strict cookie, so other sites and other users' browsers get nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  dispatch,
  EVENTS_ROUTE,
  INVOKE_ROUTE,
  MAX_DOC_BYTES,
  type AllHandlers,
  type EventMessage,
  type Reply
} from '../../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy'
import { fromWire, toWire } from '../../shared/wire'
import { readStaticFile } from './staticFiles'

/**
 * The sign-in cookie, one name per port: browsers keep cookies per host, not per port, so two
 * copies of host mode on one computer would otherwise overwrite each other's sign-in.
 */
const cookieName = (port: number) => `workshop_studio_key_${port}`
// Base64 inflates binary by 4/3; leave room for the JSON around it.
const MAX_INVOKE_BODY_BYTES = Math.ceil(MAX_DOC_BYTES * 1.4) + 64 * 1024
const SSE_KEEPALIVE_MS = 25_000

export interface FacilitatorServerOptions {
  handlers: AllHandlers
  onEvent(listener: (message: EventMessage) => void): () => void
  rendererDir: string
  /** 0 picks a free port. */
  port: number
  /** For tests; a fresh random token otherwise. */
  token?: string
}

export interface FacilitatorServer {
  /** The address to open, with the token. */
  url: string
  port: number
  close(): Promise<void>
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY
  })
  response.end(body)
}

const NOT_SIGNED_IN_PAGE = `<!doctype html><meta charset="utf-8"><title>Workshop Studio</title>
<body style="font:16px system-ui;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>Open the address the app printed</h1>
<p>For your privacy this page only opens from the address Workshop Studio printed when it
started: it includes a one-time key, like <code>http://127.0.0.1:PORT/?token=…</code>.</p></body>`

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFacilitatorServer(options: FacilitatorServerOptions): Promise<FacilitatorServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let origin = ''
  const eventStreams = new Set<ServerResponse>()
  const stopForwarding = options.onEvent((message) => {
    const frame = `data: ${toWire(message)}\n\n`
    for (const stream of eventStreams) stream.write(frame)
  })

  // Filled in once the port is known.
  const allowedHosts = new Set<string>()

  async function handleInvoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A cross-site form or fetch cannot carry our SameSite cookie; this also refuses any other origin.
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      return send(response, 403, 'Cross-origin request refused.', 'text/plain; charset=utf-8')
    }
    const text = await readBody(request, MAX_INVOKE_BODY_BYTES)
    let reply: Reply
    if (text === null) {
      reply = { ok: false, error: 'That request was too large for the app to accept.' }
      response.setHeader('connection', 'close')
      send(response, 413, toWire(reply), 'application/json; charset=utf-8')
      request.destroy()
      return
    }
    let call: unknown
    try {
      call = fromWire(text)
    } catch {
      return send(response, 400, toWire({ ok: false, error: 'The app received a malformed request.' }), 'application/json; charset=utf-8')
    }
    const { namespace, name, args } = (call ?? {}) as Record<string, unknown>
    reply = await dispatch(options.handlers, namespace, name, args)
    send(response, 200, toWire(reply), 'application/json; charset=utf-8')
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff'
    })
    response.write(': connected\n\n')
    eventStreams.add(response)
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), SSE_KEEPALIVE_MS)
    request.on('close', () => {
      clearInterval(keepAlive)
      eventStreams.delete(response)
    })
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Refusing other Host headers stops DNS-rebinding pages from reaching this server.
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return send(response, 403, 'This address is not served here.', 'text/plain; charset=utf-8')
    }
    const url = new URL(request.url ?? '/', origin)
    const queryToken = url.searchParams.get('token') ?? undefined
    if (request.method === 'GET' && url.pathname === '/' && queryToken !== undefined) {
      if (!sameSecret(queryToken, token)) return send(response, 401, NOT_SIGNED_IN_PAGE, 'text/html; charset=utf-8')
      response.writeHead(302, {
        location: '/',
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store'
      })
      response.end()
      return
    }
    if (!sameSecret(cookieValue(request, cookieName(port)), token)) {
      return send(response, 401, NOT_SIGNED_IN_PAGE, 'text/html; charset=utf-8')
    }
    if (url.pathname === INVOKE_ROUTE) {
      if (request.method !== 'POST') return send(response, 405, 'Use POST.', 'text/plain; charset=utf-8')
      return handleInvoke(request, response)
    }
    if (url.pathname === EVENTS_ROUTE && request.method === 'GET') return handleEvents(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'Method not allowed.', 'text/plain; charset=utf-8')
    }
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (!file) return send(response, 404, 'Not found.', 'text/plain; charset=utf-8')
    send(response, 200, file.body, file.contentType)
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('Host mode request failed:', error)
      if (!response.headersSent) send(response, 500, 'The app could not answer that request.', 'text/plain; charset=utf-8')
      else response.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  allowedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`)

  return {
    url: `${origin}/?token=${token}`,
    port,
    async close() {
      stopForwarding()
      for (const stream of eventStreams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
