/** A link to the host, however it is carried: frames in, frames out, and why it closed. */

export interface Transport {
  send(frame: Uint8Array): void
  close(): void
}

/** Why a link closed: lost (try again), or refused by the host (say why; maybe stop). */
export type LinkClosed = { kind: 'lost' } | { kind: 'refused'; ended: boolean; message: string }

export interface TransportEvents {
  /** The host answered: frames flow. */
  open(): void
  frame(frame: Uint8Array): void
  /** Called once; nothing is sent or received after it. */
  closed(why: LinkClosed): void
  /** The host has answered and the link is being set up (WebRTC: its offer arrived). */
  negotiating?(): void
}
