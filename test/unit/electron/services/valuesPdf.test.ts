import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { valuesPdf } from '../../../../electron/services/valuesPdf'
import { allNotes, AWKWARD, bigBoardRecord, finalized, threeWayTie, twelveValueRecord, versionOneRecord, withRanking } from '../../../exports/valuesFixtures'
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

  it('starts the decision record, with the content hash, on a page of its own, and what the team wrote follows it', async () => {
    const { text, info } = await read()
    const pages = text.split('\f')
    const recordPage = pages.findIndex((page) => page.trimStart().startsWith('Decision record'))
    expect(recordPage).toBeGreaterThan(0)
    expect(pages[recordPage]).toContain(document.contentHash)
    expect(pages[recordPage]).toContain('Silent brainstorm: 25 Nov 2026, 13:02–13:15 (UTC)')
    const appendix = squash(pages.slice(recordPage).join('').split('What the team wrote')[1]!.replace(/•/g, ''))
    for (const group of [...record.clusters, { title: 'Unsorted ideas', notes: record.unsortedNotes }]) {
      expect(appendix).toContain(squash([group.title, ...group.notes].join('')))
    }
    expect(pages[info.pages - 1]).toContain(`${record.title} · Our values · ${info.pages} of ${info.pages}`)
  })

  it('marks flagged values and withholds consensus from too few voters', async () => {
    const { text } = await read()
    expect(text).toContain('Consensus: 2.5 of 5 from 12 people, flagged for rework (below 3).')
    expect(text).toContain('Consensus: not shown, as fewer than 3 people took part.')
  })
})

describe('valuesPdf of the dot vote’s ties, read back by pdftotext', () => {
  /** The ranking's lines, each rank with its text: pdftotext reads the column of ranks first, then the texts. */
  async function rankingLinesOf(ranking: ReturnType<typeof threeWayTie>): Promise<string[]> {
    const path = join(tempDir(), 'ties.pdf')
    await writeFile(path, await valuesPdf(finalized(withRanking(ranking))))
    const lines = (await pdfText(path)).split('RANKING')[1]!.split('STAGES')[0]!.split('\n').filter((line) => line.trim())
    const ranks = lines.filter((line) => /^=?\d+\.$/.test(line))
    const texts = lines.filter((line) => !ranks.includes(line))
    return ranks.map((rank, index) => `${rank} ${texts[index]}`)
  }

  it('shows a tie as a tie: a kept 4 / 4 / 4 tie is rank =1 three times, and says the facilitator kept it', async () => {
    expect(await rankingLinesOf(threeWayTie('kept'))).toEqual([
      '=1. Curiosity: 4 dots (tied, kept by the facilitator)',
      '=1. Ownership: 4 dots (tied, kept by the facilitator)',
      '=1. Respect: 4 dots (tied, kept by the facilitator)',
      '4. Speed: 2 dots'
    ])
  })

  it('shows a broken tie in the facilitator’s order, each place saying the facilitator broke it', async () => {
    expect(await rankingLinesOf(threeWayTie('broken', ['Respect', 'Curiosity', 'Ownership']))).toEqual([
      '1. Respect: 4 dots (tie broken by the facilitator)',
      '2. Curiosity: 4 dots (tie broken by the facilitator)',
      '3. Ownership: 4 dots (tie broken by the facilitator)',
      '4. Speed: 2 dots'
    ])
  })
})

describe('valuesPdf of a big board, read back by pdftotext', () => {
  it('wraps and carries 300 notes over pages, each cluster’s title on the page of its first notes', async () => {
    const record = bigBoardRecord(24, 14)
    expect(allNotes(record).length).toBeGreaterThanOrEqual(300)
    const path = join(tempDir(), 'big.pdf')
    await writeFile(path, await valuesPdf(finalized(record)))
    const [text, info] = await Promise.all([pdfText(path), pdfInfo(path)])
    const pages = text.split('\f').slice(0, info.pages)
    const appendix = squash(text.split('What the team wrote')[1]!.replace(/•/g, ''))
    for (const note of allNotes(record)) expect(appendix).toContain(squash(note))
    for (const cluster of record.clusters) {
      const page = pages.find((each) => each.includes(cluster.title))!
      expect(squash(page), cluster.title).toContain(squash(cluster.notes[0]!))
    }
    // Notes are set at a readable size, not squeezed: some 40 short ones to a page at most.
    expect(info.pages).toBeGreaterThan(allNotes(record).length / 40)
  })
})

describe('valuesPdf of a record finalized before notes were kept', () => {
  it('has every value and the hash, and says the notes were not kept', async () => {
    const old = finalized(versionOneRecord())
    const path = join(tempDir(), 'old.pdf')
    await writeFile(path, await valuesPdf(old))
    const text = await pdfText(path)
    for (const value of old.values) expect(text).toContain(value.name)
    expect(text).toContain(old.contentHash)
    expect(squash(text)).toContain(squash('What the team wrote This record was finalized before Workshop Studio kept the brainstorm’s notes, so they are not in it.'))
  })
})
