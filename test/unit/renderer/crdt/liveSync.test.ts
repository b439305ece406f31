import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { joinLiveDoc, type LiveSyncPage } from '../../../../renderer/src/crdt/liveSync'
import { PRESENCE_COLOURS } from '../../../../renderer/src/crdt/presence'
import { threeColumnBoard } from './boardFixtures'

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
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('joinLiveDoc', () => {
  it('uses only the session’s signaling, and reports when it answers', async () => {
    const page = new FakePage()
    const live = joinLiveDoc(threeColumnBoard(), options, page)
    await settle()
    expect(FakeWebSocket.made.map((socket) => socket.url)).toEqual([options.signalingUrl])
    expect(live.connection.getSnapshot()).toEqual({ online: true, signalingConnected: false, peers: 0, everConnected: false, ended: false })

    const changed = vi.fn()
    live.connection.subscribe(changed)
    lastSocket().onopen!()
    expect(changed).toHaveBeenCalled()
    expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: true, everConnected: true })
    expect(lastSocket().sent).toContainEqual({ type: 'subscribe', topics: [options.room] })
    live.destroy()
  })

  it('shows this person as present, with what they are editing', async () => {
    const live = joinLiveDoc(threeColumnBoard(), options, new FakePage())
    expect(live.people.getSnapshot()).toEqual([
      expect.objectContaining({ name: 'Amira', role: 'participant', colour: PRESENCE_COLOURS[2], editingNoteId: null, isSelf: true })
    ])
    live.share({ editingNoteId: 'note-1' })
    expect(live.people.getSnapshot()[0]!.editingNoteId).toBe('note-1')
    live.destroy()
  })

  it('leaves the room when the network goes, keeps this person on their own screen, and comes back', async () => {
    const page = new FakePage()
    const live = joinLiveDoc(threeColumnBoard(), options, page)
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
    const board = threeColumnBoard()
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
    const board = threeColumnBoard()
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

  describe('when signaling stops answering', () => {
    /** Only timers: y-webrtc's rooms open a promise later, which must still run by itself. */
    const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })

    it('asks whether the session is over, and keeps trying while it is not', async () => {
      fakeTimers()
      const sessionEnded = vi.fn(async () => false)
      const live = joinLiveDoc(threeColumnBoard(), { ...options, sessionEnded }, new FakePage())
      await vi.advanceTimersByTimeAsync(0)
      lastSocket().onopen!()
      await vi.advanceTimersByTimeAsync(10_000)
      expect(sessionEnded).not.toHaveBeenCalled()

      // The network drops: the socket closes, and the one y-webrtc opens next does not answer.
      const dropped = lastSocket()
      dropped.onclose!()
      await vi.advanceTimersByTimeAsync(5_000)
      expect(sessionEnded).toHaveBeenCalled()
      expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: false, everConnected: true, ended: false })

      // The network is back.
      expect(lastSocket()).not.toBe(dropped)
      lastSocket().onopen!()
      expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: true, ended: false })
      const asked = sessionEnded.mock.calls.length
      await vi.advanceTimersByTimeAsync(10_000)
      expect(sessionEnded).toHaveBeenCalledTimes(asked)
      live.destroy()
    })

    it('leaves the room for good once the session has ended, keeping this person on their own screen', async () => {
      fakeTimers()
      const page = new FakePage()
      let ended = false
      const live = joinLiveDoc(threeColumnBoard(), { ...options, sessionEnded: async () => ended }, page)
      await vi.advanceTimersByTimeAsync(0)
      lastSocket().onopen!()

      ended = true
      lastSocket().onclose!()
      await vi.advanceTimersByTimeAsync(5_000)
      expect(live.connection.getSnapshot()).toMatchObject({ signalingConnected: false, peers: 0, ended: true })
      expect(live.people.getSnapshot().map((person) => person.name)).toEqual(['Amira'])
      // The socket y-webrtc was still trying with is closed.
      expect(lastSocket().closed).toBe(true)

      // Nothing tries again: not the network coming back, not time passing.
      const sockets = FakeWebSocket.made.length
      page.go(false)
      page.go(true)
      await vi.advanceTimersByTimeAsync(30_000)
      expect(FakeWebSocket.made).toHaveLength(sockets)
      expect(live.connection.getSnapshot().ended).toBe(true)
      live.destroy()
    })

    it('finds out about a session that ended before this page came back (a refresh)', async () => {
      fakeTimers()
      const live = joinLiveDoc(threeColumnBoard(), { ...options, sessionEnded: async () => true }, new FakePage())
      await vi.advanceTimersByTimeAsync(5_000)
      expect(live.connection.getSnapshot()).toMatchObject({ everConnected: false, ended: true })
      live.destroy()
    })

    it('takes an unanswered question for no answer', async () => {
      fakeTimers()
      const sessionEnded = vi.fn(() => Promise.reject(new Error('The host cannot be reached.')))
      const live = joinLiveDoc(threeColumnBoard(), { ...options, sessionEnded }, new FakePage())
      await vi.advanceTimersByTimeAsync(10_000)
      expect(sessionEnded.mock.calls.length).toBeGreaterThan(1)
      expect(live.connection.getSnapshot().ended).toBe(false)
      live.destroy()
    })
  })
})
