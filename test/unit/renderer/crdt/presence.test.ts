import { describe, expect, it } from 'vitest'
import {
  cleanDisplayName,
  FACILITATOR_COLOUR,
  guestName,
  NAME_MAX_LENGTH,
  participantColourFor,
  PRESENCE_COLOURS,
  presentPeople,
  readHostClock,
  readPresence
} from '../../../../renderer/src/crdt/presence'

describe('cleanDisplayName', () => {
  it('trims, single-spaces and cuts what a person typed', () => {
    expect(cleanDisplayName('  Amira   Haddad \n')).toBe('Amira Haddad')
    expect(cleanDisplayName('   ')).toBe('')
    expect(cleanDisplayName('x'.repeat(100))).toHaveLength(NAME_MAX_LENGTH)
  })

  it('never cuts a character in half', () => {
    const name = cleanDisplayName('😀'.repeat(50))
    expect(Array.from(name)).toHaveLength(NAME_MAX_LENGTH)
    expect(name).toBe('😀'.repeat(NAME_MAX_LENGTH))
  })
})

describe('guestName', () => {
  it('names someone without a name "Guest 1" to "Guest 99", from any number', () => {
    expect(guestName(0)).toBe('Guest 1')
    expect(guestName(98)).toBe('Guest 99')
    expect(guestName(99)).toBe('Guest 1')
    expect(guestName(-5)).toBe('Guest 6')
    expect(guestName(4_294_967_295)).toMatch(/^Guest ([1-9]|[1-9]\d)$/)
  })
})

describe('participantColourFor', () => {
  it('never gives a participant the facilitator’s colour', () => {
    for (let seed = 0; seed < 100; seed++) {
      const colour = participantColourFor(seed)
      expect(PRESENCE_COLOURS).toContain(colour)
      expect(colour).not.toBe(FACILITATOR_COLOUR)
    }
  })
})

describe('the host’s presence entry', () => {
  it('is no one on screen, and gives the session’s clock', () => {
    expect(readPresence(9, { role: 'host', clock: 1_750_000_000_000 }, 1)).toBeNull()
    expect(readHostClock({ role: 'host', clock: 1_750_000_000_000 })).toBe(1_750_000_000_000)
  })

  it('is the only one whose clock counts', () => {
    expect(readHostClock({ role: 'facilitator', clock: 1_750_000_000_000 })).toBeNull()
    expect(readHostClock({ role: 'participant', clock: 5 })).toBeNull()
    expect(readHostClock({ role: 'host', clock: Number.NaN })).toBeNull()
    expect(readHostClock(null)).toBeNull()
  })
})

describe('readPresence', () => {
  it('reads a well-formed state', () => {
    expect(
      readPresence(7, { v: 1, name: 'Amira', role: 'participant', colour: PRESENCE_COLOURS[2], editingNoteId: 'n1' }, 1)
    ).toEqual({
      clientId: 7,
      name: 'Amira',
      role: 'participant',
      colour: PRESENCE_COLOURS[2],
      editingNoteId: 'n1',
      progress: null,
      focus: null,
      isSelf: false
    })
  })

  it('takes the focus from the facilitator only, and progress as counts', () => {
    const facilitator = readPresence(3, { role: 'facilitator', focus: 'column:c1', progress: { stage: 'vote', notes: 0, done: true } }, 1)
    expect(facilitator).toMatchObject({ focus: 'column:c1', progress: { stage: 'vote', notes: 0, done: true } })
    const participant = readPresence(4, { role: 'participant', focus: 'x', progress: { stage: 'brainstorm', notes: 4 } }, 1)
    expect(participant).toMatchObject({ focus: null, progress: { stage: 'brainstorm', notes: 4, done: false } })
    expect(readPresence(5, { role: 'facilitator', focus: 'x'.repeat(81) }, 1)!.focus).toBeNull()
  })

  it('treats what a peer sent as untrusted: no CSS, no odd types, no endless ids', () => {
    const person = readPresence(
      42,
      {
        name: 42,
        role: 'admin',
        colour: 'url(https://example.com/x.png)',
        editingNoteId: 'x'.repeat(65),
        clock: Number.NaN,
        progress: { stage: 'party', notes: -1 }
      },
      1
    )
    expect(person).toEqual({
      clientId: 42,
      name: guestName(42),
      role: 'participant',
      colour: expect.stringMatching(/^#[0-9a-f]{6}$/),
      editingNoteId: null,
      progress: null,
      focus: null,
      isSelf: false
    })
    expect(readPresence(1, { progress: { stage: 'vote', notes: 1e9, done: 'yes' } }, 2)!.progress).toEqual({
      stage: 'vote',
      notes: 10_000,
      done: false
    })
    expect(PRESENCE_COLOURS).toContain(person!.colour)
  })

  it('skips peers that have left or sent no object', () => {
    for (const state of [null, undefined, 'Amira', 3]) expect(readPresence(1, state, 2)).toBeNull()
  })
})

describe('presentPeople', () => {
  it('lists this peer first, then everyone by name', () => {
    const states = new Map<number, unknown>([
      [5, { name: 'Zoe' }],
      [9, { name: 'Facilitator', role: 'facilitator' }],
      [3, { name: 'Amira' }],
      [4, null],
      [8, { name: 'Ben' }]
    ])
    expect(presentPeople(states, 8).map((person) => [person.name, person.isSelf, person.role])).toEqual([
      ['Ben', true, 'participant'],
      ['Amira', false, 'participant'],
      ['Facilitator', false, 'facilitator'],
      ['Zoe', false, 'participant']
    ])
  })
})
