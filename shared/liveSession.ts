/** What crosses the network when a workshop is live: routes and answers, versioned by shape. */
import { isStageId, type StageId } from './stages'
import type { Round } from './workshopMeta'

/**
 * Participants check their code here (`?code=`) and receive a ticket for signaling. Someone
 * already in asks with their ticket (`?ticket=`) whether their session still runs, when its
 * signaling stops answering.
 */
export const JOIN_CHECK_ROUTE = '/join/check'
/** y-webrtc signaling over WebSocket. */
export const SIGNAL_ROUTE = '/signal'
/**
 * The host's own presence entry: no one on screen, only the session's clock (host time),
 * refreshed every HOST_CLOCK_INTERVAL_MS, and the room's progress (RoomProgress). The host sets
 * every other entry's role itself, so no laptop can speak as the host.
 */
export const HOST_PRESENCE_ROLE = 'host'
export const HOST_CLOCK_INTERVAL_MS = 5_000

/** How far one person is with the current stage, as their presence says it; counts only, never what they wrote. */
export interface Progress {
  stage: StageId
  /** Private notes written (silent brainstorm). */
  notes: number
  /** Ballot or check complete. */
  done: boolean
}

/** A count from a peer: a whole number from 0, cut at a bound no room reaches; 0 for anything else. */
export const readCount = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, 10_000) : 0

/** One person's progress from their presence, read defensively (by screens and by the host); null for anything else. */
export function readProgress(value: unknown): Progress | null {
  if (typeof value !== 'object' || value === null) return null
  const { stage, notes, done } = value as Record<string, unknown>
  if (!isStageId(stage)) return null
  return { stage, notes: readCount(notes), done: done === true }
}

/**
 * How far the room is, in counts only: what "7 of 12 have voted" and "23 notes from 9 people"
 * are made of. The host counts it from every participant's presence, so in anonymous mode no
 * one's own progress needs to reach anyone else (the host leaves it out of what it relays).
 */
export interface RoomProgress {
  /** Participants present. */
  participants: number
  /**
   * Participants who have been in the room since the host started, present or not: a browser
   * that comes back counts once. What a record counts, with those present and those who voted.
   */
  tookPart: number
  /** Per stage id: participants who say they are done, private notes written, and how many people wrote any. */
  stages: Record<string, { done: number; notes: number; writers: number }>
  /** Per round: parts held back because they came after the round's release (electron/host/roundMixer.ts). */
  waiting: Record<Round, number>
}

/** The renderer's route for a participant; the code follows it in a join link. */
export const JOIN_ROUTE_FRAGMENT = '#/join/'

export type JoinAnswer =
  /** `hostKey`: the session's public key (sealedChannel.ts), for a join that did not come with the link's. */
  | { ok: true; title: string; room: string; ticket: string; hostKey: string }
  /** `ended`: the session this address served is over, so nothing here lets anyone in any more. */
  | { ok: false; error: string; ended?: true }

export interface LiveSessionInfo {
  workshopId: string
  /** Six characters from JOIN_CODE_ALPHABET. */
  code: string
  /**
   * The y-webrtc room. No signaling password: participants' pages are plain http on the
   * LAN, where browsers give no crypto.subtle (see renderer/src/crdt/liveSync.ts).
   */
  room: string
  port: number
  /** The host's public key for the WebSocket link (shared/sync/sealedChannel.ts); join links carry it. */
  hostKey: string
  /** One per network interface: a link, and the QR code's content. */
  joinUrls: string[]
}

/**
 * The WebSocket link to the host's hub, where WebRTC cannot open: y-webrtc's messages, sealed
 * (shared/sync/sealedChannel.ts). The first sealed message is a SyncAdmission.
 */
export const SYNC_ROUTE = '/sync'

export interface SyncAdmission {
  v: 1
  ticket: string
}

/** Close codes of the WebSocket link, so a laptop can say why it is not connected. */
export const SYNC_CLOSE = {
  /** The ticket is not (or no longer) one of this session's. */
  notAdmitted: 4403,
  /** The session has ended. */
  ended: 4410,
  /** This ticket or address holds too many connections already. */
  tooMany: 4429,
  /** The laptop broke a rule (size, rate, a change it may not make). */
  violation: 4400,
  /** The facilitator's app is quitting or restarting; the session is not over: try again. */
  goingAway: 1001
} as const
