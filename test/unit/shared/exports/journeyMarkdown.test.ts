import { describe, expect, it } from 'vitest'
import { journeyMarkdown } from '../../../../shared/exports/journeyMarkdown'
import { AWKWARD_NOTES, finalizedJourney, journeyRecordV1, smallJourneyRecord, tiedJourneyRecord } from '../../../exports/journeyFixtures'
import { injectedMarkup, readMarkdown, squash } from '../../../exports/readBack'

describe('journeyMarkdown, read back by marked', () => {
  const record = smallJourneyRecord()
  const document = finalizedJourney(record)
  const read = readMarkdown(journeyMarkdown(document))
  const { section } = read

  it('has the title, the decision record, the emotion curve, a section per stage, then the workshop’s stages', () => {
    expect(read.headings[0]).toEqual({ depth: 1, text: record.title })
    expect(read.sections.map((each) => each.heading)).toEqual([
      'Decision record',
      'Emotion curve',
      'Dot vote results',
      ...record.stages.map((stage) => stage.name),
      'Workshop stages'
    ])
    expect(read.text).toContain(record.prompt)
  })

  it('keeps a short decision record: when, who, whether anonymous, the vote and the hash', () => {
    expect(section('Decision record').items).toEqual([
      'Finalized: 26 Nov 2026, 16:45 (UTC)',
      'Participants: 9 participants: Ana, Chloé, Jürgen, O’Brien, Pat, Ravi, Sam, Tomás, Yuki, Zoë',
      'Anonymous: no',
      'Dot vote: 9 people voted, 5 dots each, on the notes in Pain points and Opportunities',
      `Content hash: ${document.contentHash}`
    ])
  })

  it('gives the emotion curve as a table, withholding stages that fewer than k people rated', () => {
    const emotions = section('Emotion curve')
    expect(emotions.text).toContain('shown only where at least 3 people rated a stage')
    expect(emotions.tables).toEqual([
      [
        ['Stage', 'Ratings', 'Median', 'Middle half'],
        ['Attract', '9', '+1', '0 to +1'],
        ['Recruit', '9', '+0.5', '−0.25 to +1.75'],
        ['Onboard', '8', '−1.5', '−2 to −0.75'],
        ['Develop', '7', '0', '−1 to +1'],
        ['Retain', '2', 'not shown: fewer than 3 ratings', '—'],
        ['Exit', '0', 'not shown: no ratings', '—']
      ]
    ])
  })

  it('lists each stage’s notes under their lanes, with dots and linked values', () => {
    const onboard = section('Onboard')
    expect(read.headings.filter((heading) => heading.depth === 3).map((heading) => heading.text)).toContain('Opportunities')
    expect(onboard.items).toEqual([
      'First day: who is my buddy?',
      `${AWKWARD_NOTES.emoji} (9 dots, ranked 2)`,
      'Laptop and accounts ready before day one (11 dots, ranked 1; lives our value “Ownership” (from “Our core values 2026”))',
      'IT and the hiring manager'
    ])
    expect(squash(onboard.text)).toContain(squash('Moments that matter First day: who is my buddy? Pain points'))
    for (const note of record.notes) {
      const stage = record.stages.find((each) => each.id === note.stageId)!.name
      expect(squash(section(stage).text), note.text).toContain(squash(note.text))
    }
  })

  it('keeps text people typed as text: no HTML, links or headings come out of it', () => {
    expect(injectedMarkup(read)).toEqual([])
    expect(read.headings.map((heading) => heading.text)).not.toContain('not a heading')
    expect(section('Retain').items).toEqual(['Yearly review', `${AWKWARD_NOTES.markdown} (3 dots, ranked 7)`])
    expect(section('Recruit').items).toContain(`${AWKWARD_NOTES.markup} (7 dots, ranked 3)`)
    expect(section('Recruit').items).toContain(`${AWKWARD_NOTES.formula} (0 dots)`)
    expect(section('Develop').text).toContain('First line\nsecond line, after a break')
  })

  it('names no one in an anonymous workshop', () => {
    const anonymous = readMarkdown(journeyMarkdown(finalizedJourney({ ...record, anonymous: true, participants: { count: 9, names: null } })))
    expect(anonymous.sections[0]!.items).toEqual(expect.arrayContaining(['Participants: 9 participants; the workshop was anonymous', 'Anonymous: yes']))
    expect(anonymous.text).not.toContain('Chloé,')
  })

  it('lists the notes that received dots, most first, ranked', () => {
    expect(section('Dot vote results').items.slice(0, 3)).toEqual([
      '1. Laptop and accounts ready before day one (Onboard · Opportunities): 11 dots',
      `2. ${AWKWARD_NOTES.emoji} (Onboard · Pain points): 9 dots`,
      `3. ${AWKWARD_NOTES.markup} (Recruit · Pain points): 7 dots`
    ])
    // The note no one put a dot on is not ranked.
    expect(section('Dot vote results').items).toHaveLength(8)
  })
})

describe('journeyMarkdown shows a tie as a tie', () => {
  it('gives a broken tie in the facilitator’s order and a kept tie one shared rank, in the results and on each note', () => {
    const read = readMarkdown(journeyMarkdown(finalizedJourney(tiedJourneyRecord())))
    expect(read.section('Dot vote results').items.slice(1, 6)).toEqual([
      '2. Stay interviews at two years (Exit · Opportunities): 9 dots (tie broken by the facilitator)',
      `3. ${AWKWARD_NOTES.emoji} (Onboard · Pain points): 9 dots (tie broken by the facilitator)`,
      `4. ${AWKWARD_NOTES.markup} (Recruit · Pain points): 7 dots`,
      '=5. A learning budget everyone knows about (Develop · Opportunities): 4 dots (tied, kept by the facilitator)',
      '=5. Nobody asks why people leave (Exit · Pain points): 4 dots (tied, kept by the facilitator)'
    ])
    expect(read.section('Exit').items).toContain('Nobody asks why people leave (4 dots, ranked =5 (tied, kept by the facilitator))')
  })

  it('ranks a record finalized before tie decisions were kept by its dots, its ties undecided', () => {
    const read = readMarkdown(journeyMarkdown(finalizedJourney(journeyRecordV1(tiedJourneyRecord()))))
    expect(read.section('Dot vote results').items.slice(1, 3)).toEqual([
      `=2. ${AWKWARD_NOTES.emoji} (Onboard · Pain points): 9 dots (tied)`,
      '=2. Stay interviews at two years (Exit · Opportunities): 9 dots (tied)'
    ])
  })
})
