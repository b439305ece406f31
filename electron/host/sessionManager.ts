/**
 * The workshops that are live right now, one network server and hub each, sharing one
 * signaling hub. While a workshop is live its hub holds the board: the facilitator's window
 * loads it from there and its saves are merged in, so the window can close and reopen while
 * the room and saving go on.
 */
import * as Y from 'yjs'
import type { FacilitatorSession } from '../../shared/contract'
import type { BoardStorage, SessionControl } from '../services/handlers'
import { startLiveSession, type LiveSession } from './liveSession'
import { openSessionStore, type SessionStore } from './sessionStore'
import { SignalingHub } from './signalingHub'

/**
 * How long an ended session's server keeps telling latecomers that it has ended. By then its
 * link is old news in the room; afterwards the port is simply closed.
 */
export const ENDED_SERVER_LINGER_MS = 60 * 60_000
/** Ended servers kept at most, each one port; past this the oldest stops first. */
export const MAX_ENDED_SERVERS = 4

export interface SessionManagerOptions {
  rendererDir: string
  /** Port for the first live session (0: a free one); later ones take free ports. */
  port: number
  bindAddress?: string
  /** ENDED_SERVER_LINGER_MS unless a test needs it shorter. */
  endedLingerMs?: number
  /**
   * The data folder, where each workshop's session is kept so it is the same session next time
   * (sessionStore.ts); opened at the first Go live, once the app holds the folder's lock.
   */
  dataDir?: string
}

interface EndedServer {
  session: LiveSession
  port: number
  stopTimer: NodeJS.Timeout
}

export class SessionManager implements SessionControl {
  private readonly hub = new SignalingHub({ log: (line) => console.log(`[signaling] ${line}`) })
  private readonly sessions = new Map<string, LiveSession>()
  /**
   * Servers of ended sessions, oldest first, still listening in their ended state (see
   * liveSession.ts): anyone who opens an ended session's link or types its code, and every
   * participant whose page asks after its connection dropped, is told the session has ended
   * instead of meeting an unreachable address, which looks like a network fault. Each stops when
   * a new session needs its port (a fixed --session-port), after endedLingerMs, when more than
   * MAX_ENDED_SERVERS have piled up, or when the app quits, so they stay few and short-lived.
   */
  private endedServers: EndedServer[] = []
  /**
   * The board each ended session's hub left, until the facilitator's window next saves: its
   * copy may not have received the room's last changes, and must not write over them.
   */
  private readonly endedBoards = new Map<string, Uint8Array>()
  /** What the facilitator should know about a live session, such as a port that had to change. */
  private readonly notices = new Map<string, string>()

  private store: Promise<SessionStore | null> | undefined

  constructor(private readonly options: SessionManagerOptions) {}

  private openStore(): Promise<SessionStore | null> {
    const { dataDir } = this.options
    this.store ??= dataDir ? openSessionStore(dataDir) : Promise.resolve(null)
    return this.store
  }

  private view(session: LiveSession): FacilitatorSession {
    const { workshopId } = session.info()
    return { ...session.info(), ticket: session.facilitatorTicket, connecting: session.connecting(), notice: this.notices.get(workshopId) ?? null }
  }

  async goLive(workshopId: string, title: string, storage: BoardStorage): Promise<FacilitatorSession> {
    const existing = this.sessions.get(workshopId)
    if (existing) return this.view(existing)
    const store = await this.openStore()
    const resume = store?.get(workshopId) ?? null
    // --session-port wins for the first session; otherwise the workshop's own port, so its link stays.
    const port = this.sessions.size === 0 && this.options.port !== 0 ? this.options.port : (resume?.port ?? 0)
    // The port may still be held by an ended session's server: the new session takes it over.
    if (port !== 0) await this.stopEnded((ended) => ended.port === port)
    const initialState = (await storage.load()).state
    const start = (onPort: number) =>
      startLiveSession({
        workshopId,
        title,
        rendererDir: this.options.rendererDir,
        hub: this.hub,
        port: onPort,
        bindAddress: this.options.bindAddress,
        resume,
        remember: (session) => store?.set(workshopId, session),
        initialState,
        save: (state) => storage.save(state)
      })
    let session: LiveSession
    this.notices.delete(workshopId)
    try {
      session = await start(port)
    } catch (error) {
      if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
      session = await start(0)
      this.notices.set(
        workshopId,
        `This workshop's session usually runs on port ${port}, but another program is using it now, so it runs on port ${session.info().port} this time. ` +
          'Links and QR codes shared before will not work: share the ones shown here.'
      )
    }
    this.sessions.set(workshopId, session)
    return this.view(session)
  }

  liveBoard(workshopId: string): Uint8Array | null {
    return this.sessions.get(workshopId)?.hub.state() ?? null
  }

  boardToSave(workshopId: string, state: Uint8Array): Uint8Array | null {
    const live = this.sessions.get(workshopId)
    if (live) {
      live.hub.mergeFacilitatorState(state)
      return null
    }
    const ended = this.endedBoards.get(workshopId)
    if (!ended) return state
    this.endedBoards.delete(workshopId)
    return Y.mergeUpdates([ended, state])
  }

  status(workshopId: string): FacilitatorSession | null {
    const session = this.sessions.get(workshopId)
    return session ? this.view(session) : null
  }

  rotateCode(workshopId: string): FacilitatorSession | null {
    const session = this.sessions.get(workshopId)
    if (!session) return null
    session.rotateCode()
    return this.view(session)
  }

  async end(workshopId: string): Promise<void> {
    const session = this.sessions.get(workshopId)
    if (!session) return
    this.sessions.delete(workshopId)
    session.end()
    this.endedBoards.set(workshopId, session.hub.state())
    const stopTimer = setTimeout(
      () => void this.stopEnded((ended) => ended.session === session),
      this.options.endedLingerMs ?? ENDED_SERVER_LINGER_MS
    )
    stopTimer.unref()
    this.endedServers.push({ session, port: session.info().port, stopTimer })
    const oldest = this.endedServers.slice(0, Math.max(0, this.endedServers.length - MAX_ENDED_SERVERS))
    await this.stopEnded((ended) => oldest.includes(ended))
  }

  private async stopEnded(which: (ended: EndedServer) => boolean): Promise<void> {
    const stopping = this.endedServers.filter(which)
    if (stopping.length === 0) return
    this.endedServers = this.endedServers.filter((ended) => !stopping.includes(ended))
    for (const ended of stopping) clearTimeout(ended.stopTimer)
    await Promise.all(stopping.map((ended) => ended.session.close()))
  }

  /** The app is going away: its sessions stop without ending, and are the same sessions when it is back. */
  async close(): Promise<void> {
    const live = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(live.map((session) => session.close()))
    await this.stopEnded(() => true)
    await this.hub.close()
    await (await this.store)?.flush()
  }
}
