/** The workshops that are live right now, one network server each, sharing one signaling hub. */
import type { FacilitatorSession } from '../../shared/contract'
import type { SessionControl } from '../services/handlers'
import { startLiveSession, type LiveSession } from './liveSession'
import { SignalingHub } from './signalingHub'

export interface SessionManagerOptions {
  rendererDir: string
  /** Port for the first live session (0: a free one); later ones take free ports. */
  port: number
  bindAddress?: string
}

export class SessionManager implements SessionControl {
  private readonly hub = new SignalingHub({ log: (line) => console.log(`[signaling] ${line}`) })
  private readonly sessions = new Map<string, LiveSession>()

  constructor(private readonly options: SessionManagerOptions) {}

  private view(session: LiveSession): FacilitatorSession {
    return { ...session.info(), signalingUrl: session.facilitatorSignalingUrl }
  }

  async goLive(workshopId: string, title: string): Promise<FacilitatorSession> {
    const existing = this.sessions.get(workshopId)
    if (existing) return this.view(existing)
    const session = await startLiveSession({
      workshopId,
      title,
      rendererDir: this.options.rendererDir,
      hub: this.hub,
      port: this.sessions.size === 0 ? this.options.port : 0,
      bindAddress: this.options.bindAddress
    })
    this.sessions.set(workshopId, session)
    return this.view(session)
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
    this.sessions.delete(workshopId)
    await session?.close()
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id)))
    await this.hub.close()
  }
}
