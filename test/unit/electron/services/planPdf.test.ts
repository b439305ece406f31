import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planPdf } from '../../../../electron/services/planPdf'
import { outcomeCells } from '../../../../shared/exports/planText'
import type { ProgramPlanRecord } from '../../../../shared/programPlanRecord'
import { finalizedPlan, supportPlanRecord } from '../../../exports/planFixtures'
import { pdfInfo, pdfText, squash } from '../../../exports/readBack'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

async function read(record: ProgramPlanRecord) {
  const document = finalizedPlan(record)
  const path = join(tempDir(), 'plan.pdf')
  await writeFile(path, await planPdf(document))
  const [text, info] = await Promise.all([pdfText(path), pdfInfo(path)])
  // pdftotext ends every page with a form feed.
  return { text, info, pages: text.split('\f').slice(0, info.pages), contentHash: document.contentHash }
}

describe('planPdf, read back by pdftotext: the plan round-trips through finalize and export', () => {
  // Made from the model's snapshot, as finalizing does.
  const record = supportPlanRecord()

  it('is an A4 PDF holding every part of the plan', async () => {
    const { text, info } = await read(record)
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/)
    const parts = [
      record.programName,
      ...record.opportunities,
      record.targetEmployees,
      record.targetCustomers,
      ...record.activities,
      ...record.boundaries,
      ...record.behaviours,
      ...record.outcomes.flatMap(outcomeCells),
      record.recognition
    ]
    // Lines wrap where the layout needs them to; the words and their order must stay.
    for (const part of parts) expect(squash(text), part).toContain(squash(part))
    for (const heading of ['Who it is for', 'Within these boundaries', 'How we will know it worked', 'How we recognise and share successes']) {
      expect(text).toContain(heading)
    }
  })

  it('writes the outcomes as a table: a header, then each row’s cells in the columns’ order', async () => {
    const { text } = await read(record)
    const table = squash(text.slice(text.indexOf('How we will know it worked')))
    expect(table).toContain(squash('Metric Baseline Target Owner Review date'))
    for (const outcome of record.outcomes) expect(table).toContain(squash(outcomeCells(outcome).join(' ')))
    expect(table).toContain(squash('Repeat contacts | within 7 days 18% 10% Ana O’Brien —'))
  })

  it('keeps accents, other scripts, dashes, curly quotes and markup as they were typed', async () => {
    const { text } = await read(record)
    expect(text).toContain('Chloé’s “Überzeugung” — Ærlighet, Zażółć, Ακεραιότητα, Честность')
    expect(text).toContain('<b>bold</b>')
    expect(text).toContain('A [link](javascript:alert(1)) and `code`')
  })

  it('ends with the decision record and the content hash, with a footer on every page', async () => {
    const { text, info, pages, contentHash } = await read(record)
    const decision = text.slice(text.indexOf('Decision record'))
    expect(decision).toContain(`Support team: “EX program”, 2026 / Q4`)
    expect(decision).toContain('4 participants: Ana, Chloé, Jürgen, O’Brien, Pat')
    expect(decision).toContain('Plan the program: 25 Nov 2026, 14:05–15:38 (UTC)')
    expect(decision).toContain(contentHash)
    pages.forEach((page, index) => expect(page).toContain(`EX program plan · ${index + 1} of ${info.pages}`))
  })

  it('repeats the table’s header on every page the outcomes run onto, and splits no row', async () => {
    const outcomes = Array.from({ length: 60 }, (_, index) => ({
      metric: `Outcome ${index + 1}: share of billing questions that agents settle on the first call, by region`,
      baseline: `${40 + (index % 30)}%`,
      target: `${70 + (index % 25)}%`,
      owner: `Regional lead ${index + 1}`,
      reviewDate: '2027-03-31'
    }))
    const { pages } = await read({ ...record, outcomes })
    const withRows = pages.filter((page) => page.includes('Outcome '))
    expect(withRows.length).toBeGreaterThan(1)
    for (const page of withRows) expect(squash(page)).toContain(squash('Metric Baseline Target Owner Review date'))
    for (const outcome of outcomes) {
      const page = pages.find((each) => each.includes(`${outcome.owner}\n`))
      expect(page, outcome.owner).toBeDefined()
      expect(squash(page!), outcome.owner).toContain(squash(outcomeCells(outcome).join(' ')))
    }
  })

  it('says which parts were left empty', async () => {
    const { text } = await read({ ...record, opportunities: [], outcomes: [], recognition: '' })
    const notFilledIn = text.match(/Not filled in\./g) ?? []
    expect(notFilledIn).toHaveLength(3)
    expect(text).not.toContain('Review date')
  })
})
