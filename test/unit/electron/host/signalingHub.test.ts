import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect as connectTcp } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, type ClientOptions } from 'ws'
import { SignalingHub, type Admission, type SignalingHubOptions } from '../../../../electron/host/signalingHub'

type Message = Record<string, unknown>

interface Closed {
  code: number
  reason: string
}

/** Tickets the test server accepts, the way the host maps a join ticket to a session's room. */
const TICKETS: Record<string, Admission> = {
  alpha: { topics: new Set(['room-a']) },
  beta: { topics: new Set(['room-b']) },
  // Used only by the legitimate pair checked after each bad client, so nothing else counts as a subscriber.
  pair: { topics: new Set(['room-pair']) },
  wide: { topics: new Set(Array.from({ length: 10 }, (_, i) => `wide-${i}`)) }
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

class Client {
  readonly messages: Message[] = []
  readonly closed: Promise<Closed>
  isClosed = false

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.messages.push(JSON.parse(String(data)) as Message)
    })
    // The hub may cut a misbehaving client off while it is still writing.
    socket.on('error', () => {})
    this.closed = new Promise((resolve) => {
      socket.once('close', (code, reason) => {
        this.isClosed = true
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  published(): Message[] {
    return this.messages.filter((message) => message.type === 'publish')
  }

  async waitFor(predicate: (message: Message) => boolean, what: string): Promise<Message> {
    await until(() => this.messages.some(predicate), what)
    return this.messages.find(predicate)!
  }

  /** Everything this client sent before has been handled once the pong comes back. */
  async roundTrip(): Promise<void> {
    const pongs = () => this.messages.filter((message) => message.type === 'pong').length
    const before = pongs()
    this.send({ type: 'ping' })
    await until(() => pongs() > before, 'a pong')
  }
}

describe('signaling hub', () => {
  let hub: SignalingHub
  let server: Server
  let port: number
  let logs: string[]
  const clients: Client[] = []

  async function start(options: SignalingHubOptions = {}): Promise<void> {
    logs = []
    hub = new SignalingHub({ log: (line) => logs.push(line), ...options })
    server = createServer((_request, response) => response.writeHead(404).end())
    server.on('upgrade', (request, socket, head) => {
      const url = new URL(request.url ?? '/', 'http://host')
      if (url.pathname !== '/signal') return socket.destroy()
      hub.handleUpgrade(request, socket, head, TICKETS[url.searchParams.get('ticket') ?? ''] ?? null)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  }

  function open(ticket: string, options: ClientOptions = {}): WebSocket {
    return new WebSocket(`ws://127.0.0.1:${port}/signal?ticket=${ticket}`, options)
  }

  function connect(ticket: string, options: ClientOptions = {}): Promise<Client> {
    const socket = open(ticket, options)
    const client = new Client(socket)
    clients.push(client)
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client))
      socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)))
      socket.once('error', reject)
    })
  }

  /** The HTTP status the hub answers an upgrade with, when it refuses it. */
  function refusal(ticket: string): Promise<number> {
    const socket = open(ticket)
    socket.on('error', () => {})
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.terminate()
        reject(new Error('the upgrade was accepted'))
      })
      socket.once('unexpected-response', (request, response) => {
        resolve(response.statusCode ?? 0)
        request.destroy()
      })
    })
  }

  async function subscribed(ticket: string, topics: string[]): Promise<Client> {
    const client = await connect(ticket)
    client.send({ type: 'subscribe', topics })
    await client.roundTrip()
    return client
  }

  /** The check after every bad client: two well-behaved peers still reach each other, both ways. */
  async function expectLegitimatePairWorks(): Promise<void> {
    const first = await subscribed('pair', ['room-pair'])
    const second = await subscribed('pair', ['room-pair'])
    for (const [from, to] of [
      [first, second],
      [second, first]
    ] as const) {
      const nonce = randomUUID()
      from.send({ type: 'publish', topic: 'room-pair', data: { nonce } })
      const received = await to.waitFor((message) => (message.data as Message | undefined)?.nonce === nonce, 'a publish')
      expect(received).toEqual({ type: 'publish', topic: 'room-pair', data: { nonce }, clients: 2 })
    }
    first.socket.close()
    second.socket.close()
    await Promise.all([first.closed, second.closed])
  }

  /** Frees the slots the test's own clients hold, so the legitimate pair can connect. */
  async function closeOpenClients(): Promise<void> {
    for (const client of clients) client.socket.close()
    await Promise.all(clients.map((client) => client.closed))
    await until(() => hub.connectionCount === 0, 'the hub to forget every client')
  }

  async function expectExpelled(client: Client, code: number, reason?: RegExp): Promise<void> {
    const closed = await client.closed
    expect(closed.code).toBe(code)
    if (reason) expect(closed.reason).toMatch(reason)
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.socket.terminate()
    await hub.close()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('relays a publish to every subscriber of its topic, the sender included, with the subscriber count', async () => {
    await start()
    const a1 = await subscribed('alpha', ['room-a'])
    const a2 = await subscribed('alpha', ['room-a'])
    const b1 = await subscribed('beta', ['room-b'])

    a1.send({ type: 'publish', topic: 'room-a', data: 'sealed-signal', extra: 'not relayed' })
    const expected = { type: 'publish', topic: 'room-a', data: 'sealed-signal', clients: 2 }
    expect(await a2.waitFor((message) => message.type === 'publish', 'the publish at a2')).toEqual(expected)
    expect(await a1.waitFor((message) => message.type === 'publish', 'the publish at a1')).toEqual(expected)

    // Relaying is synchronous, so anything meant for b1 would arrive before this pong.
    await b1.roundTrip()
    expect(b1.published()).toEqual([])

    // A peer need not be subscribed to publish (as with the reference server); it is not counted.
    const a3 = await connect('alpha')
    a3.send({ type: 'publish', topic: 'room-a', data: { n: 3 } })
    await a2.waitFor((message) => (message.data as Message | undefined)?.n === 3, 'the unsubscribed peer’s publish')
    await a3.roundTrip()
    expect(a3.published()).toEqual([])
    expect(a2.published().at(-1)?.clients).toBe(2)
    await expectLegitimatePairWorks()
  })

  it('answers ping with pong', async () => {
    await start()
    const client = await connect('alpha')
    client.send({ type: 'ping' })
    expect(await client.waitFor(() => true, 'an answer')).toEqual({ type: 'pong' })
    // The y-webrtc client's first message, before it has opened any room.
    client.send({ type: 'subscribe', topics: [] })
    await client.roundTrip()
    expect(client.isClosed).toBe(false)
  })

  it('stops delivering after unsubscribe', async () => {
    await start()
    const a1 = await subscribed('alpha', ['room-a'])
    const a2 = await subscribed('alpha', ['room-a'])
    a2.send({ type: 'unsubscribe', topics: ['room-a', 'never-subscribed'] })
    await a2.roundTrip()
    a1.send({ type: 'publish', topic: 'room-a', data: 'after' })
    const received = await a1.waitFor((message) => message.type === 'publish', 'the publish at a1')
    expect(received.clients).toBe(1)
    await a2.roundTrip()
    expect(a2.published()).toEqual([])
    // Subscribing again is allowed and counted once, however often y-webrtc repeats it.
    a2.send({ type: 'subscribe', topics: ['room-a'] })
    a2.send({ type: 'subscribe', topics: ['room-a', 'room-a'] })
    await a2.roundTrip()
    a1.send({ type: 'publish', topic: 'room-a', data: 'again' })
    expect((await a2.waitFor((message) => message.data === 'again', 'the second publish')).clients).toBe(2)
  })

  it('refuses an upgrade the caller did not admit', async () => {
    await start()
    expect(await refusal('forged')).toBe(403)
    expect(hub.connectionCount).toBe(0)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that subscribes or publishes to another session’s topic, and only that one', async () => {
    await start()
    const bystander = await subscribed('alpha', ['room-a'])
    const other = await subscribed('beta', ['room-b'])

    const intruder = await connect('alpha')
    intruder.send({ type: 'subscribe', topics: ['room-a', 'room-b'] })
    await expectExpelled(intruder, 1008, /topic/)

    const publisher = await connect('alpha')
    publisher.send({ type: 'publish', topic: 'room-b', data: 'hi' })
    await expectExpelled(publisher, 1008, /topic/)

    await other.roundTrip()
    expect(other.published()).toEqual([])
    expect(bystander.isClosed).toBe(false)
    expect(logs.filter((line) => line.includes('topic not allowed'))).toHaveLength(2)
    await expectLegitimatePairWorks()
  })

  const deeplyNested = `{"type":"publish","topic":"room-a","data":${'['.repeat(30_000)}${']'.repeat(30_000)}}`
  it.each([
    ['text that is not JSON', 'hello {', 1003],
    ['JSON that is not an object', '[1,2,3]', 1008],
    ['null', 'null', 1008],
    ['a message without a type', '{"topics":["room-a"]}', 1008],
    ['an unknown type', '{"type":"join","topics":["room-a"]}', 1008],
    ['subscribe with topics not an array', '{"type":"subscribe","topics":"room-a"}', 1008],
    ['subscribe with a topic that is not a string', '{"type":"subscribe","topics":[{"name":"room-a"}]}', 1008],
    ['subscribe without topics', '{"type":"subscribe"}', 1008],
    ['unsubscribe with topics not an array', '{"type":"unsubscribe","topics":7}', 1008],
    ['publish without a topic', '{"type":"publish","data":"x"}', 1008],
    ['publish with a topic that is not a string', '{"type":"publish","topic":["room-a"],"data":"x"}', 1008],
    ['publish with data nested too deep to serialize', deeplyNested, 1008]
  ])('closes a connection that sends %s', async (_name, text, code) => {
    await start()
    const bystander = await subscribed('alpha', ['room-a'])
    const bad = await subscribed('alpha', ['room-a'])
    bad.send(text)
    await expectExpelled(bad, code)
    expect(logs.some((line) => line.includes(`(${code})`))).toBe(true)
    expect(bystander.isClosed).toBe(false)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that sends a binary frame', async () => {
    await start()
    const bad = await subscribed('alpha', ['room-a'])
    bad.socket.send(Buffer.from(JSON.stringify({ type: 'ping' })))
    await expectExpelled(bad, 1003, /binary/)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that sends a 5 MB message', async () => {
    await start()
    const bystander = await subscribed('alpha', ['room-a'])
    const bad = await subscribed('alpha', ['room-a'])
    bad.send({ type: 'publish', topic: 'room-a', data: 'x'.repeat(5 * 1024 * 1024) })
    await expectExpelled(bad, 1009)
    expect(logs.some((line) => /payload/i.test(line))).toBe(true)
    await bystander.roundTrip()
    expect(bystander.published()).toEqual([])
    await expectLegitimatePairWorks()
  })

  it('closes a connection that subscribes to 10,000 topics in one message', async () => {
    // Room enough for the message itself, so the topic count is what trips.
    await start({ limits: { maxMessageBytes: 1024 * 1024 } })
    const bad = await connect('wide')
    bad.send({ type: 'subscribe', topics: Array.from({ length: 10_000 }, (_, i) => `wide-${i}`) })
    await expectExpelled(bad, 1008, /too many topics/)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that subscribes to more topics than allowed over many messages', async () => {
    await start()
    const bad = await connect('wide')
    for (let i = 0; i < 10_000; i++) bad.send({ type: 'subscribe', topics: [`wide-${i % 10}`] })
    await expectExpelled(bad, 1008, /too many topics/)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that subscribes 10,000 times to topics it may use', async () => {
    await start()
    const bad = await connect('alpha')
    for (let i = 0; i < 10_000; i++) bad.send({ type: 'subscribe', topics: ['room-a'] })
    await expectExpelled(bad, 1008, /too many messages/)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that floods publishes; its subscribers see at most the burst', async () => {
    await start({ limits: { burst: 100, messagesPerSecond: 10 } })
    const bystander = await subscribed('alpha', ['room-a'])
    const flooder = await subscribed('alpha', ['room-a'])
    for (let i = 0; i < 5_000; i++) flooder.send({ type: 'publish', topic: 'room-a', data: { i } })
    await expectExpelled(flooder, 1008, /too many messages/)
    await bystander.roundTrip()
    // The subscribe and ping before the flood took two tokens; a little refill may add one or two.
    expect(bystander.published().length).toBeGreaterThan(90)
    expect(bystander.published().length).toBeLessThanOrEqual(100)
    expect(bystander.isClosed).toBe(false)
    await expectLegitimatePairWorks()
  })

  it('lets a peer keep sending at the sustained rate', async () => {
    await start({ limits: { burst: 5, messagesPerSecond: 50 } })
    const client = await connect('alpha')
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 4; i++) client.send({ type: 'ping' })
      await until(() => client.messages.length === (round + 1) * 4, 'four pongs')
      await new Promise((resolve) => setTimeout(resolve, 120))
    }
    expect(client.isClosed).toBe(false)
  })

  it('refuses more connections from one address than allowed, and takes them again once some close', async () => {
    await start({ limits: { maxConnectionsPerAddress: 3 } })
    const first = await connect('alpha')
    await connect('alpha')
    await connect('beta')
    expect(await refusal('alpha')).toBe(503)
    expect(hub.connectionCount).toBe(3)
    expect(logs.some((line) => line.includes('from this address'))).toBe(true)
    first.socket.close()
    await first.closed
    await until(() => hub.connectionCount === 2, 'the hub to count the closed connection')
    await connect('alpha')
    await closeOpenClients()
    await expectLegitimatePairWorks()
  })

  it('refuses connections beyond the total', async () => {
    await start({ limits: { maxConnections: 2 } })
    const first = await connect('alpha')
    await connect('alpha')
    expect(await refusal('alpha')).toBe(503)
    first.socket.close()
    await until(() => hub.connectionCount === 1, 'the hub to count the closed connection')
    await connect('alpha')
    await closeOpenClients()
    await expectLegitimatePairWorks()
  })

  it('refuses an address for a while after it was expelled again and again', async () => {
    await start()
    for (let i = 0; i < 10; i++) {
      const bad = await connect('alpha')
      bad.send('not json')
      await expectExpelled(bad, 1003)
    }
    expect(await refusal('alpha')).toBe(503)
    expect(logs.at(-1)).toMatch(/expelled too often/)
    // One violation's worth of budget comes back each second.
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await expectLegitimatePairWorks()
  })

  it('ends the connections admitted for a topic when its session ends', async () => {
    await start()
    const subscriber = await subscribed('alpha', ['room-a'])
    const idle = await connect('alpha')
    const other = await subscribed('beta', ['room-b'])
    hub.closeTopic('room-a')
    for (const client of [subscriber, idle]) expect(await client.closed).toEqual({ code: 1000, reason: 'session ended' })
    await until(() => hub.connectionCount === 1, 'only the other session to remain')
    other.send({ type: 'publish', topic: 'room-b', data: 'still here' })
    expect((await other.waitFor((message) => message.data === 'still here', 'its own publish')).clients).toBe(1)
    await expectLegitimatePairWorks()
  })

  it('drops a connection that stops answering keep-alive pings', async () => {
    await start({ keepAliveMs: 250 })
    const silent = await subscribed('alpha', ['room-a'])
    const dead = await connect('alpha', { autoPong: false })
    const closed = await dead.closed
    expect(closed.code).toBe(1006)
    expect(logs.some((line) => line.includes('keep-alive'))).toBe(true)
    expect(silent.isClosed).toBe(false)
    await expectLegitimatePairWorks()
  })

  it('carries on when a subscriber vanishes mid-relay', async () => {
    await start()
    const publisher = await subscribed('alpha', ['room-a'])
    const vanishing = await subscribed('alpha', ['room-a'])
    vanishing.socket.terminate()
    for (let i = 0; i < 20; i++) publisher.send({ type: 'publish', topic: 'room-a', data: { i } })
    await until(() => publisher.published().length === 20, 'the publisher’s own copies')
    await expectLegitimatePairWorks()
  })

  it('answers a broken handshake without harm', async () => {
    await start()
    const socket = connectTcp(port, '127.0.0.1')
    const answer = await new Promise<string>((resolve, reject) => {
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
      socket.write('GET /signal?ticket=alpha HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n')
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    expect(hub.connectionCount).toBe(0)
    await expectLegitimatePairWorks()
  })

  it('cuts an expelled peer that never finishes the closing handshake', async () => {
    await start()
    // A hand-rolled client: it upgrades, sends one bad frame, then ignores the hub's close frame.
    const socket = connectTcp(port, '127.0.0.1')
    socket.on('error', () => {})
    socket.resume()
    const cut = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())))
    socket.write(
      'GET /signal?ticket=alpha HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
    )
    await until(() => hub.connectionCount === 1, 'the upgrade')
    const payload = Buffer.from('not json')
    const mask = Buffer.from([1, 2, 3, 4])
    const masked = payload.map((byte, i) => byte ^ mask[i % 4]!)
    const sentAt = Date.now()
    socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]))
    const closedAt = await cut
    expect(closedAt - sentAt).toBeGreaterThan(2_500)
    expect(closedAt - sentAt).toBeLessThan(5_000)
    await until(() => hub.connectionCount === 0, 'the hub to forget it')
    await expectLegitimatePairWorks()
  })

  it('closes every connection and refuses new ones when it stops', async () => {
    await start()
    const client = await subscribed('alpha', ['room-a'])
    await hub.close()
    expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' })
    expect(hub.connectionCount).toBe(0)
    expect(await refusal('alpha')).toBe(503)
  })
})
