import { describe, expect, it } from 'vitest'
import {
  finalizedJourneySchema,
  JOURNEY_RECORD_LIMITS,
  journeyPlacesOf,
  notesByCell,
  topOpportunityNotes,
  parseJourneyRecord,
  type JourneyRecord
} from '../../../shared/journeyRecord'
import { AWKWARD_NOTES, finalizedJourney, fullJourneyRecord, journeyRecordV1, smallJourneyRecord, tiedJourneyRecord } from '../../exports/journeyFixtures'

const problems = (value: unknown) => {
  const result = parseJourneyRecord(value)
  return result.ok ? null : result.problems
}

/** The small record with one change made to a copy of it. */
function changed(change: (record: JourneyRecord) => void): JourneyRecord {
  const record = structuredClone(smallJourneyRecord())
  change(record)
  return record
}

describe('parseJourneyRecord', () => {
  it('accepts a small and a full map, and drops fields it does not know', () => {
    for (const record of [smallJourneyRecord(), fullJourneyRecord()]) {
      expect(parseJourneyRecord({ ...record, surprise: 'dropped' })).toEqual({ ok: true, record })
    }
  })

  it('accepts an anonymous map that names no one, and a map without a dot vote', () => {
    expect(problems(changed((record) => Object.assign(record, { anonymous: true, participants: { count: 9, names: null } })))).toBeNull()
    const noVote = changed((record) => {
      record.votes.laneIds = []
      record.votes.ranking = []
      for (const note of record.notes) note.votes = null
    })
    expect(problems(noVote)).toBeNull()
  })

  it('refuses names in an anonymous workshop', () => {
    expect(problems(changed((record) => (record.anonymous = true)))).toBe('participants.names must be empty (null) in an anonymous workshop')
  })

  it('refuses a median or spread from fewer people than the minimum group', () => {
    const tooFew = changed((record) => (record.emotions.stages[4] = { stageId: 'stage-5', raters: 2, median: 1, spread: { low: 0, high: 2 } }))
    expect(problems(tooFew)).toBe(
      'emotions.stages.4.median must be empty (null) when fewer than 3 people rated the stage; ' +
        'emotions.stages.4.spread must be empty (null) when fewer than 3 people rated the stage'
    )
  })

  it('refuses ratings off the −2 to +2 scale, and a median outside its spread', () => {
    const offScale = changed((record) => (record.emotions.stages[0] = { stageId: 'stage-1', raters: 9, median: 3, spread: { low: -2.5, high: 3 } }))
    expect(problems(offScale)).toBe(
      'emotions.stages.0.median Too big: expected number to be <=2; emotions.stages.0.spread.low Too small: expected number to be >=-2; ' +
        'emotions.stages.0.spread.high Too big: expected number to be <=2'
    )
    const outside = changed((record) => (record.emotions.stages[0]!.spread = { low: 1.5, high: 2 }))
    expect(problems(outside)).toBe('emotions.stages.0.spread must run from at most the median (low) to at least the median (high)')
    const half = changed((record) => (record.emotions.stages[0]!.spread = null))
    expect(problems(half)).toBe('emotions.stages.0.spread must be given with the median, or both left empty (null)')
  })

  it('refuses an emotion curve that does not follow the stages one by one', () => {
    expect(problems(changed((record) => record.emotions.stages.reverse()))).toBe('emotions.stages must hold one result per journey stage, in the stages’ order')
    expect(problems(changed((record) => record.emotions.stages.pop()))).toBe('emotions.stages must hold one result per journey stage, in the stages’ order')
  })

  it('refuses a note outside the map’s stages and lanes', () => {
    const lost = changed((record) => Object.assign(record.notes[0]!, { stageId: 'stage-99', laneId: 'lane-99' }))
    expect(problems(lost)).toBe('notes.0.stageId names no stage of the map (“stage-99”); notes.0.laneId names no lane of the map (“lane-99”)')
  })

  it('refuses dots on a note whose lane was not voted on, and missing dots where it was', () => {
    const touchpoint = changed((record) => (record.notes[0]!.votes = 2))
    expect(problems(touchpoint)).toBe('notes.0.votes must be empty (null): the note’s lane was not part of the vote')
    const painPoint = changed((record) => (record.notes.find((note) => note.laneId === 'lane-4')!.votes = null))
    expect(problems(painPoint)).toMatch(/^notes\.\d+\.votes must count the dots \(0 or more\): the note’s lane was part of the vote$/)
    expect(problems(changed((record) => record.votes.laneIds.push('lane-99')))).toBe('votes.laneIds.2 names no lane of the map (“lane-99”)')
  })

  it('refuses ids used twice', () => {
    const twice = changed((record) => {
      record.lanes[1]!.id = 'lane-1'
      record.notes[1]!.id = record.notes[0]!.id
    })
    expect(problems(twice)).toContain('lanes.1.id repeats a lane id “lane-1”')
    expect(problems(twice)).toContain('notes.1.id repeats a note id “note-1”')
  })

  it('bounds every list and every text, so a record cannot grow without limit', () => {
    const L = JOURNEY_RECORD_LIMITS
    const manyStages = changed((record) => {
      record.stages = Array.from({ length: L.stages + 1 }, (_, index) => ({ id: `s${index}`, name: `Stage ${index}` }))
    })
    expect(problems(manyStages)).toContain(`stages at most ${L.stages} stages`)
    const manyLanes = changed((record) => {
      record.lanes = Array.from({ length: L.lanes + 1 }, (_, index) => ({ id: `l${index}`, name: `Lane ${index}`, kind: null }))
    })
    expect(problems(manyLanes)).toContain(`lanes at most ${L.lanes} lanes`)
    const manyNotes = changed((record) => {
      record.notes = Array.from({ length: L.notes + 1 }, (_, index) => ({ ...record.notes[0]!, id: `n${index}` }))
    })
    expect(problems(manyNotes)).toBe(`notes at most ${L.notes} notes`)
    expect(problems(changed((record) => (record.notes[0]!.text = 'x'.repeat(L.noteText + 1))))).toBe(
      `notes.0.text a note can be at most ${L.noteText} characters`
    )
    expect(problems(changed((record) => (record.notes[0]!.text = '')))).toBe('notes.0.text a note cannot be empty')
    expect(problems(changed((record) => (record.stages[0]!.name = 'x'.repeat(L.name + 1))))).toBe(
      `stages.0.name a stage name can be at most ${L.name} characters`
    )
    expect(problems(changed((record) => (record.lanes[0]!.name = ''))))
      .toBe('lanes.0.name a lane name cannot be empty')
  })

  it('names what is wrong with something that is not a record at all', () => {
    expect(problems('a string')).toBe('the record expected object, received string')
    expect(problems({ ...smallJourneyRecord(), kind: 'core-values' })).toBe('kind expected "journey-map"')
  })
})

describe('finalizedJourneySchema', () => {
  it('accepts a record with its hash and keeps the privacy rules', () => {
    expect(finalizedJourneySchema.safeParse(finalizedJourney()).success).toBe(true)
    expect(finalizedJourneySchema.safeParse({ ...finalizedJourney(), contentHash: 'not a hash' }).error?.issues[0]?.message).toBe('must be a SHA-256 in hex')
    const named = finalizedJourney({ ...smallJourneyRecord(), anonymous: true })
    expect(finalizedJourneySchema.safeParse(named).error?.issues[0]?.message).toBe('must be empty (null) in an anonymous workshop')
  })
})

describe('notesByCell', () => {
  it('puts every note in its own cell, in the board’s order', () => {
    const record = smallJourneyRecord()
    const cells = notesByCell(record)
    expect(cells).toHaveLength(record.stages.length)
    expect(cells.every((lanes) => lanes.length === record.lanes.length)).toBe(true)
    expect(cells[1]![3]!.map((note) => note.text)).toEqual(
      record.notes.filter((note) => note.stageId === 'stage-2' && note.laneId === 'lane-4').map((note) => note.text)
    )
    expect(cells.flat(2)).toHaveLength(record.notes.length)
  })
})

describe('the dot vote’s ranking (version 2)', () => {
  it('accepts each voted note’s rank and tie as the facilitator decided them', () => {
    const record = tiedJourneyRecord()
    expect(parseJourneyRecord(record)).toEqual({ ok: true, record })
  })

  it('refuses a ranking that says other than the dots: a tie called none, a wrong rank, other dots, a note left out', () => {
    const noTie = changed((record) => (record.votes.ranking = tiedJourneyRecord().votes.ranking.map((place) => ({ ...place, tie: 'none' }))))
    expect(problems(noTie)).toContain('votes.ranking.1.tie must be “none” exactly when no other place has as many dots')
    const tied = tiedJourneyRecord()
    tied.votes.ranking[5]!.rank = 6
    expect(problems(tied)).toBe('votes.ranking.5.rank must be 5, as its tie makes it')
    expect(problems(changed((record) => (record.votes.ranking[0]!.dots = 10)))).toBe('votes.ranking.0.dots must be the note’s dots (11)')
    expect(problems(changed((record) => record.votes.ranking.pop()))).toBe('votes.ranking must rank every note of the voted lanes (9), each once')
    expect(problems(changed((record) => (record.votes.ranking[0]!.noteId = 'note-1')))).toContain('votes.ranking.0.noteId names no note of a voted lane (“note-1”)')
  })

  it('is kept as hashed in a version-1 record, which only the library’s stored form accepts', () => {
    const old = journeyRecordV1(smallJourneyRecord())
    expect(finalizedJourneySchema.safeParse(finalizedJourney(old)).success).toBe(true)
    expect(problems(old)).toMatch(/^v expected 2;/)
  })
})

describe('journeyPlacesOf', () => {
  it('gives a version-2 record’s ranking as recorded, a broken tie in the facilitator’s order', () => {
    const places = journeyPlacesOf(tiedJourneyRecord())
    expect(places.slice(0, 6).map(({ note, rank, tie }) => [note.text.slice(0, 12), rank, tie])).toEqual([
      ['Laptop and a', 1, 'none'],
      ['Stay intervi', 2, 'broken'],
      ['Laptop not r', 3, 'broken'],
      ['Offer letter', 4, 'none'],
      ['A learning b', 5, 'kept'],
      ['Nobody asks ', 5, 'kept']
    ])
  })

  it('ranks a version-1 record by its dots alone: ties share their rank, undecided, in the map’s order', () => {
    const places = journeyPlacesOf(journeyRecordV1(tiedJourneyRecord()))
    expect(places.slice(0, 6).map(({ note, rank, tie }) => [note.text.slice(0, 12), rank, tie])).toEqual([
      ['Laptop and a', 1, 'none'],
      ['Laptop not r', 2, 'undecided'],
      ['Stay intervi', 2, 'undecided'],
      ['Offer letter', 4, 'none'],
      ['A learning b', 5, 'undecided'],
      ['Nobody asks ', 5, 'undecided']
    ])
  })
})

describe('topOpportunityNotes', () => {
  const LEARNING = 'A learning budget everyone knows about'
  /** The tied map with the learning budget and the Markdown opportunity tied on 4 dots (with a pain point), decided `tie`. */
  function opportunitiesTied(tie: 'kept' | 'broken'): JourneyRecord {
    const record = tiedJourneyRecord()
    const markdown = record.notes.find((note) => note.text === AWKWARD_NOTES.markdown)!
    markdown.votes = 4
    const at = (text: string) => record.votes.ranking.findIndex((place) => place.noteId === record.notes.find((note) => note.text === text)!.id)
    const [learning, nobody, moved] = [at(LEARNING), at('Nobody asks why people leave'), at(AWKWARD_NOTES.markdown)]
    const places = record.votes.ranking
    const tied = tie === 'kept' ? [places[learning]!, places[nobody]!, places[moved]!] : [places[moved]!, places[learning]!, places[nobody]!]
    tied.forEach((place, index) => Object.assign(place, { dots: 4, tie, rank: tie === 'kept' ? 5 : 5 + index }))
    record.votes.ranking = [...places.slice(0, 4), ...tied, ...places.slice(7)]
    return record
  }
  const texts = (notes: readonly { text: string }[]) => notes.map((note) => note.text.slice(0, 16))

  it('takes the opportunities in the decided order: a broken tie as the facilitator put it', () => {
    const broken = opportunitiesTied('broken')
    expect(parseJourneyRecord(broken).ok).toBe(true)
    expect(texts(topOpportunityNotes(broken, 3))).toEqual(['Laptop and accou', 'Stay interviews ', AWKWARD_NOTES.markdown.slice(0, 16)])
  })

  it('takes a tie across the cut whole, kept or undecided, rather than picking by the map’s order', () => {
    const kept = opportunitiesTied('kept')
    expect(parseJourneyRecord(kept).ok).toBe(true)
    const whole = ['Laptop and accou', 'Stay interviews ', LEARNING.slice(0, 16), AWKWARD_NOTES.markdown.slice(0, 16)]
    expect(texts(topOpportunityNotes(kept, 3))).toEqual(whole)
    // Finalized before decisions were kept: the same tie, undecided.
    const undecided = journeyRecordV1(kept)
    expect(texts(topOpportunityNotes(undecided, 3))).toEqual(whole)
    expect(texts(topOpportunityNotes(kept, 2))).toEqual(whole.slice(0, 2))
  })

  it('leaves out opportunities no one put a dot on, unless the map had no votes at all', () => {
    const record = tiedJourneyRecord()
    expect(topOpportunityNotes(record, 10)).toHaveLength(4)
    // The last-placed opportunity loses its dots: it is no longer offered.
    const opportunities = new Set(record.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id))
    const last = record.votes.ranking.filter((place) => opportunities.has(record.notes.find((note) => note.id === place.noteId)!.laneId)).at(-1)!
    last.dots = 0
    record.notes.find((note) => note.id === last.noteId)!.votes = 0
    const offered = topOpportunityNotes(record, 10).map((note) => note.id)
    expect(offered).toHaveLength(3)
    expect(offered).not.toContain(last.noteId)
    const noVote = changed((each) => {
      for (const note of each.notes) if (note.votes !== null) note.votes = 0
      each.votes.ranking = []
    })
    expect(texts(topOpportunityNotes(noVote, 2))).toEqual(['Laptop and accou', LEARNING.slice(0, 16)])
  })
})
