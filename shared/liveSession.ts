/** What crosses the network when a workshop is live: routes and answers, versioned by shape. */

/**
 * Participants check their code here (`?code=`) and receive a ticket for signaling. Someone
 * already in asks with their ticket (`?ticket=`) whether their session still runs, when its
 * signaling stops answering.
 */
export const JOIN_CHECK_ROUTE = '/join/check'
/** y-webrtc signaling over WebSocket. */
export const SIGNAL_ROUTE = '/signal'
/** The renderer's route for a participant; the code follows it in a join link. */
export const JOIN_ROUTE_FRAGMENT = '#/join/'

export type JoinAnswer =
  | { ok: true; title: string; room: string; ticket: string }
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
  /** One per network interface: a link, and the QR code's content. */
  joinUrls: string[]
}
