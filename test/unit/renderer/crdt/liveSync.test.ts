import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { joinLiveDoc, type LiveSyncPage } from '../../../../renderer/src/crdt/liveSync'
import { PRESENCE_COLOURS } from '../../../../renderer/src/crdt/presence'
import { coreValuesBoard } from './boardFixtures'

/** A signaling socket that connects only when told to, and records what y-webrtc sends. */
class FakeWebSocket {
  static made: FakeWebSocket[] = []
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onerror: (() => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  readonly sent: unknown[] = []
  closed = false
  constructor(readonly url: string) {
    FakeWebSocket.made.push(this)
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text))
  }
  close(): void {
    this.closed = true
  }
}

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

const options = {
  room: 'workshop-test-room',
  signalingUrl: 'ws://127.0.0.1:9/signal?ticket=t',
  name: 'Amira',
  role: 'participant' as const,
  colour: PRESENCE_COLOURS[2]
}
/** y-webrtc opens and frees rooms a promise later. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const lastSocket = () => FakeWebSocket.made.at(-1)!

beforeEach(() => {
  FakeWebSocket.made = []
  vi.stubGlobal('WebSocket', FakeWebSocket)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('joinLiveDoc', () => {
  it('uses only the session’s signaling, and reports when it answers', async () => {
    const page = new FakePage()
    const live = joinLiveDoc(coreValuesBoard(), options, page)
    await settle()
    expect(FakeWebSocket.made.map((socket) => socket.url)).toEqual([options.signalingUrl])
    expect(live.connection.getSnapshot()).toEqual({ online: true, signalingConnected: false, peers: 0, everConnected: false })

    const changed = vi.fn()
    live.connection.subscribe(changed)
    lastSocket().onopen!()
    expect(changed).toHaveBeenCalled()
    expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: true, everConnected: true })
    expect(lastSocket().sent).toContainEqual({ type: 'subscribe', topics: [options.room] })
    live.destroy()
  })

  it('shows this person as present, with what they are editing', async () => {
    const live = joinLiveDoc(coreValuesBoard(), options, new FakePage())
    expect(live.people.getSnapshot()).toEqual([
      expect.objectContaining({ name: 'Amira', role: 'participant', colour: PRESENCE_COLOURS[2], editingNoteId: null, isSelf: true })
    ])
    live.setEditingNote('note-1')
    expect(live.people.getSnapshot()[0]!.editingNoteId).toBe('note-1')
    live.destroy()
  })

  it('leaves the room when the network goes, keeps this person on their own screen, and comes back', async () => {
    const page = new FakePage()
    const live = joinLiveDoc(coreValuesBoard(), options, page)
    await settle()
    lastSocket().onopen!()
    const first = lastSocket()

    page.go(false)
    expect(first.closed).toBe(true)
    expect(live.connection.getSnapshot()).toMatchObject({ online: false, signalingConnected: false, peers: 0 })
    expect(live.people.getSnapshot().map((person) => person.name)).toEqual(['Amira'])

    page.go(true)
    expect(live.connection.getSnapshot().online).toBe(true)
    expect(lastSocket()).not.toBe(first)
    lastSocket().onopen!()
    expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: true })
    expect(live.people.getSnapshot().map((person) => person.name)).toEqual(['Amira'])
    live.destroy()
  })

  it('takes back every listener it added and closes its socket on destroy', async () => {
    const page = new FakePage()
    // Outside a browser y-webrtc listens for the process's exit instead of the page's unload.
    const exitListeners = process.listenerCount('exit')
    const board = coreValuesBoard()
    const boardListeners = board._observers.get('update')?.size ?? 0
    const live = joinLiveDoc(board, options, page)
    await settle()
    lastSocket().onopen!()
    live.destroy()
    await settle()
    expect(page.listeners).toBe(0)
    expect(process.listenerCount('exit')).toBe(exitListeners)
    expect(board._observers.get('update')?.size ?? 0).toBe(boardListeners)
    expect(FakeWebSocket.made.every((socket) => socket.closed)).toBe(true)
  })

  it('lets a board leave and join the same room again at once, as React’s StrictMode does', async () => {
    const board = coreValuesBoard()
    // Before and after y-webrtc has opened the room.
    joinLiveDoc(board, options, new FakePage()).destroy()
    const settled = joinLiveDoc(board, options, new FakePage())
    await settle()
    settled.destroy()
    const again = joinLiveDoc(board, options, new FakePage())
    await settle()
    lastSocket().onopen!()
    expect(again.connection.getSnapshot().signalingConnected).toBe(true)
    again.destroy()
    await settle()
  })
})
