import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../../../../renderer/src/crdt/liveSync'
import { connectionStatus, OFFLINE_TEXT } from '../../../../../renderer/src/features/live/connectionStatus'

const base: ConnectionState = { online: true, signalingConnected: true, peers: 0, everConnected: true, ended: false }

describe('connectionStatus', () => {
  it('says Connected only once edits can flow to someone', () => {
    expect(connectionStatus({ ...base, peers: 2 }, 'participant')).toEqual({ text: 'Connected', tone: 'connected' })
    expect(connectionStatus({ ...base, signalingConnected: false, peers: 1 }, 'participant').text).toBe('Connected')
    expect(connectionStatus(base, 'participant')).toEqual({ text: 'Connecting to the board…', tone: 'waiting' })
    expect(connectionStatus(base, 'facilitator')).toEqual({ text: 'Waiting for people to join', tone: 'waiting' })
  })

  it('tells a first connection from a lost one', () => {
    const lost = { ...base, signalingConnected: false }
    expect(connectionStatus({ ...lost, everConnected: false }, 'participant').text).toBe('Connecting…')
    expect(connectionStatus(lost, 'participant').text).toBe('Reconnecting…')
  })

  it('puts being offline first, and says the changes are kept', () => {
    expect(connectionStatus({ ...base, online: false, peers: 3 }, 'participant')).toEqual({ text: OFFLINE_TEXT, tone: 'offline' })
    expect(OFFLINE_TEXT).toBe('Offline — your changes are kept and will sync when you’re back')
  })

  it('tells a session that ended from a connection that dropped', () => {
    const ended = { ...base, signalingConnected: false, ended: true }
    expect(connectionStatus(ended, 'participant')).toEqual({ text: 'Session ended', tone: 'ended' })
    expect(connectionStatus({ ...ended, online: false }, 'participant').text).toBe('Session ended')
    expect(connectionStatus({ ...ended, ended: false }, 'participant').text).toBe('Reconnecting…')
  })
})
