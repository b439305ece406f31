import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TITLE_MAX_LENGTH } from '../../../../shared/workshop'
import { writeTempFile } from '../../../../electron/services/atomicFile'
import { DocsService } from '../../../../electron/services/docs.service'
import { LibraryService } from '../../../../electron/services/library.service'
import { hashOf, twelveValueRecord } from '../../../exports/valuesFixtures'
import { finalizedJourney, journeyRecordV1, smallJourneyRecord } from '../../../exports/journeyFixtures'
import { supportPlanRecord } from '../../../exports/planFixtures'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()
const libraryPath = () => join(tempDir(), 'library.json')
const onDisk = async () => JSON.parse(await readFile(libraryPath(), 'utf8'))
const titles = (library: LibraryService) => library.list().map((workshop) => workshop.title)
const UNKNOWN = 'That workshop no longer exists. It may have been deleted in another window.'

describe('LibraryService', () => {
  it('starts empty in a new folder and writes library.json on the first change', async () => {
    const library = await LibraryService.open(tempDir())
    expect(library.list()).toEqual([])
    expect(library.notices).toEqual([])

    const created = await library.create({ template: 'core-values', title: 'Team values' })
    expect(created).toMatchObject({ title: 'Team values', template: 'core-values', status: 'draft', trashedAt: null })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.createdAt).toBe(created.updatedAt)
    expect(library.get(created.id)).toEqual(created)
    expect(await onDisk()).toEqual({ schemaVersion: 6, workshops: [{ ...created, result: null }], settings: {} })
  })

  it('lists the most recently changed first', async () => {
    const library = await LibraryService.open(tempDir())
    const a = await library.create({ template: 'core-values', title: 'A' })
    await library.create({ template: 'journey-map', title: 'B' })
    await library.create({ template: 'core-values', title: 'C' })
    expect(titles(library)).toEqual(['C', 'B', 'A'])

    await library.rename(a.id, 'A renamed')
    expect(titles(library)).toEqual(['A renamed', 'C', 'B'])
    await library.touch(library.list()[2]!.id)
    expect(titles(library)).toEqual(['B', 'A renamed', 'C'])
  })

  it('renames, and keeps the change after reopening', async () => {
    const library = await LibraryService.open(tempDir())
    const created = await library.create({ template: 'core-values', title: 'Draft' })
    const renamed = await library.rename(created.id, 'Leadership offsite')
    expect(renamed.title).toBe('Leadership offsite')
    expect(renamed.updatedAt > created.updatedAt).toBe(true)

    const reopened = await LibraryService.open(tempDir())
    expect(reopened.list()).toEqual([renamed])
  })

  it('duplicates as a new draft titled "(copy)"', async () => {
    const library = await LibraryService.open(tempDir())
    const original = await library.create({ template: 'journey-map', title: 'Onboarding journey' })
    const copy = await library.duplicate(original.id)
    expect(copy).toMatchObject({ title: 'Onboarding journey (copy)', template: 'journey-map', status: 'draft', trashedAt: null })
    expect(copy.id).not.toBe(original.id)
    expect(copy.createdAt > original.createdAt).toBe(true)
    expect((await onDisk()).workshops).toHaveLength(2)
  })

  it('keeps " (copy)" visible when duplicating a title of the longest length', async () => {
    const library = await LibraryService.open(tempDir())
    const original = await library.create({ template: 'core-values', title: 'x'.repeat(TITLE_MAX_LENGTH) })
    const copy = await library.duplicate(original.id)
    expect(copy.title).toHaveLength(TITLE_MAX_LENGTH)
    expect(copy.title.endsWith('x (copy)')).toBe(true)
  })

  it('trashes, restores and deletes for good only from the trash', async () => {
    const library = await LibraryService.open(tempDir())
    const kept = await library.create({ template: 'core-values', title: 'Kept' })
    const doomed = await library.create({ template: 'core-values', title: 'Doomed' })

    await expect(library.deleteForever(doomed.id)).rejects.toThrow(
      '“Doomed” is not in the trash, so it was not deleted. Move it to the trash first if you want to delete it for good.'
    )
    expect(titles(library)).toEqual(['Doomed', 'Kept'])

    const trashed = await library.trash(kept.id)
    expect(trashed.trashedAt).not.toBeNull()
    expect(titles(library)).toContain('Kept')
    expect((await library.restore(kept.id)).trashedAt).toBeNull()

    await library.trash(doomed.id)
    await library.deleteForever(doomed.id)
    expect(titles(library)).toEqual(['Kept'])
    expect((await onDisk()).workshops.map((w: { title: string }) => w.title)).toEqual(['Kept'])
  })

  it('answers an unknown id with a message for the user', async () => {
    const library = await LibraryService.open(tempDir())
    expect(() => library.get('no-such-workshop')).toThrow(UNKNOWN)
    await expect(library.rename('no-such-workshop', 'x')).rejects.toThrow(UNKNOWN)
    await expect(library.trash('no-such-workshop')).rejects.toThrow(UNKNOWN)
  })

  it('keeps every change when called concurrently', async () => {
    const library = await LibraryService.open(tempDir())
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => library.create({ template: 'core-values', title: `Workshop ${i}` }))
    )
    await Promise.all(created.map((workshop) => library.rename(workshop.id, `${workshop.title}!`)))

    const reopened = await LibraryService.open(tempDir())
    expect(reopened.list()).toHaveLength(20)
    expect(reopened.list().every((workshop) => workshop.title.endsWith('!'))).toBe(true)
  })

  it('keeps the old list readable when a write stops before the rename', async () => {
    const library = await LibraryService.open(tempDir())
    await library.create({ template: 'core-values', title: 'Saved' })
    const before = await readFile(libraryPath(), 'utf8')
    await writeTempFile(libraryPath(), '{"schemaVersion": 1, "workshops": [], "sett')

    expect(await readFile(libraryPath(), 'utf8')).toBe(before)
    const reopened = await LibraryService.open(tempDir())
    expect(titles(reopened)).toEqual(['Saved'])
    expect(reopened.notices).toEqual([])
  })

  describe('finalizing a core-values workshop', () => {
    async function finalizable() {
      const library = await LibraryService.open(tempDir())
      const workshop = await library.create({ template: 'core-values', title: 'Support team values' })
      return { library, workshop, record: { ...twelveValueRecord(), workshopId: workshop.id } }
    }
    const ALREADY = 'This workshop was finalized on 25 Nov 2026, 14:30 (UTC); its record cannot change. Duplicate the workshop to run it again.'

    it('stores the record with its SHA-256 as readable JSON and marks the workshop finalized', async () => {
      const { library, workshop, record } = await finalizable()
      expect(library.finalized(workshop.id)).toBeNull()

      const finalized = await library.finalize(workshop.id, record)
      expect(finalized).toEqual({ ...record, contentHash: hashOf(record) })
      expect(finalized.contentHash).toMatch(/^[0-9a-f]{64}$/)
      expect(library.finalized(workshop.id)).toEqual(finalized)
      expect(library.get(workshop.id)).toMatchObject({ status: 'finalized' })
      expect(library.get(workshop.id).updatedAt > workshop.updatedAt).toBe(true)
      // The list carries summaries only; the record is read on its own.
      expect(library.list()[0]).not.toHaveProperty('result')

      const text = await readFile(libraryPath(), 'utf8')
      expect(text).toMatch(/\n +"name": "Integrity",\n/)
      expect((await onDisk()).workshops[0].result).toEqual(finalized)
    })

    it('keeps the record, unchanged, after a restart', async () => {
      const { library, workshop, record } = await finalizable()
      await library.finalize(workshop.id, record)

      const reopened = await LibraryService.open(tempDir())
      const stored = reopened.finalized(workshop.id)!
      const { contentHash, ...hashed } = stored
      expect(hashed).toEqual(record)
      expect(contentHash).toBe(hashOf(hashed))
      expect(reopened.notices).toEqual([])
    })

    it('refuses a second finalize and keeps the first record', async () => {
      const { library, workshop, record } = await finalizable()
      const first = await library.finalize(workshop.id, record)
      const before = await readFile(libraryPath(), 'utf8')

      await expect(library.finalize(workshop.id, { ...record, title: 'Rewritten history' })).rejects.toThrow(ALREADY)
      expect(library.finalized(workshop.id)).toEqual(first)
      expect(await readFile(libraryPath(), 'utf8')).toBe(before)
      await expect((await LibraryService.open(tempDir())).finalize(workshop.id, record)).rejects.toThrow(ALREADY)
    })

    it('refuses a record that breaks the schema, saying which fields, and stays a draft', async () => {
      const { library, workshop, record } = await finalizable()
      const broken = { ...record, values: [{ ...record.values[0]!, name: '', weDo: ['x'.repeat(1001)] }], finalizedAt: 'yesterday' }

      await expect(library.finalize(workshop.id, broken)).rejects.toThrow(
        "The workshop's record could not be stored, so it was not finalized: finalizedAt Invalid ISO datetime; " +
          'values.0.name a value name cannot be empty; values.0.weDo.0 a behaviour can be at most 1000 characters.'
      )
      await expect(library.finalize(workshop.id, { ...record, values: [] })).rejects.toThrow('values a record needs at least one value.')
      expect(library.finalized(workshop.id)).toBeNull()
      expect(library.get(workshop.id).status).toBe('draft')
    })

    it('refuses a record that would expose people: names in an anonymous workshop, a consensus from too few', async () => {
      const { library, workshop, record } = await finalizable()
      const tooFew = { scores: [0, 0, 0, 1, 1, 0], voters: 2, average: 4.5, flagged: false }
      await expect(
        library.finalize(workshop.id, { ...record, anonymous: true, values: [{ ...record.values[0]!, consensus: tooFew }] })
      ).rejects.toThrow(
        'participants.names must be empty (null) in an anonymous workshop; ' +
          'values.0.consensus.average must be empty (null) when fewer than 3 people voted.'
      )
      expect(library.finalized(workshop.id)).toBeNull()
    })

    it('refuses a record for another workshop, a workshop of another template, and a workshop in the trash', async () => {
      const { library, workshop, record } = await finalizable()
      await expect(library.finalize(workshop.id, { ...record, workshopId: 'another-workshop-0001' })).rejects.toThrow(
        "The workshop's record belongs to another workshop, so it was not finalized."
      )
      const journey = await library.create({ template: 'journey-map', title: 'Journey' })
      await expect(library.finalize(journey.id, { ...record, workshopId: journey.id })).rejects.toThrow(
        'This workshop is made from the template “Employee journey map”; it cannot be finalized with a record of “Core values”.'
      )
      await library.trash(workshop.id)
      await expect(library.finalize(workshop.id, record)).rejects.toThrow('This workshop is in the trash. Restore it before finalizing it.')
      await expect(library.finalize('no-such-workshop', record)).rejects.toThrow(UNKNOWN)
    })

    it('stores a journey map’s and a program plan’s record the same way, each with its hash', async () => {
      const library = await LibraryService.open(tempDir())
      const journey = await library.create({ template: 'journey-map', title: 'Joining us' })
      const plan = await library.create({ template: 'program-plan', title: 'Fix onboarding' })
      const journeyRecord = { ...smallJourneyRecord(), workshopId: journey.id }
      const planRecord = { ...supportPlanRecord(), workshopId: plan.id }
      expect(await library.finalize(journey.id, journeyRecord)).toEqual({ ...journeyRecord, contentHash: hashOf(journeyRecord) })
      expect(await library.finalize(plan.id, planRecord)).toEqual({ ...planRecord, contentHash: hashOf(planRecord) })
      await expect(library.finalize(plan.id, { ...journeyRecord, workshopId: plan.id })).rejects.toThrow(/finalized on/)

      const reopened = await LibraryService.open(tempDir())
      expect(reopened.finalized(journey.id)).toEqual({ ...journeyRecord, contentHash: hashOf(journeyRecord) })
      expect(reopened.get(plan.id).status).toBe('finalized')
    })

    it('duplicates a finalized workshop as a draft without its record', async () => {
      const { library, workshop, record } = await finalizable()
      await library.finalize(workshop.id, record)
      const copy = await library.duplicate(workshop.id)

      expect(copy).toMatchObject({ title: 'Support team values (copy)', status: 'draft' })
      expect(library.finalized(copy.id)).toBeNull()
      expect((await onDisk()).workshops.find((each: { id: string }) => each.id === copy.id).result).toBeNull()
      await library.finalize(copy.id, { ...record, workshopId: copy.id })
      expect(library.finalized(copy.id)?.workshopId).toBe(copy.id)
    })
  })

  describe('schema versions', () => {
    const v0 = {
      workshops: [
        {
          id: 'f0e3b7a2-0000-4000-8000-000000000001',
          title: 'From the first release',
          template: 'core-values',
          status: 'finalized',
          createdAt: '2024-05-01T09:00:00.000Z',
          updatedAt: '2024-05-02T09:00:00.000Z',
          trashedAt: null
        }
      ]
    }

    it('upgrades a file without schemaVersion and saves it in the current format', async () => {
      await writeFile(libraryPath(), JSON.stringify(v0))
      const library = await LibraryService.open(tempDir())
      expect(titles(library)).toEqual(['From the first release'])
      expect(await onDisk()).toEqual({
        schemaVersion: 6,
        workshops: v0.workshops.map((workshop) => ({ ...workshop, result: null })),
        settings: {}
      })
      expect(JSON.parse(await readFile(`${libraryPath()}.bak`, 'utf8'))).toEqual(v0)
    })

    it('reads a journey map finalized before tie decisions were kept (version 1) as it was hashed', async () => {
      const result = finalizedJourney(journeyRecordV1(smallJourneyRecord()))
      const workshop = { ...v0.workshops[0]!, id: result.workshopId, template: 'journey-map', result }
      await writeFile(libraryPath(), JSON.stringify({ schemaVersion: 5, workshops: [workshop], settings: {} }))
      const library = await LibraryService.open(tempDir())
      expect(library.finalized(result.workshopId)).toEqual(result)
      expect(result.contentHash).toBe(hashOf(journeyRecordV1(smallJourneyRecord())))
    })

    it('refuses a file from a newer version of the app and leaves it untouched', async () => {
      const newer = JSON.stringify({ schemaVersion: 7, workshops: [], settings: {}, somethingNew: true })
      await writeFile(libraryPath(), newer)
      await expect(LibraryService.open(tempDir())).rejects.toThrow(
        `Your workshop list (${libraryPath()}) was made by a newer version of Workshop Studio ` +
          '(format 7; this version reads format 6 and older). It was left unchanged. Install the newer version to open it.'
      )
      expect(await readFile(libraryPath(), 'utf8')).toBe(newer)
      expect(await readdir(tempDir())).toEqual(['library.json'])
    })
  })

  describe('a damaged library.json', () => {
    it('is set aside and the previous copy restored, with a notice', async () => {
      const library = await LibraryService.open(tempDir())
      await library.create({ template: 'core-values', title: 'Before' })
      await library.create({ template: 'core-values', title: 'Latest' })
      await writeFile(libraryPath(), '{"schemaVersion": 1, "workshops": [{"id": ')

      const reopened = await LibraryService.open(tempDir())
      expect(titles(reopened)).toEqual(['Before'])
      const damaged = (await readdir(tempDir())).find((name) => name.startsWith('library.json.damaged-'))
      expect(damaged).toBeDefined()
      expect(await readFile(join(tempDir(), damaged!), 'utf8')).toBe('{"schemaVersion": 1, "workshops": [{"id": ')
      expect(reopened.notices).toEqual([
        `Your workshop list (library.json) was damaged and could not be read. It was set aside as ${damaged} in ${tempDir()}; ` +
          'the copy from before your last change was restored, so that change may be missing.'
      ])
      expect((await onDisk()).workshops.map((w: { title: string }) => w.title)).toEqual(['Before'])
    })

    it('that parses but breaks the schema is treated the same way', async () => {
      await writeFile(libraryPath(), JSON.stringify({ schemaVersion: 1, workshops: [{ id: 42 }], settings: {} }))
      const library = await LibraryService.open(tempDir())
      expect(library.list()).toEqual([])
      expect(library.notices).toHaveLength(1)
      expect(library.notices[0]).toMatch(/no earlier copy existed, and there were no boards to rebuild it from, so the list starts empty\.$/)
    })

    it('with a damaged previous copy too starts empty and keeps both files', async () => {
      await writeFile(libraryPath(), 'not json')
      await writeFile(`${libraryPath()}.bak`, 'not json either')
      const library = await LibraryService.open(tempDir())
      expect(library.list()).toEqual([])

      const names = await readdir(tempDir())
      const damaged = names.find((name) => name.startsWith('library.json.damaged-'))
      const backupAside = names.find((name) => name.startsWith('library.json.bak.damaged-'))
      expect(await readFile(join(tempDir(), damaged!), 'utf8')).toBe('not json')
      expect(await readFile(join(tempDir(), backupAside!), 'utf8')).toBe('not json either')
      expect(library.notices[0]).toContain(
        `the earlier copy could not be read either and was set aside as ${backupAside}, and there were no boards to rebuild it from, so the list starts empty.`
      )
    })

    it('with both copies damaged is rebuilt from the boards in the workshops folder, losing none of them', async () => {
      const docs = new DocsService(tempDir())
      const boards = [
        { title: 'Values day', template: 'core-values' },
        { title: 'Onboarding journey', template: 'journey-map' }
      ] as const
      const library = await LibraryService.open(tempDir())
      const ids: string[] = []
      for (const { title, template } of boards) {
        const workshop = await library.create({ template, title })
        ids.push(workshop.id)
        const doc = new Y.Doc()
        doc.getMap('meta').set('title', title)
        doc.getMap('meta').set('template', template)
        doc.getMap('notes').set('n1', 'Ownership')
        docs.save(workshop.id, Y.encodeStateAsUpdate(doc))
      }
      await docs.flush()
      await writeFile(libraryPath(), 'not json')
      await writeFile(`${libraryPath()}.bak`, 'not json either')

      const rebuilt = await LibraryService.open(tempDir())
      expect(rebuilt.list().map(({ id, title, template, status }) => ({ id, title, template, status })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
        { id: ids[1], title: 'Onboarding journey', template: 'journey-map', status: 'draft' },
        { id: ids[0], title: 'Values day', template: 'core-values', status: 'draft' }
      ])
      expect(rebuilt.notices[0]).toMatch(/so the list was rebuilt from the 2 boards in .*workshops: titles and templates come from the boards/)
      // Opening a workshop works again, and its board is all there.
      expect(rebuilt.get(ids[0]!).title).toBe('Values day')
      const { state } = await new DocsService(tempDir()).load(ids[0]!)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state!)
      expect(doc.getMap('notes').get('n1')).toBe('Ownership')
      // The rebuilt list is on disk: the next start needs no recovery.
      expect((await LibraryService.open(tempDir())).notices).toEqual([])
    })
  })
})
