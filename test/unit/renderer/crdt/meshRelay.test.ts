import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebrtcProvider } from 'y-webrtc'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { coalesceUpdates, OWN_WINDOW_MS, RELAY_WINDOW_MS } from '../../../../renderer/src/crdt/meshRelay'

/**
 * A real provider with no signaling; a recording connection stands in for one WebRTC peer,
 * so what y-webrtc would put on the data channel is what the test reads.
 */
let doc: Y.Doc
let provider: WebrtcProvider
let stop: () => void
let sent: Uint8Array[]
let roomNumber = 0

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function attachRecordingPeer(): void {
  sent = []
  provider.room!.webrtcConns.set('recording-peer', {
    peer: { send: (message: Uint8Array) => sent.push(message) },
    destroy() {}
  } as never)
}

/** y-webrtc's message types (y-webrtc.js). */
const SYNC = 0
const PRESENCE = 1
const messagesOf = (type: number) => sent.filter((message) => decoding.readVarUint(decoding.createDecoder(message)) === type)

/** What a peer that received every recorded document message would hold. */
function receiverOf(messages: Uint8Array[]): Y.Doc {
  const receiver = new Y.Doc()
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== SYNC) continue
    syncProtocol.readSyncMessage(decoder, {} as never, receiver, 'test')
  }
  return receiver
}

/** The presence a peer that received every recorded presence message would see. */
function presenceOf(messages: Uint8Array[]): Map<number, unknown> {
  const seen = new awarenessProtocol.Awareness(new Y.Doc())
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== PRESENCE) continue
    awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'test')
  }
  return seen.getStates()
}

/** A change as another peer would make it, arriving the way y-webrtc applies it. */
function receive(text: string): void {
  const other = new Y.Doc()
  other.getArray<string>('notes').push([text])
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), provider.room)
}

beforeEach(async () => {
  doc = new Y.Doc()
  provider = new WebrtcProvider(`mesh-relay-test-${roomNumber++}`, doc, { signaling: [] })
  stop = coalesceUpdates(provider)
  await provider.key
  await wait(0)
  attachRecordingPeer()
})
afterEach(() => {
  stop()
  provider.destroy()
})

describe('coalesceUpdates', () => {
  it('sends a single own change at once', () => {
    doc.getArray<string>('notes').push(['Integrity'])
    expect(sent).toHaveLength(1)
    expect(receiverOf(sent).getArray('notes').toArray()).toEqual(['Integrity'])
  })

  it('sends a fast run of own changes as the first one now and the rest together', async () => {
    for (let i = 0; i < 20; i++) doc.getArray<string>('notes').push([`note ${i}`])
    expect(sent).toHaveLength(1)
    await wait(OWN_WINDOW_MS + 30)
    expect(sent).toHaveLength(2)
    expect(receiverOf(sent).getArray('notes').length).toBe(20)
  })

  it('relays changes from peers together, after the relay window', async () => {
    receive('from Amira')
    receive('from Ben')
    receive('from Chloé')
    expect(sent).toHaveLength(0)
    await wait(RELAY_WINDOW_MS + 50)
    expect(sent).toHaveLength(1)
    expect(new Set(receiverOf(sent).getArray('notes').toArray())).toEqual(new Set(['from Amira', 'from Ben', 'from Chloé']))
  })

  it('keeps coalescing after the room leaves and joins again', async () => {
    provider.disconnect()
    provider.connect()
    attachRecordingPeer()
    doc.getArray<string>('notes').push(['first'])
    doc.getArray<string>('notes').push(['second'])
    expect(sent).toHaveLength(1)
    await wait(OWN_WINDOW_MS + 30)
    expect(receiverOf(sent).getArray('notes').toArray()).toEqual(['first', 'second'])
  })

  it('sends this person’s presence at once, and a fast run of changes to it together', async () => {
    const awareness = provider.awareness
    awareness.setLocalStateField('name', 'Amira')
    expect(messagesOf(PRESENCE)).toHaveLength(1)
    for (let i = 0; i < 10; i++) awareness.setLocalStateField('progress', i)
    expect(messagesOf(PRESENCE)).toHaveLength(1)
    await wait(OWN_WINDOW_MS + 30)
    expect(messagesOf(PRESENCE)).toHaveLength(2)
    expect(presenceOf(sent).get(doc.clientID)).toMatchObject({ name: 'Amira', progress: 9 })
  })

  it('passes on others’ presence together, after the relay window', async () => {
    const others = [11, 12, 13].map((clientId) => {
      const peerDoc = new Y.Doc()
      peerDoc.clientID = clientId
      const peer = new awarenessProtocol.Awareness(peerDoc)
      peer.setLocalState({ name: `Peer ${clientId}` })
      return peer
    })
    for (const peer of others) {
      const update = awarenessProtocol.encodeAwarenessUpdate(peer, [peer.clientID])
      awarenessProtocol.applyAwarenessUpdate(provider.awareness, update, provider.room)
    }
    expect(messagesOf(PRESENCE)).toHaveLength(0)
    await wait(RELAY_WINDOW_MS + 50)
    expect(messagesOf(PRESENCE)).toHaveLength(1)
    const relayed = presenceOf(sent)
    for (const peer of others) expect(relayed.get(peer.clientID)).toEqual({ name: `Peer ${peer.clientID}` })
    for (const peer of others) peer.destroy()
  })

  it('sends nothing more once stopped', async () => {
    doc.getArray<string>('notes').push(['first'])
    doc.getArray<string>('notes').push(['second'])
    receive('from Amira')
    stop()
    await wait(RELAY_WINDOW_MS + 50)
    expect(sent).toHaveLength(1)
  })
})
