import { describe, expect, it } from 'vitest'
import { valuesMarkdown } from '../../../../shared/exports/valuesMarkdown'
import { AWKWARD, finalized, threeWayTie, twelveValueRecord, versionOneRecord, versionTwoRecord, withRanking } from '../../../exports/valuesFixtures'
import { injectedMarkup, readMarkdown, squash } from '../../../exports/readBack'

describe('valuesMarkdown, read back by marked', () => {
  const record = twelveValueRecord()
  const document = finalized(record)
  const read = readMarkdown(valuesMarkdown(document))

  it('has the title, one section per value in order, the decision record, then what the team wrote', () => {
    expect(read.headings[0]).toEqual({ depth: 1, text: record.title })
    expect(read.sections.map((section) => section.heading)).toEqual([
      ...record.values.map((value) => value.name),
      'Decision record',
      'What the team wrote'
    ])
  })

  it('carries every cluster with every one of its notes, as written, then the unsorted notes', () => {
    const appendix = read.section('What the team wrote')
    expect(appendix.groups).toEqual([...record.clusters, { title: 'Unsorted ideas', notes: record.unsortedNotes }])
    expect(appendix.text).toContain('Every note on the board when the workshop was finalized: 5 clusters holding 10 notes, and 2 notes left unsorted. No note says who wrote it.')
    expect(appendix.text).toContain('Quiet corner\nNo notes.')
  })

  it('carries every value’s definition, behaviours and stories under its own heading', () => {
    record.values.forEach((value, index) => {
      const section = read.sections[index]!
      expect(section.heading).toBe(value.name)
      expect(squash(section.text)).toContain(squash(value.definition))
      expect(section.items).toEqual(expect.arrayContaining([...value.weDo, ...value.weDont]))
      for (const story of value.examples) expect(squash(section.text)).toContain(squash(story))
    })
  })

  it('keeps text people typed as text: no HTML, links, code or emphasis come out of it', () => {
    expect(injectedMarkup(read)).toEqual([])
    // One <code>: the content hash. The story's `code` stays text.
    expect(read.tags.filter((tag) => tag === 'code')).toHaveLength(1)
    const ownership = read.sections[2]!
    expect(ownership.heading).toBe(AWKWARD.name)
    expect(ownership.items).toContain(AWKWARD.weDont)
    expect(ownership.text).toContain('Line two: commas, "quotes" & <b>tags</b> | pipes # hashes')
    expect(ownership.text).toContain('[link](javascript:alert(1)) and `code`.')
  })

  it('writes each value’s consensus, and withholds it where too few people voted', () => {
    expect(read.sections[0]!.text).toContain('Consensus: 4.0 of 5 from 12 people. Fingers shown, 0 to 5: 0 · 0 · 1 · 2 · 5 · 4.')
    expect(read.sections[4]!.text).toContain('Consensus: 2.5 of 5 from 12 people, flagged for rework (below 3).')
    expect(read.sections[6]!.text).toContain('Consensus: not shown, as fewer than 3 people took part.')
    expect(read.sections[6]!.text).not.toContain('Fingers shown')
    expect(read.sections[8]!.text).not.toContain('Consensus')
  })

  it('ends with the decision record: question, people, vote, rule, stages and hash', () => {
    const decision = read.section('Decision record')
    expect(decision.items).toEqual(
      expect.arrayContaining([
        'Finalized: 25 Nov 2026, 14:30 (UTC)',
        `The question: ${record.prompt}`,
        'Participants: 4 participants: Ana, Chloé, Jürgen, O’Brien, Pat',
        'Dot vote: 12 people voted, 3 dots each (one dot per cluster)',
        '1. Integrity: 24 dots',
        '12. Speed: 2 dots',
        'Silent brainstorm: 25 Nov 2026, 13:02–13:15 (UTC)',
        'Finalize: 25 Nov 2026, 14:29 (UTC), not closed'
      ])
    )
    expect(decision.text).toContain(document.contentHash)
  })

  const rankingItems = (markdown: string) => readMarkdown(markdown).section('Decision record').items.filter((item) => /^=?\d+\. /.test(item))

  it('shows a tie as a tie: a kept 4 / 4 / 4 tie is rank =1 three times, and says the facilitator kept it', () => {
    expect(rankingItems(valuesMarkdown(finalized(withRanking(threeWayTie('kept')))))).toEqual([
      '=1. Curiosity: 4 dots (tied, kept by the facilitator)',
      '=1. Ownership: 4 dots (tied, kept by the facilitator)',
      '=1. Respect: 4 dots (tied, kept by the facilitator)',
      '4. Speed: 2 dots'
    ])
  })

  it('shows a broken tie in the facilitator’s order, each place saying the facilitator broke it', () => {
    expect(rankingItems(valuesMarkdown(finalized(withRanking(threeWayTie('broken', ['Respect', 'Curiosity', 'Ownership'])))))).toEqual([
      '1. Respect: 4 dots (tie broken by the facilitator)',
      '2. Curiosity: 4 dots (tie broken by the facilitator)',
      '3. Ownership: 4 dots (tie broken by the facilitator)',
      '4. Speed: 2 dots'
    ])
  })

  it('shows the ties of a record finalized before tie decisions were kept by the dots alone', () => {
    expect(rankingItems(valuesMarkdown(finalized(versionTwoRecord(threeWayTie('broken')))))).toEqual([
      '=1. Curiosity: 4 dots (tied)',
      '=1. Ownership: 4 dots (tied)',
      '=1. Respect: 4 dots (tied)',
      '4. Speed: 2 dots'
    ])
  })

  it('names no one in an anonymous workshop', () => {
    const anonymous = { ...record, anonymous: true, participants: { count: 4, names: null } }
    const text = readMarkdown(valuesMarkdown(finalized(anonymous))).text
    expect(text).toContain('4 participants; the workshop was anonymous')
    expect(text).not.toContain('Chloé,')
  })
})

describe('valuesMarkdown of a record finalized before notes were kept', () => {
  it('has every value and the decision record, and says that the notes were not kept', () => {
    const old = versionOneRecord()
    const read = readMarkdown(valuesMarkdown(finalized(old)))
    expect(read.sections.map((section) => section.heading)).toEqual([...old.values.map((value) => value.name), 'Decision record', 'What the team wrote'])
    expect(read.section('What the team wrote').text.trim()).toBe(
      'This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.'
    )
  })
})

describe('valuesMarkdown with hostile text', () => {
  const HOSTILE = [
    'R&amp;D &copy; &#x41;',
    '<!-- comment --> <div>block</div>',
    '* * *',
    '===',
    '| a | b |\n|---|---|\n| c | d |',
    '1) numbered',
    '+ plus',
    '> quote',
    'ends with a backslash \\',
    '~~struck~~ __bold__ _em_ <https://example.com>',
    '![image](x.png) [ref]: https://example.com',
    '    four spaces of indent',
    '```fence'
  ]

  it('reads every one back as the same text, in headings, paragraphs and list items', () => {
    const base = twelveValueRecord()
    // Headings and list items are single lines, and Markdown has no leading spaces in them.
    const line = (text: string) => text.replace(/\n/g, ' ').trim()
    const values = HOSTILE.map((text, index) => ({
      ...base.values[index % base.values.length]!,
      name: `${line(text)} ${index}`,
      definition: text,
      weDo: [line(text)],
      weDont: [],
      examples: [text]
    }))
    const clusters = HOSTILE.map((text, index) => ({ title: `${line(text)} ${index}`, notes: [text.trim()] }))
    const read = readMarkdown(valuesMarkdown(finalized({ ...base, values, clusters, unsortedNotes: [] })))
    expect(read.rawHtml).toEqual([])
    expect(read.section('What the team wrote').groups).toEqual(clusters)
    expect(read.tags.filter((tag) => !['html', 'head', 'title', 'body', 'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'br', 'hr', 'blockquote', 'code'].includes(tag))).toEqual([])
    values.forEach((value, index) => {
      const section = read.sections[index]!
      expect(section.heading).toBe(value.name)
      expect(section.items).toContain(value.weDo[0])
      expect(squash(section.text)).toContain(squash(value.definition))
    })
  })
})
