/**
 * A laptop's connection to the room, against a real host on loopback: the live session's
 * hub, its WebRTC peer (@roamhq/wrtc here, as in a browser) and its sealed WebSocket.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { SessionManager } from '../../../../electron/host/sessionManager'
import { DocsService } from '../../../../electron/services/docs.service'
import type { FacilitatorSession } from '../../../../shared/contract'
import type { JoinAnswer } from '../../../../shared/liveSession'
import { addNote } from '../../../../renderer/src/crdt/intents'
import { joinLiveDoc, type LiveSyncOptions, type LiveSyncPage } from '../../../../renderer/src/crdt/liveSync'
import { PRESENCE_COLOURS } from '../../../../renderer/src/crdt/presence'
import { boardStorage, loopbackSessions } from '../../electron/loopbackSessions'
import { IDEAS, textsIn, threeColumnBoard } from './boardFixtures'

const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc')
const WORKSHOP = 'workshop-live-sync'

class FakePage extends EventTarget implements LiveSyncPage {
  navigator = { onLine: true }
  listeners = 0
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    this.listeners++
    super.addEventListener(type, listener)
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    this.listeners--
    super.removeEventListener(type, listener)
  }
  go(online: boolean): void {
    this.navigator.onLine = online
    this.dispatchEvent(new Event(online ? 'online' : 'offline'))
  }
}

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('joinLiveDoc', () => {
  let dir: string
  let sessions: SessionManager
  let docs: DocsService
  let live: FacilitatorSession
  const originalWebSocket = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket')

  const origin = () => `http://127.0.0.1:${live.port}`
  const participantOptions = async (name: string, withWebrtc = true): Promise<LiveSyncOptions> => {
    const answer = (await (await fetch(`${origin()}/join/check?code=${live.code}`)).json()) as JoinAnswer
    if (!answer.ok) throw new Error(answer.error)
    return {
      address: { origin: origin(), room: answer.room, ticket: answer.ticket, hostKey: answer.hostKey, wrtc: withWebrtc ? wrtc : undefined },
      name,
      role: 'participant',
      colour: PRESENCE_COLOURS[2]
    }
  }
  const facilitatorOptions = (): LiveSyncOptions => ({
    address: { origin: origin(), room: live.room, ticket: live.ticket, hostKey: live.hostKey, preferWebSocket: true },
    name: 'Facilitator',
    role: 'facilitator',
    colour: PRESENCE_COLOURS[0]
  })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-sync-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
    Object.defineProperty(globalThis, 'WebSocket', { value: WebSocket, configurable: true, writable: true })
    sessions = loopbackSessions(dir)
    docs = new DocsService(join(dir, 'data'))
    live = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP, docs))
  })

  afterEach(async () => {
    await sessions.close()
    // The hub's last save, before its folder goes.
    await docs.flush()
    if (originalWebSocket) Object.defineProperty(globalThis, 'WebSocket', originalWebSocket)
    else delete (globalThis as Record<string, unknown>).WebSocket
    await rm(dir, { recursive: true, force: true })
  })

  it('links a participant to the host over WebRTC, and the facilitator over the WebSocket; an edit reaches the other', async () => {
    const board = threeColumnBoard()
    const facilitator = joinLiveDoc(board, facilitatorOptions(), new FakePage())
    await until(() => facilitator.connection.getSnapshot().synced, 'the facilitator to sync')
    expect(facilitator.connection.getSnapshot()).toMatchObject({ via: 'websocket', online: true, everConnected: true, ended: false })

    const laptop = new Y.Doc()
    const amira = joinLiveDoc(laptop, await participantOptions('Amira'), new FakePage())
    await until(() => textsIn(laptop, IDEAS).length === 0 && amira.connection.getSnapshot().synced, 'Amira to sync')
    expect(amira.connection.getSnapshot().via).toBe('webrtc')
    addNote(laptop, IDEAS, 'Curiosity over blame')
    await until(() => textsIn(board, IDEAS).includes('Curiosity over blame'), 'the note to reach the facilitator')
    await until(() => facilitator.people.getSnapshot().length === 2, 'Amira to be present')
    expect(facilitator.people.getSnapshot().map((person) => person.name)).toEqual(['Facilitator', 'Amira'])
    amira.destroy()
    facilitator.destroy()
  })

  it('falls back to the WebSocket where WebRTC cannot open, and says so', async () => {
    const laptop = new Y.Doc()
    // No WebRTC at all here (as on a network with no route for it): the link must still open.
    const ben = joinLiveDoc(laptop, await participantOptions('Ben', false), new FakePage())
    await until(() => ben.connection.getSnapshot().synced, 'Ben to sync')
    expect(ben.connection.getSnapshot().via).toBe('websocket')
    ben.destroy()
  })

  const NOTES = 10_500
  it.each([['webrtc'], ['websocket']] as const)('hands a 5 MB board to a late joiner over %s', async (via) => {
    const board = threeColumnBoard()
    for (let i = 0; i < NOTES; i++) addNote(board, IDEAS, `${i} `.padEnd(490, 'x'))
    expect(Y.encodeStateAsUpdate(board).byteLength).toBeGreaterThan(5_000_000)
    const facilitator = joinLiveDoc(board, facilitatorOptions(), new FakePage())
    await until(() => sessions.liveBoard(WORKSHOP)!.byteLength > 5_000_000, 'the hub to hold the board', 30_000)

    const laptop = new Y.Doc()
    const options = await participantOptions('Late', via === 'webrtc')
    const late = joinLiveDoc(laptop, options, new FakePage())
    await until(() => textsIn(laptop, IDEAS).length === NOTES, 'the whole board to reach the late joiner', 30_000)
    expect(late.connection.getSnapshot().via).toBe(via)
    late.destroy()
    facilitator.destroy()
    // Building and sending 5 MB twice over takes a while on a busy machine.
  }, 90_000)

  it('lets the facilitator see someone who is trying to connect, until their link opens', async () => {
    const options = await participantOptions('Stuck', false)
    expect(sessions.status(WORKSHOP)!.connecting).toBe(0)
    // A browser that reached signaling but whose WebRTC link never opens.
    const { origin: address, ticket } = options.address
    const signaling = new WebSocket(`${address.replace('http', 'ws')}/signal?ticket=${ticket}`)
    await new Promise((resolve) => signaling.once('open', resolve))
    expect(sessions.status(WORKSHOP)!.connecting).toBe(1)

    const linked = joinLiveDoc(new Y.Doc(), { ...options, address: { ...options.address, preferWebSocket: true } }, new FakePage())
    await until(() => linked.connection.getSnapshot().synced, 'the link to open')
    expect(sessions.status(WORKSHOP)!.connecting).toBe(0)
    signaling.close()
    linked.destroy()
  })

  it('gives 30 participants who all picked one colour 30 different colours, each seeing its own as the room does', async () => {
    const facilitator = joinLiveDoc(threeColumnBoard(), facilitatorOptions(), new FakePage())
    const laptops = []
    for (let i = 0; i < 30; i++) {
      // The same colour for everyone, as a clash of random picks would give.
      laptops.push(joinLiveDoc(new Y.Doc(), { ...(await participantOptions(`Person ${i + 1}`, false)), colour: PRESENCE_COLOURS[3] }, new FakePage()))
    }
    await until(() => facilitator.people.getSnapshot().length === 31, 'everyone to be present', 30_000)
    await until(() => new Set(facilitator.people.getSnapshot().map((person) => person.colour)).size === 31, 'everyone’s colour from the host', 30_000)
    const seenByRoom = new Map(facilitator.people.getSnapshot().map((person) => [person.name, person.colour]))
    for (const laptop of laptops) {
      const self = laptop.people.getSnapshot().find((person) => person.isSelf)!
      await until(() => laptop.people.getSnapshot().find((person) => person.isSelf)!.colour === seenByRoom.get(self.name), `${self.name} to see their own colour`)
    }
    expect(seenByRoom.get('Facilitator')).toBe(PRESENCE_COLOURS[0])
    for (const laptop of laptops) laptop.destroy()
    facilitator.destroy()
  }, 60_000)

  it('shows this person as present, with what they are editing, before any link opens', async () => {
    const page = new FakePage()
    page.navigator.onLine = false
    const live = joinLiveDoc(threeColumnBoard(), await participantOptions('Amira'), page)
    expect(live.people.getSnapshot()).toEqual([
      expect.objectContaining({ name: 'Amira', role: 'participant', colour: PRESENCE_COLOURS[2], editingNoteId: null, isSelf: true })
    ])
    live.share({ editingNoteId: 'note-1' })
    expect(live.people.getSnapshot()[0]!.editingNoteId).toBe('note-1')
    live.destroy()
  })

  it('leaves the room when the network goes, keeps this person on their own screen, and comes back', async () => {
    const board = threeColumnBoard()
    const facilitator = joinLiveDoc(board, facilitatorOptions(), new FakePage())
    const page = new FakePage()
    const laptop = new Y.Doc()
    const amira = joinLiveDoc(laptop, await participantOptions('Amira'), page)
    await until(() => amira.people.getSnapshot().length === 2 && amira.connection.getSnapshot().synced, 'Amira to have the board')
    await until(() => laptop.getMap('columns').size === 3, 'the board’s columns to reach Amira')

    page.go(false)
    expect(amira.connection.getSnapshot()).toMatchObject({ online: false, via: null })
    expect(amira.people.getSnapshot().map((person) => person.name)).toEqual(['Amira'])
    addNote(laptop, IDEAS, 'Written offline')

    page.go(true)
    await until(() => amira.connection.getSnapshot().via !== null && amira.people.getSnapshot().length === 2, 'Amira to be back')
    expect(textsIn(laptop, IDEAS)).toEqual(['Written offline'])
    // What was written offline reaches the room once back.
    await until(() => textsIn(board, IDEAS).includes('Written offline'), 'the offline note to reach the facilitator')
    amira.destroy()
    facilitator.destroy()
  })

  it('takes back every listener it added on destroy', async () => {
    const page = new FakePage()
    const board = threeColumnBoard()
    const boardListeners = board._observers.get('update')?.size ?? 0
    const live = joinLiveDoc(board, facilitatorOptions(), page)
    await until(() => live.connection.getSnapshot().synced, 'the link to open')
    live.destroy()
    expect(page.listeners).toBe(0)
    expect(board._observers.get('update')?.size ?? 0).toBe(boardListeners)
  })

  it('reports a session that ended, and stops trying', async () => {
    const sessionEnded = vi.fn(async () => sessions.status(WORKSHOP) === null)
    const amira = joinLiveDoc(new Y.Doc(), { ...(await participantOptions('Amira')), sessionEnded }, new FakePage())
    await until(() => amira.connection.getSnapshot().synced, 'Amira to sync')
    await sessions.end(WORKSHOP)
    await until(() => amira.connection.getSnapshot().ended, 'Amira to hear the session ended')
    expect(amira.people.getSnapshot().map((person) => person.name)).toEqual(['Amira'])
    amira.destroy()
  })
})
