import type { ConnectionState } from '../../crdt/liveSync'

export type ConnectionTone = 'connected' | 'waiting' | 'offline' | 'ended'

export interface ConnectionStatus {
  text: string
  tone: ConnectionTone
}

export const OFFLINE_TEXT = 'Offline — your changes are kept and will sync when you’re back'

/**
 * What to tell a person about their link to the room. "Connected" means edits are flowing:
 * at least one peer is linked. Reaching the host alone is not enough, since the host only
 * introduces peers.
 */
export function connectionStatus(state: ConnectionState, role: 'facilitator' | 'participant'): ConnectionStatus {
  if (state.ended) return { text: 'Session ended', tone: 'ended' }
  if (!state.online) return { text: OFFLINE_TEXT, tone: 'offline' }
  if (state.peers > 0) return { text: 'Connected', tone: 'connected' }
  if (state.signalingConnected) {
    return role === 'facilitator'
      ? { text: 'Waiting for people to join', tone: 'waiting' }
      : { text: 'Connecting to the board…', tone: 'waiting' }
  }
  return { text: state.everConnected ? 'Reconnecting…' : 'Connecting…', tone: 'waiting' }
}
