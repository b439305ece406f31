import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { valuesPdf } from '../../../../electron/services/valuesPdf'
import { AWKWARD, finalized, twelveValueRecord } from '../../../exports/valuesFixtures'
import { pdfInfo, pdfText, squash } from '../../../exports/readBack'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

describe('valuesPdf, read back by pdftotext', () => {
  const record = twelveValueRecord()
  const document = finalized(record)
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await valuesPdf(document)
  })

  async function read() {
    const path = join(tempDir(), 'values.pdf')
    await writeFile(path, bytes)
    return { text: await pdfText(path), info: await pdfInfo(path) }
  }

  it('is an A4 PDF holding every value with its definition, behaviours and stories', async () => {
    const { text, info } = await read()
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/)
    for (const value of record.values) {
      expect(text).toContain(value.name)
      for (const part of [value.definition, ...value.weDo, ...value.weDont, ...value.examples]) {
        // Lines wrap where the layout needs them to; the words and their order must stay.
        expect(squash(text)).toContain(squash(part))
      }
    }
  })

  it('keeps accents, other scripts, dashes and curly quotes as they were typed', async () => {
    const { text } = await read()
    expect(text).toContain('Chloé’s “Überzeugung” story — Ærlighet, Zażółć, Ακεραιότητα, Честность')
    expect(text).toContain(AWKWARD.name)
    expect(text).toContain('Line two: commas, "quotes" & <b>tags</b> | pipes # hashes')
    expect(text).toContain('4 participants: Ana, Chloé, Jürgen, O’Brien, Pat')
  })

  it('starts no value on one page and ends it on the next', async () => {
    const { text, info } = await read()
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f').slice(0, info.pages)
    expect(pages).toHaveLength(info.pages)
    for (const value of record.values) {
      const last = value.examples.at(-1) ?? value.weDont.at(-1)!
      const page = pages.findIndex((each) => each.includes(`${value.name}\n`))
      expect(page, value.name).toBeGreaterThanOrEqual(0)
      expect(squash(pages[page]!), value.name).toContain(squash(last))
    }
  })

  it('ends with the decision record and the content hash, on a page of its own', async () => {
    const { text, info } = await read()
    const lastPage = text.split('\f')[info.pages - 1]!
    expect(lastPage.trimStart().startsWith('Decision record')).toBe(true)
    expect(lastPage).toContain(document.contentHash)
    expect(lastPage).toContain('Silent brainstorm: 25 Nov 2026, 13:02–13:15 UTC')
    expect(lastPage).toContain(`${record.title} · Our values · ${info.pages} of ${info.pages}`)
  })

  it('marks flagged values and withholds consensus from too few voters', async () => {
    const { text } = await read()
    expect(text).toContain('Consensus: 2.5 of 5 from 12 people, flagged for rework (below 3).')
    expect(text).toContain('Consensus: not shown, as fewer than 3 people took part.')
  })
})
