import * as Y from 'yjs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { dispatch, type AllHandlers, type EventMessage } from '../../../../shared/contract'
import { TITLE_MAX_LENGTH } from '../../../../shared/workshop'
import { decodeDocFile, DocsService } from '../../../../electron/services/docs.service'
import { ExportsService } from '../../../../electron/services/exports.service'
import { createHandlers, type HandlerDeps } from '../../../../electron/services/handlers'
import { LibraryService } from '../../../../electron/services/library.service'
import { twelveValueRecord } from '../../../exports/valuesFixtures'
import { loopbackSessions } from '../loopbackSessions'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

async function setUp(extra: Partial<HandlerDeps> = {}) {
  const library = await LibraryService.open(tempDir())
  const docs = new DocsService(tempDir())
  const events: EventMessage[] = []
  const handlers: AllHandlers = createHandlers({
    library,
    docs,
    exportsService: new ExportsService(library, join(tempDir(), 'exports')),
    sessions: loopbackSessions(tempDir()),
    info: () => ({ version: '1.2.3', mode: 'host', dataDir: tempDir(), notices: [...library.notices] }),
    emit: (namespace, event, payload) => events.push({ namespace, event, payload }),
    ...extra
  })
  const call = async (namespace: string, name: string, ...args: unknown[]) => {
    const reply = await dispatch(handlers, namespace, name, args)
    if (!reply.ok) throw new Error(reply.error)
    return reply.value
  }
  return { library, docs, events, handlers, call }
}

const boardFile = (id: string) => join(tempDir(), 'workshops', `${id}.ydoc`)

describe('handlers', () => {
  it('creates, renames and lists through the contract and tells every window', async () => {
    const { call, events } = await setUp()
    const created = (await call('library', 'create', { template: 'core-values', title: '  Values day  ' })) as { id: string }
    await call('library', 'rename', created.id, 'Values day 2')
    expect(await call('library', 'list')).toMatchObject([{ id: created.id, title: 'Values day 2' }])
    expect(events).toEqual([
      { namespace: 'library', event: 'changed', payload: null },
      { namespace: 'library', event: 'changed', payload: null }
    ])
  })

  describe('refuses bad requests with a clear message and without touching the services', () => {
    const cases: Array<[string, string, unknown[], string]> = [
      ['library', 'create', [{ template: 'core-values', title: '   ' }], 'Invalid request to library.create: argument 0.title a title cannot be empty.'],
      ['library', 'create', [{ template: 'core-values', title: 'x'.repeat(TITLE_MAX_LENGTH + 1) }], `Invalid request to library.create: argument 0.title a title can be at most ${TITLE_MAX_LENGTH} characters.`],
      ['library', 'create', [{ template: 'brainstorm', title: 'Hi' }], 'Invalid request to library.create: argument 0.template'],
      ['library', 'rename', [42, 'New title'], 'Invalid request to library.rename: argument 0 expected string, received number.'],
      ['library', 'trash', ['../../etc/passwd'], 'Invalid request to library.trash: argument 0 is not a workshop id.'],
      ['library', 'format', [], 'Unknown request library.format.'],
      ['docs', 'save', ['a1b2c3d4-0000-4000-8000-000000000001', 'not bytes'], 'Invalid request to docs.save: argument 1 must be binary document state.'],
      ['docs', 'save', ['a1b2c3d4-0000-4000-8000-000000000001', [1, 2, 3]], 'Invalid request to docs.save: argument 1 must be binary document state.']
    ]
    it.each(cases)('%s.%s %j', async (namespace, name, args, message) => {
      const { library, docs, handlers, events } = await setUp()
      const spies = [
        ...(['create', 'rename', 'trash'] as const).map((method) => vi.spyOn(library, method)),
        vi.spyOn(docs, 'save')
      ]
      const reply = await dispatch(handlers, namespace, name, args)
      expect(reply.ok).toBe(false)
      expect(reply.ok ? '' : reply.error).toContain(message)
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
      expect(events).toEqual([])
      expect(await readdir(tempDir())).toEqual([])
    })
  })

  it('duplicates a workshop with its board', async () => {
    const { call } = await setUp()
    const original = (await call('library', 'create', { template: 'journey-map', title: 'Journey' })) as { id: string }
    const doc = new Y.Doc()
    doc.getMap('meta').set('title', 'Journey')
    const board = Y.encodeStateAsUpdate(doc)
    await call('docs', 'save', original.id, board)
    const copy = (await call('library', 'duplicate', original.id)) as { id: string; title: string }

    expect(copy.title).toBe('Journey (copy)')
    expect(decodeDocFile(await readFile(boardFile(copy.id)))).toEqual(board)
    expect(await call('docs', 'load', copy.id)).toEqual({ state: board, notice: null })
  })

  it('deletes the board with the workshop, only from the trash', async () => {
    const { call, docs } = await setUp()
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Gone soon' })) as { id: string }
    await call('docs', 'save', workshop.id, new Uint8Array([9]))
    await docs.flush()

    await expect(call('library', 'deleteForever', workshop.id)).rejects.toThrow('is not in the trash')
    expect(await readdir(join(tempDir(), 'workshops'))).toEqual([`${workshop.id}.ydoc`])

    await call('library', 'trash', workshop.id)
    await call('library', 'deleteForever', workshop.id)
    expect(await readdir(join(tempDir(), 'workshops'))).toEqual([])
    expect(await call('library', 'list')).toEqual([])
  })

  it('refuses to save the board of an unknown or trashed workshop', async () => {
    const { call } = await setUp()
    await expect(call('docs', 'save', 'a1b2c3d4-0000-4000-8000-000000000001', new Uint8Array([1]))).rejects.toThrow(
      'That workshop no longer exists. It may have been deleted in another window.'
    )
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Binned' })) as { id: string }
    await call('library', 'trash', workshop.id)
    await expect(call('docs', 'save', workshop.id, new Uint8Array([1]))).rejects.toThrow(
      'This workshop is in the trash, so changes to its board are not saved. Restore it from the trash to keep working on it.'
    )
    await expect(readdir(join(tempDir(), 'workshops'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('marks a workshop as changed when its board is saved, at most once every 5 seconds', async () => {
    const { call, events } = await setUp()
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Busy' })) as { id: string; updatedAt: string }
    events.length = 0

    await call('docs', 'save', workshop.id, new Uint8Array([1]))
    const afterFirst = JSON.parse(await readFile(join(tempDir(), 'library.json'), 'utf8'))
    expect(afterFirst.workshops[0].updatedAt > workshop.updatedAt).toBe(true)

    await call('docs', 'save', workshop.id, new Uint8Array([1, 2]))
    await call('docs', 'save', workshop.id, new Uint8Array([1, 2, 3]))
    expect(JSON.parse(await readFile(join(tempDir(), 'library.json'), 'utf8'))).toEqual(afterFirst)
    expect(events).toHaveLength(1)
  })

  it('gives app info with the notices from start-up', async () => {
    await writeFile(join(tempDir(), 'library.json'), '{ damaged')
    const { call } = await setUp()
    const info = (await call('app', 'info')) as { version: string; notices: string[] }
    expect(info).toMatchObject({ version: '1.2.3', mode: 'host', dataDir: tempDir() })
    expect(info.notices).toHaveLength(1)
    expect(info.notices[0]).toMatch(/^Your workshop list \(library\.json\) was damaged and could not be read\./)
  })

  it('finalizes a workshop through the contract, once, and tells every window', async () => {
    const { call, events } = await setUp()
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Values' })) as { id: string }
    const record = { ...twelveValueRecord(), workshopId: workshop.id }
    events.length = 0

    const finalized = (await call('library', 'finalize', workshop.id, record)) as { contentHash: string }
    expect(finalized.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await call('library', 'finalized', workshop.id)).toEqual(finalized)
    expect(events).toEqual([{ namespace: 'library', event: 'changed', payload: null }])
    await expect(call('library', 'finalize', workshop.id, record)).rejects.toThrow('This workshop was finalized on 25 Nov 2026, 14:30 (UTC)')
  })

  it('refuses a record that breaks the schema at the boundary, naming the field', async () => {
    const { call } = await setUp()
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Values' })) as { id: string }
    const record = { ...twelveValueRecord(), workshopId: workshop.id, values: 'none' }
    await expect(call('library', 'finalize', workshop.id, record)).rejects.toThrow(
      'Invalid request to library.finalize: argument 1.values expected array, received string.'
    )
  })

  it('exports through the contract, and says there is no folder picker in host mode', async () => {
    const { call } = await setUp()
    const workshop = (await call('library', 'create', { template: 'core-values', title: 'Values' })) as { id: string }
    await call('library', 'finalize', workshop.id, { ...twelveValueRecord(), workshopId: workshop.id })

    const folder = (await call('exports', 'defaultFolder')) as string
    expect(folder).toBe(join(tempDir(), 'exports'))
    const { path } = (await call('exports', 'write', workshop.id, 'csv', `  ${folder}  `)) as { path: string }
    expect(path).toBe(join(folder, 'Support team “values”, 2026 Q4-values.csv'))
    expect(await readdir(folder)).toEqual(['Support team “values”, 2026 Q4-values.csv'])

    await expect(call('exports', 'write', workshop.id, 'docx', folder)).rejects.toThrow('Invalid request to exports.write: argument 1')
    await expect(call('exports', 'write', workshop.id, 'csv', '')).rejects.toThrow(
      'Invalid request to exports.write: argument 2 a folder is needed.'
    )
    await expect(call('exports', 'pickFolder', folder)).rejects.toThrow(
      'There is no folder picker here: type the full path of the folder instead.'
    )
  })

  it('opens the desktop app’s folder picker where the folder was', async () => {
    const pickFolder = vi.fn(async (startIn: string) => `${startIn}/picked`)
    const { call } = await setUp({ pickFolder })
    expect(await call('exports', 'pickFolder', '/home/ana/Documents')).toBe('/home/ana/Documents/picked')
    expect(pickFolder).toHaveBeenCalledWith('/home/ana/Documents')
  })
})
