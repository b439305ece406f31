import { describe, expect, it } from 'vitest'
import { planMarkdown } from '../../../../shared/exports/planMarkdown'
import type { ProgramPlanRecord } from '../../../../shared/programPlanRecord'
import { finalizedPlan, PLAN_TEXT, supportPlanRecord } from '../../../exports/planFixtures'
import { injectedMarkup, readMarkdown, squash } from '../../../exports/readBack'

const SECTIONS = [
  'Opportunities it takes up',
  'Who it is for',
  'What employees may now handle differently',
  'Within these boundaries',
  'Behaviours we expect',
  'How we will know it worked',
  'How we recognise and share successes',
  'Decision record'
]

describe('planMarkdown, read back by marked: the plan round-trips through finalize and export', () => {
  // Made from the model's snapshot, as finalizing does.
  const record = supportPlanRecord()
  const document = finalizedPlan(record)
  const read = readMarkdown(planMarkdown(document))
  const { section } = read

  it('has the program’s name as its title, then one section per part of the plan, in the canvas’s order', () => {
    expect(read.headings[0]).toEqual({ depth: 1, text: PLAN_TEXT.programName })
    expect(read.sections.map((each) => each.heading)).toEqual(SECTIONS)
  })

  it('holds every list item under its own heading', () => {
    expect(section('Opportunities it takes up').items).toEqual(record.opportunities)
    expect(section('What employees may now handle differently').items).toEqual(record.activities)
    expect(section('Within these boundaries').items).toEqual(record.boundaries)
    expect(section('Behaviours we expect').items).toEqual(record.behaviours)
  })

  it('holds who it is for and how successes are shared, paragraphs and line breaks kept', () => {
    const who = section('Who it is for').text
    expect(who).toContain('Employees\nFirst-line support agents in Lyon and Porto.\nNew joiners too, from their second week.')
    expect(who).toContain(`Customers\n${record.targetCustomers}`)
    expect(section('How we recognise and share successes').text).toContain(record.recognition)
  })

  it('holds every outcome as a row of a table, an empty cell as a dash', () => {
    expect(section('How we will know it worked').tables).toEqual([
      [
        ['Metric', 'Baseline', 'Target', 'Owner', 'Review date'],
        ['Customer satisfaction (CSAT) after a billing call', '72%', '85%', 'Head of support', '31 Mar 2027'],
        ['Repeat contacts | within 7 days', '18%', '10%', 'Ana O’Brien', '—'],
        ['Churn of small businesses', '—', '−2 points', 'Customer success', '30 Jun 2027']
      ]
    ])
  })

  it('keeps text people typed as text: no HTML, links, code or emphasis come out of it', () => {
    expect(injectedMarkup(read)).toEqual([])
    // One <code>: the content hash. The boundary's `code` stays text.
    expect(read.tags.filter((tag) => tag === 'code')).toHaveLength(1)
  })

  it('ends with the decision record: when, which workshop, who, the stages and the hash', () => {
    const decision = section('Decision record')
    expect(decision.items).toEqual([
      'Finalized: 25 Nov 2026, 15:40 (UTC)',
      `Workshop: ${record.title}`,
      'Participants: 4 participants: Ana, Chloé, Jürgen, O’Brien, Pat',
      'Prompt: 25 Nov 2026, 14:00–14:05 (UTC)',
      'Plan the program: 25 Nov 2026, 14:05–15:38 (UTC)',
      'Finalize: 25 Nov 2026, 15:38–15:40 (UTC)'
    ])
    expect(decision.text).toContain(document.contentHash)
  })
})

describe('planMarkdown of a plan with parts left empty', () => {
  const empty: ProgramPlanRecord = {
    ...supportPlanRecord(),
    anonymous: true,
    participants: { count: 7, names: null },
    opportunities: [],
    targetCustomers: '',
    boundaries: [],
    outcomes: [],
    recognition: ''
  }
  const read = readMarkdown(planMarkdown(finalizedPlan(empty)))
  const { section } = read

  it('keeps every heading and says which parts were not filled in', () => {
    expect(read.sections.map((each) => each.heading)).toEqual(SECTIONS)
    for (const heading of ['Opportunities it takes up', 'Within these boundaries', 'How we will know it worked', 'How we recognise and share successes']) {
      expect(section(heading).text.trim(), heading).toBe('Not filled in.')
    }
    expect(squash(section('Who it is for').text)).toContain(squash('Customers Not filled in.'))
  })

  it('names no one in an anonymous workshop', () => {
    expect(section('Decision record').items).toContain('Participants: 7 participants; the workshop was anonymous')
    expect(read.text).not.toContain('Chloé,')
  })
})
