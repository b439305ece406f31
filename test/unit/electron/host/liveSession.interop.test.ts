/**
 * The unmodified y-webrtc client against a live session: two peers join with the session's
 * code, find each other through its signaling, open a real WebRTC connection (@roamhq/wrtc)
 * and sync a Yjs document both ways.
 *
 * One peer runs in this process, the other in a child process. Two providers for one room cannot
 * share a process: y-webrtc allows one Room per name per module instance, and in one process
 * lib0's BroadcastChannel would carry the document between them without WebRTC at all. Across
 * processes the only paths are the hub (signaling) and WebRTC (data), like two laptops.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import type { SessionManager } from '../../../../electron/host/sessionManager'
import type { JoinAnswer } from '../../../../shared/liveSession'
import { boardStorage, loopbackSessions } from '../loopbackSessions'

// A CommonJS native addon whose named exports Node's ESM loader cannot see.
const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc')
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))
// A LAN without internet: host candidates only, no STUN.
const peerOptions = { wrtc, config: { iceServers: [] } }

interface Note {
  text: string
  colour: string
}

interface PeerReport {
  notes: Record<string, Note>
  connectedPeers: number
}

/** The second laptop: the same client code, in its own process, driven over IPC. */
const SECOND_PEER = `
import { createRequire } from 'node:module'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
globalThis.WebSocket = WebSocket
const wrtc = createRequire(process.cwd() + '/')('@roamhq/wrtc')
const { SESSION_ORIGIN, JOIN_CODE } = process.env
const answer = await (await fetch(SESSION_ORIGIN + '/join/check?code=' + JOIN_CODE)).json()
if (!answer.ok) throw new Error(answer.error)
const SIGNAL_URL = SESSION_ORIGIN.replace('http:', 'ws:') + '/signal?ticket=' + answer.ticket
const ROOM = answer.room
const doc = new Y.Doc()
const provider = new WebrtcProvider(ROOM, doc, {
  signaling: [SIGNAL_URL],
  peerOpts: { wrtc, config: { iceServers: [] } }
})
const notes = doc.getMap('notes')
const report = () => process.send({
  notes: notes.toJSON(),
  connectedPeers: [...(provider.room ? provider.room.webrtcConns.values() : [])].filter((conn) => conn.connected).length
})
const reporting = setInterval(report, 50)
const stop = () => {
  clearInterval(reporting)
  provider.disconnect()
  provider.destroy()
  doc.destroy()
  setTimeout(() => process.exit(0), 100)
}
process.on('message', (command) => {
  if (command.type === 'add') notes.set(command.id, command.note)
  if (command.type === 'stop') stop()
})
process.on('disconnect', stop)
`

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function connectedPeers(provider: WebrtcProvider): number {
  return [...(provider.room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected).length
}

/** What a participant's client does first: trade the code for a ticket and the room's secret. */
async function joinWithCode(origin: string, code: string): Promise<Extract<JoinAnswer, { ok: true }>> {
  const answer = (await (await fetch(`${origin}/join/check?code=${code}`)).json()) as JoinAnswer
  if (!answer.ok) throw new Error(answer.error)
  return answer
}

describe('a live session with the unmodified y-webrtc client', () => {
  let sessions: SessionManager | undefined
  let rendererDir: string | undefined
  let provider: WebrtcProvider | undefined
  let doc: Y.Doc | undefined
  let child: ChildProcess | undefined
  let childLog = ''
  const originalWebSocket = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket')

  afterEach(async () => {
    // Disconnecting first stops lib0 from reconnecting, which would need the WebSocket global.
    provider?.disconnect()
    provider?.destroy()
    doc?.destroy()
    provider = doc = undefined
    if (originalWebSocket) Object.defineProperty(globalThis, 'WebSocket', originalWebSocket)
    else delete (globalThis as Record<string, unknown>).WebSocket
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      if (child.connected) child.send({ type: 'stop' })
      const timer = setTimeout(() => child?.kill(), 3_000)
      await exited
      clearTimeout(timer)
    }
    child = undefined
    await sessions?.close()
    if (rendererDir) await rm(rendererDir, { recursive: true, force: true })
    sessions = rendererDir = undefined
  })

  it('lets two peers connect over WebRTC and sync notes both ways', { timeout: 40_000 }, async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'interop-'))
    sessions = loopbackSessions(rendererDir)
    const live = await sessions.goLive('interop-workshop', 'Interop', boardStorage(rendererDir, 'interop-workshop'))
    const origin = `http://127.0.0.1:${live.port}`
    const { room, ticket } = await joinWithCode(origin, live.code)
    const signalUrl = `ws://127.0.0.1:${live.port}/signal?ticket=${ticket}`

    let second: PeerReport = { notes: {}, connectedPeers: 0 }
    const secondPeer = (child = spawn(process.execPath, ['--input-type=module', '--eval', SECOND_PEER], {
      cwd: repositoryRoot,
      env: { ...process.env, SESSION_ORIGIN: origin, JOIN_CODE: live.code },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    }))
    secondPeer.on('message', (report) => (second = report as PeerReport))
    secondPeer.stdout?.on('data', (chunk: Buffer) => (childLog += chunk.toString()))
    secondPeer.stderr?.on('data', (chunk: Buffer) => (childLog += chunk.toString()))
    const failIfChildExits = new Promise<never>((_resolve, reject) =>
      secondPeer.once('exit', (code) => reject(new Error(`The second peer exited (${code}): ${childLog}`)))
    )
    failIfChildExits.catch(() => {})

    Object.defineProperty(globalThis, 'WebSocket', { value: WebSocket, configurable: true, writable: true })
    doc = new Y.Doc()
    const first = (provider = new WebrtcProvider(room, doc, { signaling: [signalUrl], peerOpts: peerOptions }))
    const notes = doc.getMap<Note>('notes')

    await Promise.race([
      until(() => connectedPeers(first) === 1 && second.connectedPeers === 1, 'a WebRTC connection between the peers'),
      failIfChildExits
    ])

    notes.set('note-1', { text: 'We say what we mean', colour: 'yellow' })
    await until(() => second.notes['note-1'] !== undefined, 'the second peer to see the first note')
    expect(second.notes['note-1']).toEqual({ text: 'We say what we mean', colour: 'yellow' })

    secondPeer.send({ type: 'add', id: 'note-2', note: { text: 'Decisions are written down', colour: 'blue' } })
    await until(() => notes.has('note-2'), 'the first peer to see the second note')
    expect(notes.toJSON()).toEqual({
      'note-1': { text: 'We say what we mean', colour: 'yellow' },
      'note-2': { text: 'Decisions are written down', colour: 'blue' }
    })
  })
})
