import { describe, expect, it } from 'vitest'
import { valuesHtml } from '../../../../shared/exports/valuesHtml'
import { AWKWARD, finalized, threeWayTie, twelveValueRecord, versionOneRecord, versionTwoRecord, withRanking } from '../../../exports/valuesFixtures'
import { readHtml, squash } from '../../../exports/readBack'

describe('valuesHtml, read back by parse5', () => {
  const record = twelveValueRecord()
  const document = finalized(record)
  const html = valuesHtml(document)
  const read = readHtml(html)

  it('holds every value with its definition, behaviours and stories, exactly as written', () => {
    expect(read.values).toHaveLength(12)
    record.values.forEach((value, index) => {
      expect(read.values[index]).toMatchObject({
        name: value.name,
        definition: value.definition,
        weDo: value.weDo,
        weDont: value.weDont,
        examples: value.examples
      })
    })
    expect(read.values[2]!.name).toBe(AWKWARD.name)
  })

  it('is one standalone page: no script, no markup from people’s text, nothing loaded from anywhere', () => {
    expect(read.tags).not.toContain('script')
    expect(read.tags).not.toContain('b')
    expect(read.tags).not.toContain('a')
    expect(read.tags).not.toContain('link')
    expect(read.tags).not.toContain('img')
    expect(read.links).toEqual([])
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
    expect(read.title).toBe(`Our values: ${record.title}`)
  })

  it('prints on A4 without splitting a value, with the decision record on its own page', () => {
    expect(html).toContain('@page { size: A4;')
    expect(html).toMatch(/\.value \{[^}]*break-inside: avoid;/)
    expect(html).toMatch(/\.record \{ break-before: page;/)
  })

  it('shows consensus only where enough people voted, and marks values flagged for rework', () => {
    expect(read.values[0]!.consensus).toBe('Consensus: 4.0 of 5 from 12 people. Fingers shown, 0 to 5: 0 · 0 · 1 · 2 · 5 · 4.')
    expect(read.values[4]!.consensus).toContain('flagged for rework (below 3)')
    expect(html).toContain('<p class="consensus consensus--flagged">Consensus: 2.5')
    expect(read.values[6]!.consensus).toBe('Consensus: not shown, as fewer than 3 people took part.')
    expect(read.values[8]!.consensus).toBeNull()
  })

  it('carries every cluster with every one of its notes, line breaks kept, then the unsorted notes', () => {
    expect(read.teamNotes!.groups).toEqual([
      ...record.clusters.map(({ title, notes }) => ({ title, notes })),
      { title: 'Unsorted ideas', notes: record.unsortedNotes }
    ])
    expect(read.teamNotes!.text).toContain('Quiet corner\nNo notes.')
    // The appendix flows on from the decision record's page: a page of its own could be nearly empty.
    expect(html).not.toMatch(/\.team-notes \{[^}]*break-before/)
    expect(html).toMatch(/\.notes li[^{]*\{[^}]*break-inside: avoid;/)
  })

  it('ends with the decision record and the content hash', () => {
    expect(read.recordText).toContain('4 participants: Ana, Chloé, Jürgen, O’Brien, Pat')
    // A table row: the stage in one cell, its times in the next.
    expect(squash(read.recordText)).toContain(squash('Dot vote 25 Nov 2026, 13:40–13:48 (UTC)'))
    expect(read.recordText).toContain(document.contentHash)
  })
})

describe('valuesHtml of the dot vote’s ties', () => {
  const rankingOf = (html: string) => readHtml(html).ranking

  it('shows a tie as a tie: a kept 4 / 4 / 4 tie is rank =1 three times, and says the facilitator kept it', () => {
    expect(rankingOf(valuesHtml(finalized(withRanking(threeWayTie('kept')))))).toEqual([
      '=1. Curiosity 4 dots (tied, kept by the facilitator)',
      '=1. Ownership 4 dots (tied, kept by the facilitator)',
      '=1. Respect 4 dots (tied, kept by the facilitator)',
      '4. Speed 2 dots'
    ])
  })

  it('shows a broken tie in the facilitator’s order, each place saying the facilitator broke it', () => {
    expect(rankingOf(valuesHtml(finalized(withRanking(threeWayTie('broken', ['Respect', 'Curiosity', 'Ownership'])))))).toEqual([
      '1. Respect 4 dots (tie broken by the facilitator)',
      '2. Curiosity 4 dots (tie broken by the facilitator)',
      '3. Ownership 4 dots (tie broken by the facilitator)',
      '4. Speed 2 dots'
    ])
  })

  it('shows the ties of a record finalized before tie decisions were kept by the dots alone', () => {
    expect(rankingOf(valuesHtml(finalized(versionTwoRecord(threeWayTie('kept')))))).toEqual([
      '=1. Curiosity 4 dots (tied)',
      '=1. Ownership 4 dots (tied)',
      '=1. Respect 4 dots (tied)',
      '4. Speed 2 dots'
    ])
  })
})

describe('valuesHtml of a record finalized before notes were kept', () => {
  it('has every value, the decision record with its hash, and says that the notes were not kept', () => {
    const old = finalized(versionOneRecord())
    const read = readHtml(valuesHtml(old))
    expect(read.values.map((value) => value.name)).toEqual(old.values.map((value) => value.name))
    expect(read.recordText).toContain(old.contentHash)
    expect(read.teamNotes!.groups).toEqual([])
    expect(read.teamNotes!.text).toContain('This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.')
  })
})
