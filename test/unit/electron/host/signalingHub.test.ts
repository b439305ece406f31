import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect as connectTcp } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, type ClientOptions } from 'ws'
import {
  SignalingHub,
  type Admission,
  type HostAttachment,
  type SignalingHubOptions
} from '../../../../electron/host/signalingHub'

type Message = Record<string, unknown>

interface Closed {
  code: number
  reason: string
}

/** Tickets the test server accepts, the way the host maps a join ticket to a session's room. */
const TICKETS: Record<string, Admission> = {
  alpha: { topics: new Set(['room-a']), ticket: 'alpha' },
  beta: { topics: new Set(['room-b']), ticket: 'beta' },
  // Used only by the legitimate pair checked after each bad client, so nothing else counts as a subscriber.
  pair: { topics: new Set(['room-pair']), ticket: 'pair' },
  wide: { topics: new Set(Array.from({ length: 10 }, (_, i) => `wide-${i}`)), ticket: 'wide' }
}

/** Every participant of room-a has a ticket of their own, as each code check gives out a new one. */
function admissionFor(ticket: string): Admission | null {
  if (/^guest-\d+$/.test(ticket)) return { topics: new Set(['room-a']), ticket }
  return TICKETS[ticket] ?? null
}

const announce = (from: string) => ({ type: 'announce', from })
const signal = (from: string, to: string, sdp: string) => ({ type: 'signal', from, to, token: 1, signal: { type: 'offer', sdp } })
/** The y-webrtc `data` of a publish the hub delivered; empty for a pong. */
const dataOf = (message: Message) => (message.data ?? {}) as Message
const sdpOf = (message: Message) => (dataOf(message).signal as Message | undefined)?.sdp

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

  publish(topic: string, data: unknown): void {
    this.send({ type: 'publish', topic, data })
  }

  /** Everything this client sent before has been handled once the pong comes back. */
  async roundTrip(): Promise<void> {
    const pongs = () => this.messages.filter((message) => message.type === 'pong').length
    const before = pongs()
    this.send({ type: 'ping' })
    await until(() => pongs() > before, 'a pong')
  }
}

/** The session's host, attached in-process the way liveSession's WebRTC peer attaches. */
class Host {
  readonly received: Message[] = []
  readonly attachment: HostAttachment

  constructor(hub: SignalingHub, topic: string) {
    this.attachment = hub.attachHost(topic, { receive: (data) => this.received.push(data as Message) })
  }

  async waitFor(predicate: (data: Message) => boolean, what: string): Promise<Message> {
    await until(() => this.received.some(predicate), what)
    return this.received.find(predicate)!
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
      hub.handleUpgrade(request, socket, head, admissionFor(url.searchParams.get('ticket') ?? ''))
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

  /**
   * The check after every bad client: two well-behaved participants still reach their host and
   * hear from it, each only what is addressed to them.
   */
  async function expectLegitimatePairWorks(): Promise<void> {
    const host = new Host(hub, 'room-pair')
    const first = await subscribed('pair', ['room-pair'])
    const second = await subscribed('pair', ['room-pair'])
    const ids = new Map([
      [first, randomUUID()],
      [second, randomUUID()]
    ])
    for (const [participant, id] of ids) {
      participant.publish('room-pair', announce(id))
      expect(await host.waitFor((data) => data.from === id, 'an announce at the host')).toEqual(announce(id))
    }
    for (const [participant, id] of ids) {
      const sdp = randomUUID()
      host.attachment.publish(signal('host-peer', id, sdp))
      const received = await participant.waitFor((message) => dataOf(message).to === id, 'a signal')
      expect(received).toEqual({ type: 'publish', topic: 'room-pair', data: signal('host-peer', id, sdp), clients: 2 })
    }
    for (const participant of ids.keys()) {
      await participant.roundTrip()
      expect(participant.published()).toHaveLength(1)
    }
    host.attachment.detach()
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

  it('sends a participant’s signaling to the host alone, never to other participants: a star, not a mesh', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const otherHost = new Host(hub, 'room-b')
    const a1 = await subscribed('guest-1', ['room-a'])
    const a2 = await subscribed('guest-2', ['room-a'])
    const b1 = await subscribed('beta', ['room-b'])

    a1.send({ type: 'publish', topic: 'room-a', data: announce('peer-1'), extra: 'not passed on' })
    expect(await host.waitFor(() => true, 'the announce at the host')).toEqual(announce('peer-1'))
    // Delivery is synchronous, so anything meant for another participant would arrive before these pongs.
    for (const participant of [a1, a2, b1]) {
      await participant.roundTrip()
      expect(participant.published()).toEqual([])
    }
    expect(otherHost.received).toEqual([])

    // A peer need not be subscribed to publish (as with the reference server).
    const a3 = await connect('guest-3')
    a3.publish('room-a', announce('peer-3'))
    await host.waitFor((data) => data.from === 'peer-3', 'the unsubscribed peer’s announce')
    await a2.roundTrip()
    expect(a2.published()).toEqual([])
    expect(host.received).toHaveLength(2)
    await expectLegitimatePairWorks()
  })

  it('delivers the host’s addressed signal only to its addressee, in the reference server’s format', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const a1 = await subscribed('guest-1', ['room-a'])
    const a2 = await subscribed('guest-2', ['room-a'])
    a1.publish('room-a', announce('peer-1'))
    a2.publish('room-a', announce('peer-2'))
    await until(() => host.received.length === 2, 'both announces')

    host.attachment.publish(signal('host-peer', 'peer-1', 'offer-for-1'))
    expect(await a1.waitFor((message) => message.type === 'publish', 'the signal at its addressee')).toEqual({
      type: 'publish',
      topic: 'room-a',
      data: signal('host-peer', 'peer-1', 'offer-for-1'),
      clients: 2
    })
    // To a peer id no live connection holds: nowhere.
    host.attachment.publish(signal('host-peer', 'peer-unknown', 'lost'))
    await a2.roundTrip()
    expect(a2.published()).toEqual([])

    // An addressee that left the topic hears nothing, though its peer id stays its own.
    a1.send({ type: 'unsubscribe', topics: ['room-a'] })
    await a1.roundTrip()
    host.attachment.publish(signal('host-peer', 'peer-1', 'after-unsubscribe'))
    a2.publish('room-a', { ...signal('peer-2', 'host-peer', 'answer'), type: 'signal' })
    await host.waitFor((data) => data.to === 'host-peer', 'the answer at the host')
    await a1.roundTrip()
    expect(a1.published()).toHaveLength(1)
    await expectLegitimatePairWorks()
  })

  it('delivers the host’s announce to every subscriber of its topic, and to no one else', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const a1 = await subscribed('guest-1', ['room-a'])
    const a2 = await subscribed('guest-2', ['room-a'])
    const unsubscribed = await connect('guest-3')
    const b1 = await subscribed('beta', ['room-b'])
    host.attachment.publish(announce('host-peer'))
    const expected = { type: 'publish', topic: 'room-a', data: announce('host-peer'), clients: 2 }
    expect(await a1.waitFor((message) => message.type === 'publish', 'the announce at a1')).toEqual(expected)
    expect(await a2.waitFor((message) => message.type === 'publish', 'the announce at a2')).toEqual(expected)
    for (const bystander of [unsubscribed, b1]) {
      await bystander.roundTrip()
      expect(bystander.published()).toEqual([])
    }
    await expectLegitimatePairWorks()
  })

  it('takes one host per topic; participants’ signaling goes nowhere without one', async () => {
    await start()
    const participant = await subscribed('guest-1', ['room-a'])
    participant.publish('room-a', announce('peer-1'))
    await participant.roundTrip()
    expect(participant.isClosed).toBe(false)

    const host = new Host(hub, 'room-a')
    expect(() => new Host(hub, 'room-a')).toThrow(/already has a host/)
    participant.publish('room-a', announce('peer-1'))
    await host.waitFor(() => true, 'the announce')

    host.attachment.detach()
    host.attachment.publish(announce('host-peer'))
    participant.publish('room-a', announce('peer-1'))
    await participant.roundTrip()
    expect(participant.published()).toEqual([])
    expect(host.received).toHaveLength(1)

    // Detached, the topic takes a new host; the old attachment's detach does not remove it.
    const next = new Host(hub, 'room-a')
    host.attachment.detach()
    participant.publish('room-a', announce('peer-1'))
    await next.waitFor(() => true, 'the announce at the new host')
    await expectLegitimatePairWorks()
  })

  it('closes a connection that changes its peer id, and only that one', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const bystander = await subscribed('guest-1', ['room-a'])
    bystander.publish('room-a', announce('peer-1'))
    const fickle = await subscribed('guest-2', ['room-a'])
    fickle.publish('room-a', announce('peer-2'))
    fickle.publish('room-a', signal('peer-2', 'host-peer', 'fine'))
    fickle.publish('room-a', announce('peer-other'))
    await expectExpelled(fickle, 1008, /peer id changed/)
    expect(host.received.map((data) => data.from)).toEqual(['peer-1', 'peer-2', 'peer-2'])
    // Its peer id is free again; the bystander's is still the bystander's.
    host.attachment.publish(signal('host-peer', 'peer-1', 'still-yours'))
    await bystander.waitFor((message) => message.type === 'publish', 'the signal at the bystander')
    expect(bystander.isClosed).toBe(false)
    await expectLegitimatePairWorks()
  })

  it('closes a connection that speaks as another participant or as the host, and only that one', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    host.attachment.publish(announce('host-peer'))
    const victim = await subscribed('guest-1', ['room-a'])
    victim.publish('room-a', announce('peer-1'))
    await host.waitFor(() => true, 'the victim’s announce')

    const spoofer = await subscribed('guest-2', ['room-a'])
    spoofer.publish('room-a', signal('peer-1', 'host-peer', 'hijack'))
    await expectExpelled(spoofer, 1008, /peer id taken/)
    const impostor = await subscribed('guest-3', ['room-a'])
    impostor.publish('room-a', announce('host-peer'))
    await expectExpelled(impostor, 1008, /peer id taken/)
    expect(host.received).toEqual([announce('peer-1')])

    // The host's signals for peer-1 still reach the victim alone.
    host.attachment.publish(signal('host-peer', 'peer-1', 'for-the-victim'))
    const received = await victim.waitFor((message) => dataOf(message).to === 'peer-1', 'the signal at the victim')
    expect(sdpOf(received)).toBe('for-the-victim')
    expect(victim.isClosed).toBe(false)
    await expectLegitimatePairWorks()
  })

  it('lets the same page keep its peer id on a new connection before its old one is noticed gone', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    // y-webrtc reconnects with the peer id it had, using the same ticket; the old socket may linger half-open.
    const stale = await subscribed('guest-1', ['room-a'])
    stale.publish('room-a', announce('peer-1'))
    const fresh = await subscribed('guest-1', ['room-a'])
    fresh.publish('room-a', announce('peer-1'))
    await until(() => host.received.length === 2, 'both announces')
    expect(fresh.isClosed).toBe(false)
    host.attachment.publish(signal('host-peer', 'peer-1', 'to-the-new-connection'))
    await fresh.waitFor((message) => message.type === 'publish', 'the signal on the new connection')
    await stale.roundTrip()
    expect(stale.published()).toEqual([])
    // The old connection closing does not take the peer id from the new one.
    stale.socket.close()
    await stale.closed
    await until(() => hub.connectionCount === 1, 'the hub to forget the old connection')
    host.attachment.publish(signal('host-peer', 'peer-1', 'again'))
    await fresh.waitFor((message) => sdpOf(message) === 'again', 'the second signal')
    await expectLegitimatePairWorks()
  })

  it('forgets a connection’s peer id when it closes', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const first = await subscribed('guest-1', ['room-a'])
    first.publish('room-a', announce('peer-1'))
    await host.waitFor(() => true, 'the announce')
    first.socket.close()
    await first.closed
    await until(() => hub.connectionCount === 0, 'the hub to forget the connection')
    host.attachment.publish(signal('host-peer', 'peer-1', 'to-no-one'))

    const next = await subscribed('guest-2', ['room-a'])
    next.publish('room-a', announce('peer-1'))
    await until(() => host.received.length === 2, 'the announce from the new holder')
    host.attachment.publish(signal('host-peer', 'peer-1', 'to-the-new-holder'))
    expect(sdpOf(await next.waitFor((message) => message.type === 'publish', 'the signal'))).toBe('to-the-new-holder')
    expect(next.published()).toHaveLength(1)
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

  it('stops delivering the host’s messages after unsubscribe', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const a1 = await subscribed('alpha', ['room-a'])
    const a2 = await subscribed('alpha', ['room-a'])
    a2.send({ type: 'unsubscribe', topics: ['room-a', 'never-subscribed'] })
    await a2.roundTrip()
    host.attachment.publish(announce('after'))
    const received = await a1.waitFor((message) => message.type === 'publish', 'the announce at a1')
    expect(received.clients).toBe(1)
    await a2.roundTrip()
    expect(a2.published()).toEqual([])
    // Subscribing again is allowed and counted once, however often y-webrtc repeats it.
    a2.send({ type: 'subscribe', topics: ['room-a'] })
    a2.send({ type: 'subscribe', topics: ['room-a', 'room-a'] })
    await a2.roundTrip()
    host.attachment.publish(announce('again'))
    expect((await a2.waitFor((message) => dataOf(message).from === 'again', 'the second announce')).clients).toBe(2)
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
    publisher.publish('room-b', announce('peer-x'))
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
    ['publish whose data is not a record (deeply nested arrays)', deeplyNested, 1008],
    ['publish whose data is a string', '{"type":"publish","topic":"room-a","data":"sealed"}', 1008],
    ['publish without data', '{"type":"publish","topic":"room-a"}', 1008],
    ['publish whose data has no peer id', '{"type":"publish","topic":"room-a","data":{"type":"announce"}}', 1008],
    ['publish whose peer id is not a string', '{"type":"publish","topic":"room-a","data":{"type":"announce","from":7}}', 1008],
    ['publish with an empty peer id', '{"type":"publish","topic":"room-a","data":{"type":"announce","from":""}}', 1008],
    ['publish with a peer id too long to be one', `{"type":"publish","topic":"room-a","data":{"type":"announce","from":"${'p'.repeat(129)}"}}`, 1008]
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

  it('closes a connection that floods publishes; the host sees at most the burst', async () => {
    await start({ limits: { burst: 100, messagesPerSecond: 10 } })
    const host = new Host(hub, 'room-a')
    const bystander = await subscribed('alpha', ['room-a'])
    const flooder = await subscribed('alpha', ['room-a'])
    for (let i = 0; i < 5_000; i++) flooder.publish('room-a', { type: 'signal', from: 'flooder', to: 'host-peer', i })
    await expectExpelled(flooder, 1008, /too many messages/)
    await bystander.roundTrip()
    // The subscribe and ping before the flood took two tokens; a little refill may add one or two.
    expect(host.received.length).toBeGreaterThan(90)
    expect(host.received.length).toBeLessThanOrEqual(100)
    expect(bystander.published()).toEqual([])
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

  it('refuses a fifth connection with one ticket, and takes other tickets meanwhile', async () => {
    await start()
    const first = await connect('guest-1')
    for (let i = 0; i < 3; i++) await connect('guest-1')
    expect(await refusal('guest-1')).toBe(503)
    expect(logs.at(-1)).toMatch(/too many connections with one ticket/)
    // The ticket itself is a secret and never logged.
    expect(logs.some((line) => line.includes('guest-1'))).toBe(false)
    await connect('guest-2')
    await connect('beta')
    expect(hub.connectionCount).toBe(6)
    first.socket.close()
    await until(() => hub.connectionCount === 5, 'the hub to count the closed connection')
    await connect('guest-1')
    await closeOpenClients()
    await expectLegitimatePairWorks()
  })

  it('cannot be filled by 300 connections with one ticket', async () => {
    await start()
    const results = await Promise.all(
      Array.from({ length: 300 }, () => {
        const client = new Client(open('guest-1'))
        clients.push(client)
        return new Promise<number | 'open'>((resolve) => {
          client.socket.once('open', () => resolve('open'))
          client.socket.once('unexpected-response', (request, response) => {
            resolve(response.statusCode ?? 0)
            request.destroy()
          })
        })
      })
    )
    expect(results.filter((result) => result === 'open')).toHaveLength(4)
    expect(results.filter((result) => result === 503)).toHaveLength(296)
    expect(hub.connectionCount).toBe(4)
    // Everyone else still gets in.
    const host = new Host(hub, 'room-a')
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => subscribed(`guest-${100 + i}`, ['room-a'])))
    others.forEach((participant, i) => participant.publish('room-a', announce(`peer-${i}`)))
    await until(() => host.received.length === 20, 'every other participant’s announce')
    await closeOpenClients()
    await expectLegitimatePairWorks()
  })

  it('admits a room of 150 from one address, as behind a guest network’s NAT', async () => {
    await start()
    const room = await Promise.all(Array.from({ length: 150 }, (_, i) => connect(`guest-${i}`)))
    expect(room).toHaveLength(150)
    expect(hub.connectionCount).toBe(150)
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
    const otherHost = new Host(hub, 'room-b')
    const subscriber = await subscribed('alpha', ['room-a'])
    const idle = await connect('alpha')
    const other = await subscribed('beta', ['room-b'])
    hub.closeTopic('room-a')
    for (const client of [subscriber, idle]) expect(await client.closed).toEqual({ code: 1000, reason: 'session ended' })
    await until(() => hub.connectionCount === 1, 'only the other session to remain')
    other.publish('room-b', announce('still-here'))
    await otherHost.waitFor((data) => data.from === 'still-here', 'its announce at its host')
    otherHost.attachment.publish(signal('host-peer', 'still-here', 'answer'))
    expect((await other.waitFor((message) => message.type === 'publish', 'the host’s signal')).clients).toBe(1)
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

  it('carries on when a subscriber vanishes while the host sends', async () => {
    await start()
    const host = new Host(hub, 'room-a')
    const staying = await subscribed('alpha', ['room-a'])
    const vanishing = await subscribed('alpha', ['room-a'])
    vanishing.publish('room-a', announce('vanishing'))
    await host.waitFor(() => true, 'the announce')
    vanishing.socket.terminate()
    for (let i = 0; i < 20; i++) {
      host.attachment.publish(announce('host-peer'))
      host.attachment.publish(signal('host-peer', 'vanishing', `offer-${i}`))
    }
    await until(() => staying.published().length === 20, 'the announces at the one who stayed')
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
