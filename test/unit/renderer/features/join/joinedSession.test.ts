import { describe, expect, it } from 'vitest'
import { PRESENCE_COLOURS } from '../../../../../renderer/src/crdt/presence'
import {
  forgetJoinedSession,
  loadJoinedSession,
  saveJoinedSession,
  type JoinedSession
} from '../../../../../renderer/src/features/join/joinedSession'
import { MemoryStorage } from '../MemoryStorage'

const session: JoinedSession = {
  code: 'K7QM4X',
  title: 'Values offsite',
  room: 'workshop-1-ab',
  ticket: 'ticket-1',
  hostKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  name: 'Amira',
  colour: PRESENCE_COLOURS[3]
}

describe('joined session storage', () => {
  it('keeps the session for a refresh, and forgets it on leaving', () => {
    const storage = new MemoryStorage()
    expect(loadJoinedSession(storage)).toBeNull()
    saveJoinedSession(storage, session)
    expect(loadJoinedSession(storage)).toEqual(session)
    forgetJoinedSession(storage)
    expect(loadJoinedSession(storage)).toBeNull()
  })

  it('drops what it cannot read rather than joining with it', () => {
    const storage = new MemoryStorage()
    for (const stored of ['{not json', '{"v":2}', JSON.stringify({ v: 1, ...session, colour: 'red' }), JSON.stringify({ v: 1, ...session, ticket: 7 })]) {
      storage.setItem('workshop-studio:joined-session', stored)
      expect(loadJoinedSession(storage)).toBeNull()
      expect(storage.items.size).toBe(0)
    }
  })

  it('carries on when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      }
    }
    expect(() => saveJoinedSession(refusing, session)).not.toThrow()
    expect(loadJoinedSession(refusing)).toBeNull()
  })
})
