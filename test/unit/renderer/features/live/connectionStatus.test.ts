import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../../renderer/src/crdt/liveSync'
import { CANNOT_CONNECT_TEXT, connectionStatus, OFFLINE_TEXT } from '../../../../../renderer/src/features/live/connectionStatus'

const base: ConnectionState = { online: true, via: null, trying: 'webrtc', synced: false, everConnected: false, refusal: null, ended: false }

describe('connectionStatus', () => {
  it('says Connected, and how, once the link to the host is open', () => {
    expect(connectionStatus({ ...base, via: 'webrtc' }, 'participant')).toEqual({ text: 'Connected (direct)', tone: 'connected' })
    expect(connectionStatus({ ...base, via: 'websocket' }, 'participant')).toEqual({
      text: 'Connected (through the facilitator’s laptop)',
      tone: 'connected'
    })
    expect(connectionStatus({ ...base, via: 'websocket' }, 'facilitator').text).toBe('Connected')
    expect(connectionStatus(base, 'participant')).toEqual({ text: 'Connecting…', tone: 'waiting' })
  })

  it('tells a first connection from a lost one, and says plainly when neither way reaches the host', () => {
    expect(connectionStatus({ ...base, everConnected: true, trying: null }, 'participant').text).toBe('Reconnecting…')
    expect(connectionStatus({ ...base, trying: 'websocket' }, 'participant').text).toBe(CANNOT_CONNECT_TEXT)
    expect(CANNOT_CONNECT_TEXT).toContain('same Wi-Fi')
  })

  it('says why the host refused this laptop', () => {
    expect(connectionStatus({ ...base, refusal: 'Open the join link again.' }, 'participant').text).toBe('Open the join link again.')
  })

  it('puts being offline first, and says the changes are kept', () => {
    expect(connectionStatus({ ...base, online: false, via: 'webrtc' }, 'participant')).toEqual({ text: OFFLINE_TEXT, tone: 'offline' })
    expect(OFFLINE_TEXT).toBe('Offline — your changes are kept and will sync when you’re back')
  })

  it('tells a session that ended from a connection that dropped', () => {
    const ended = { ...base, everConnected: true, ended: true }
    expect(connectionStatus(ended, 'participant')).toEqual({ text: 'Session ended', tone: 'ended' })
    expect(connectionStatus({ ...ended, online: false }, 'participant').text).toBe('Session ended')
    expect(connectionStatus({ ...ended, ended: false }, 'participant').text).toBe('Reconnecting…')
  })
})
