import type { ConnectionState } from '../../crdt/liveSync'

export type ConnectionTone = 'connected' | 'waiting' | 'offline' | 'ended'

export interface ConnectionStatus {
  text: string
  tone: ConnectionTone
}

export const OFFLINE_TEXT = 'Offline — your changes are kept and will sync when you’re back'

/** Where a participant's link to the facilitator's laptop may be stuck, and what to do about it. */
export const CANNOT_CONNECT_TEXT =
  'Can’t reach the facilitator’s laptop. Check that you are on the same Wi-Fi as the facilitator; the network must let this device reach the address in the join link.'

/**
 * What to tell a person about their link to the room: connected, and how (a direct WebRTC
 * link, or the WebSocket through the facilitator's laptop where the network blocks WebRTC),
 * or why not.
 */
export function connectionStatus(state: ConnectionState, role: 'facilitator' | 'participant'): ConnectionStatus {
  if (state.ended) return { text: 'Session ended', tone: 'ended' }
  if (!state.online) return { text: OFFLINE_TEXT, tone: 'offline' }
  if (state.via === 'webrtc') return { text: 'Connected (direct)', tone: 'connected' }
  if (state.via === 'websocket') return { text: role === 'facilitator' ? 'Connected' : 'Connected (through the facilitator’s laptop)', tone: 'connected' }
  if (state.refusal) return { text: state.refusal, tone: 'waiting' }
  if (state.everConnected) return { text: 'Reconnecting…', tone: 'waiting' }
  // Both ways tried and neither answered: say so, rather than "Connecting…" for ever.
  if (state.trying === 'websocket' && role === 'participant') return { text: CANNOT_CONNECT_TEXT, tone: 'waiting' }
  return { text: 'Connecting…', tone: 'waiting' }
}
