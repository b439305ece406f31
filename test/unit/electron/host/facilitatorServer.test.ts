import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAppServices } from '../../../../electron/services/appServices'
import { startFacilitatorServer, type FacilitatorServer } from '../../../../electron/host/facilitatorServer'
import { fromWire, toWire } from '../../../../shared/wire'
import { loopbackSessions } from '../loopbackSessions'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests can send what a browser never would (other Host headers, huge bodies). */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
      }
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

describe('host mode facilitator server', () => {
  let dataDir: string
  let rendererDir: string
  let server: FacilitatorServer
  let closeServices: () => Promise<void>
  const token = 'test-token-0123456789'
  let cookie: string

  const invoke = (namespace: string, name: string, args: unknown[], headers: Record<string, string> = {}) =>
    send(server.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: toWire({ namespace, name, args })
    })

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'facilitator-server-'))
    rendererDir = join(dataDir, 'renderer')
    await mkdir(rendererDir)
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Workshop Studio</title>')
    await writeFile(join(dataDir, 'secret.txt'), 'not for the web')
    const services = await openAppServices({ dataDir: join(dataDir, 'data'), mode: 'host', version: '0.0.0-test', sessions: loopbackSessions(rendererDir) })
    closeServices = services.close
    server = await startFacilitatorServer({ handlers: services.handlers, onEvent: services.onEvent, rendererDir, port: 0, token })
    const signIn = await send(server.port, { path: `/?token=${token}`, headers: { host: `127.0.0.1:${server.port}` } })
    cookie = String(signIn.headers['set-cookie']).split(';')[0]!
  })

  afterEach(async () => {
    await server.close()
    await closeServices()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('signs in with the printed key and then forgets it from the address', async () => {
    const signIn = await send(server.port, { path: `/?token=${token}`, headers: { host: `127.0.0.1:${server.port}` } })
    expect(signIn.status).toBe(302)
    expect(signIn.headers.location).toBe('/')
    expect(String(signIn.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const page = await send(server.port, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Workshop Studio</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('keeps its sign-in apart from another copy of host mode on this computer', async () => {
    const other = await startFacilitatorServer({
      handlers: {} as never,
      onEvent: () => () => undefined,
      rendererDir,
      port: 0,
      token: 'other-token-9876543210'
    })
    try {
      const otherSignIn = await send(other.port, { path: '/?token=other-token-9876543210', headers: { host: `127.0.0.1:${other.port}` } })
      const otherCookie = String(otherSignIn.headers['set-cookie']).split(';')[0]!
      // A browser keeps cookies per host, not per port: both go to both servers, the later one last.
      const jar = new Map([cookie, otherCookie].map((pair) => [pair.split('=')[0]!, pair] as const))
      const both = [...jar.values()].join('; ')
      expect((await send(server.port, { headers: { cookie: both } })).status).toBe(200)
      expect((await send(other.port, { headers: { cookie: both } })).status).toBe(200)
    } finally {
      await other.close()
    }
  })

  it('refuses pages and calls without the key, or with a wrong one', async () => {
    expect((await send(server.port, {})).status).toBe(401)
    expect((await send(server.port, { path: '/?token=wrong' })).status).toBe(401)
    expect((await send(server.port, { headers: { cookie: `workshop_studio_key_${server.port}=wrong` } })).status).toBe(401)
    const call = await send(server.port, { method: 'POST', path: '/api/invoke', body: toWire({ namespace: 'library', name: 'list', args: [] }) })
    expect(call.status).toBe(401)
  })

  it('refuses other Host names, which is how DNS-rebinding pages would reach it', async () => {
    const rebound = await send(server.port, { headers: { cookie, host: `attacker.example:${server.port}` } })
    expect(rebound.status).toBe(403)
  })

  it('refuses calls from another origin', async () => {
    const call = await invoke('library', 'list', [], { origin: 'http://evil.example' })
    expect(call.status).toBe(403)
  })

  it('answers contract calls, and bad ones with a readable error', async () => {
    const created = fromWire((await invoke('library', 'create', [{ template: 'core-values', title: 'Offsite' }])).body) as {
      ok: boolean
      value: { id: string; title: string }
    }
    expect(created.ok).toBe(true)
    expect(created.value.title).toBe('Offsite')

    const state = new Uint8Array([1, 2, 3, 250, 0, 7])
    expect(fromWire((await invoke('docs', 'save', [created.value.id, state])).body)).toEqual({ ok: true })
    const loaded = fromWire((await invoke('docs', 'load', [created.value.id])).body) as { value: { state: Uint8Array } }
    expect(Array.from(loaded.value.state)).toEqual(Array.from(state))

    const empty = fromWire((await invoke('library', 'create', [{ template: 'core-values', title: '  ' }])).body)
    expect(empty).toEqual({ ok: false, error: expect.stringContaining('a title cannot be empty') })
    const unknown = fromWire((await invoke('library', 'format', ['/'])).body)
    expect(unknown).toEqual({ ok: false, error: 'Unknown request library.format.' })
  })

  it('survives malformed and oversized requests, and keeps serving', async () => {
    const malformed = await send(server.port, { method: 'POST', path: '/api/invoke', headers: { cookie }, body: '{"namespace": "library", ' })
    expect(malformed.status).toBe(400)
    expect(JSON.parse(malformed.body)).toEqual({ ok: false, error: 'The app received a malformed request.' })

    const badBytes = await send(server.port, { method: 'POST', path: '/api/invoke', headers: { cookie }, body: '{"namespace":"docs","name":"save","args":["abcdefgh-1",{"$bytes":"%%%"}]}' })
    expect(badBytes.status).toBe(400)

    const huge = await send(server.port, { method: 'POST', path: '/api/invoke', headers: { cookie }, body: Buffer.alloc(100 * 1024 * 1024, 0x61) }).catch(
      (error: NodeJS.ErrnoException) => ({ status: error.code === 'EPIPE' || error.code === 'ECONNRESET' ? 413 : 0, headers: {}, body: '' })
    )
    expect(huge.status).toBe(413)

    const list = fromWire((await invoke('library', 'list', [])).body)
    expect(list).toEqual({ ok: true, value: [] })
  })

  it('serves only files of the renderer', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00', '/%E0%A4%A']) {
      const response = await send(server.port, { path, headers: { cookie } })
      expect(response.status, path).toBe(404)
      expect(response.body).not.toContain('not for the web')
    }
  })
})
