/**
 * The index of workshops in `<dataDir>/library.json`: titles, templates, dates, status and
 * settings. Boards themselves live in the docs service's files.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import * as Y from 'yjs'
import { DOC_KEYS } from '../../shared/board'
import { z } from 'zod'
import { canonicalJson } from '../../shared/canonicalJson'
import { UserError } from '../../shared/contract'
import { formatTime } from '../../shared/exports/valuesText'
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../shared/templates'
import {
  finalizedRecordSchema,
  parseRecordFor,
  templateOfRecord,
  type FinalizedRecord,
  type WorkshopRecord
} from '../../shared/workshopRecord'
import { TITLE_MAX_LENGTH, WORKSHOP_STATUSES, type WorkshopSummary } from '../../shared/workshop'
import { moveAsideDamaged, readIfExists, writeFileAtomic } from './atomicFile'
import { readBoardFile } from './docs.service'
import { LIBRARY_SCHEMA_VERSION, libraryMigrations, migrate, NewerVersionError } from './library.migrations'

const timestamp = z.iso.datetime()

const storedWorkshopSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  template: z.enum(TEMPLATE_IDS),
  status: z.enum(WORKSHOP_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
  trashedAt: timestamp.nullable(),
  /** Set once, when the workshop is finalized, and never changed after. */
  result: finalizedRecordSchema.nullable()
}) satisfies z.ZodType<WorkshopSummary & { result: FinalizedRecord | null }>

const librarySchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  workshops: z.array(storedWorkshopSchema),
  // No settings are defined yet; whatever is there is kept as it is.
  settings: z.looseObject({})
})

export type StoredWorkshop = z.infer<typeof storedWorkshopSchema>
export type LibraryData = z.infer<typeof librarySchema>

const UNKNOWN_WORKSHOP_MESSAGE =
  'That workshop no longer exists. It may have been deleted in another window.'

const COPY_SUFFIX = ' (copy)'

const emptyLibrary = (): LibraryData => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, workshops: [], settings: {} })

type Parsed =
  | { kind: 'ok'; data: LibraryData; migrated: boolean }
  | { kind: 'damaged' }
  | { kind: 'newer'; version: number }

function parseLibrary(bytes: Uint8Array): Parsed {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return { kind: 'damaged' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'damaged' }
  const raw = json as Record<string, unknown>
  let migrated
  try {
    migrated = migrate(raw, libraryMigrations, LIBRARY_SCHEMA_VERSION)
  } catch (error) {
    if (error instanceof NewerVersionError) return { kind: 'newer', version: error.version }
    // A bad schemaVersion, or a step tripping over fields of the wrong type.
    if (error instanceof TypeError) return { kind: 'damaged' }
    throw error
  }
  const result = librarySchema.safeParse(migrated)
  if (!result.success) return { kind: 'damaged' }
  return { kind: 'ok', data: result.data, migrated: raw.schemaVersion !== LIBRARY_SCHEMA_VERSION }
}

/**
 * lowdb adapter for library.json: validated and migrated on read, replaced atomically on
 * write with the previous good copy kept as library.json.bak. A damaged file is set aside,
 * never overwritten, and the user is told in `notices`.
 */
class LibraryFile implements Adapter<LibraryData> {
  readonly notices: string[] = []
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  async read(): Promise<LibraryData | null> {
    const bytes = await readIfExists(this.#path)
    if (!bytes) return null
    const parsed = parseLibrary(bytes)
    if (parsed.kind === 'newer') {
      throw new UserError(
        `Your workshop list (${this.#path}) was made by a newer version of Workshop Studio ` +
          `(format ${parsed.version}; this version reads format ${LIBRARY_SCHEMA_VERSION} and older). ` +
          'It was left unchanged. Install the newer version to open it.'
      )
    }
    if (parsed.kind === 'damaged') return this.#recover()
    if (parsed.migrated) await this.write(parsed.data)
    return parsed.data
  }

  write(data: LibraryData): Promise<void> {
    return writeFileAtomic(this.#path, `${JSON.stringify(data, null, 2)}\n`, {
      isIntact: (current) => parseLibrary(current).kind === 'ok'
    })
  }

  async #recover(): Promise<LibraryData> {
    const folder = dirname(this.#path)
    const name = basename(this.#path)
    const damaged = await moveAsideDamaged(this.#path)
    const lead = `Your workshop list (${name}) was damaged and could not be read. It was set aside as ${damaged} in ${folder}`

    const backupPath = `${this.#path}.bak`
    const backup = await readIfExists(backupPath)
    if (!backup) return this.#rebuild(`${lead}; no earlier copy existed`)
    const parsed = parseLibrary(backup)
    if (parsed.kind !== 'ok') {
      const backupAside = await moveAsideDamaged(backupPath)
      return this.#rebuild(`${lead}; the earlier copy could not be read either and was set aside as ${backupAside}`)
    }
    // The damaged file is gone from this path, so this write leaves the .bak as it is.
    await this.write(parsed.data)
    this.notices.push(`${lead}; the copy from before your last change was restored, so that change may be missing.`)
    return parsed.data
  }

  /**
   * With no readable list at all, the list is made again from the boards in the workshops
   * folder: each board keeps its title and template in its own `meta`. What only the list held
   * is gone: trash, dates (the board file's are used) and finalized records, so every workshop
   * comes back as a draft, and the user is told.
   */
  async #rebuild(lead: string): Promise<LibraryData> {
    const folder = join(dirname(this.#path), 'workshops')
    const names = await readdir(folder).catch(() => [] as string[])
    const workshops: StoredWorkshop[] = []
    for (const name of names) {
      const id = /^([a-z0-9-]+)\.ydoc$/.exec(name)?.[1]
      const file = id ? await readIfExists(join(folder, name)) : null
      const state = file && readBoardFile(file)
      if (!id || !state) continue
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const meta = doc.getMap(DOC_KEYS.meta)
      const title = meta.get('title')
      const template = meta.get('template')
      const changed = (await stat(join(folder, name))).mtime.toISOString()
      workshops.push({
        id,
        title: typeof title === 'string' && title.trim() ? title.slice(0, TITLE_MAX_LENGTH) : 'Recovered workshop',
        template: TEMPLATE_IDS.includes(template as TemplateId) ? (template as TemplateId) : 'core-values',
        status: 'draft',
        createdAt: changed,
        updatedAt: changed,
        trashedAt: null,
        result: null
      })
      doc.destroy()
    }
    const data: LibraryData = { ...emptyLibrary(), workshops }
    await this.write(data)
    this.notices.push(
      workshops.length === 0
        ? `${lead}, and there were no boards to rebuild it from, so the list starts empty.`
        : `${lead}, so the list was rebuilt from the ${workshops.length} board${workshops.length === 1 ? '' : 's'} in ${folder}: ` +
            'titles and templates come from the boards, nothing on them was lost. Finalized results and the trash were only in the list, ' +
            'so every workshop is back as a draft: finalize again to store a result.'
    )
    return data
  }
}

function byMostRecentChange(a: StoredWorkshop, b: StoredWorkshop): number {
  return b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
}

/** Cuts a title so that `suffix` still fits within TITLE_MAX_LENGTH, never through a character. */
function withSuffix(title: string, suffix: string): string {
  let base = title.slice(0, TITLE_MAX_LENGTH - suffix.length)
  if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1)
  return `${base.trimEnd()}${suffix}`
}

/** What the list shows: everything but the finalized result, which is read on its own. */
const summary = ({ result: _result, ...workshop }: StoredWorkshop): WorkshopSummary => workshop

/** SHA-256 of the record's canonical JSON, so anyone can check an export against it. */
export const contentHashOf = (record: WorkshopRecord): string =>
  createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex')

export class LibraryService {
  /** What the user should be told about this start, such as a damaged file that was restored. */
  readonly notices: readonly string[]
  readonly #db: Low<LibraryData>
  #queue: Promise<unknown> = Promise.resolve()
  #lastStamp = 0

  private constructor(db: Low<LibraryData>, notices: readonly string[]) {
    this.#db = db
    this.notices = notices
  }

  /** Reads (and if needed upgrades or recovers) `<dataDir>/library.json`. */
  static async open(dataDir: string): Promise<LibraryService> {
    const file = new LibraryFile(join(dataDir, 'library.json'))
    const db = new Low<LibraryData>(file, emptyLibrary())
    await db.read()
    return new LibraryService(db, file.notices)
  }

  /** A new draft workshop, added to `data`; what create and duplicate have in common. */
  #addDraft(data: LibraryData, title: string, template: TemplateId): WorkshopSummary {
    const now = this.#now()
    const workshop: StoredWorkshop = {
      id: randomUUID(),
      title,
      template,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      trashedAt: null,
      result: null
    }
    data.workshops.push(workshop)
    return summary(workshop)
  }

  /** Every workshop, trashed ones included, most recently changed first. */
  list(): WorkshopSummary[] {
    return [...this.#db.data.workshops].sort(byMostRecentChange).map(summary)
  }

  get(id: string): WorkshopSummary {
    return summary(this.#find(this.#db.data, id))
  }

  create(input: { template: TemplateId; title: string }): Promise<WorkshopSummary> {
    return this.#mutate((data) => this.#addDraft(data, input.title, input.template))
  }

  rename(id: string, title: string): Promise<WorkshopSummary> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      workshop.title = title
      workshop.updatedAt = this.#now()
      return summary(workshop)
    })
  }

  /** A new draft with the same template, titled "<title> (copy)". Its board is the docs service's to copy. */
  duplicate(id: string): Promise<WorkshopSummary> {
    return this.#mutate((data) => {
      const source = this.#find(data, id)
      return this.#addDraft(data, withSuffix(source.title, COPY_SUFFIX), source.template)
    })
  }

  trash(id: string): Promise<WorkshopSummary> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      workshop.trashedAt ??= this.#now()
      return summary(workshop)
    })
  }

  restore(id: string): Promise<WorkshopSummary> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      workshop.trashedAt = null
      return summary(workshop)
    })
  }

  /** Removes a trashed workshop from the list for good. Its board file is the docs service's to delete. */
  deleteForever(id: string): Promise<void> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      if (workshop.trashedAt === null) {
        throw new UserError(
          `“${workshop.title}” is not in the trash, so it was not deleted. Move it to the trash first if you want to delete it for good.`
        )
      }
      data.workshops = data.workshops.filter((each) => each.id !== id)
    })
  }

  /**
   * Stores the workshop's finalized record with its content hash and marks the workshop
   * finalized. A record is stored once: a second finalize is refused, so every export made
   * from it stays true.
   */
  finalize(id: string, record: WorkshopRecord): Promise<FinalizedRecord> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      if (workshop.result) {
        throw new UserError(
          `This workshop was finalized on ${formatTime(workshop.result.finalizedAt)}; its record cannot change. ` +
            'Duplicate the workshop to run it again.'
        )
      }
      if (workshop.trashedAt !== null) {
        throw new UserError('This workshop is in the trash. Restore it before finalizing it.')
      }
      if (templateOfRecord(record) !== workshop.template) {
        throw new UserError(
          `This workshop is made from the template “${TEMPLATES[workshop.template].name}”; it cannot be finalized with a record of “${TEMPLATES[templateOfRecord(record)].name}”.`
        )
      }
      const parsed = parseRecordFor(workshop.template, record)
      if (!parsed.ok) {
        throw new UserError(`The workshop's record could not be stored, so it was not finalized: ${parsed.problems}.`)
      }
      if (parsed.record.workshopId !== id) {
        throw new UserError("The workshop's record belongs to another workshop, so it was not finalized.")
      }
      const result = { ...parsed.record, contentHash: contentHashOf(parsed.record) } as FinalizedRecord
      workshop.result = result
      workshop.status = 'finalized'
      workshop.updatedAt = this.#now()
      return structuredClone(result)
    })
  }

  /** The workshop's finalized record, or null while it is not finalized. */
  finalized(id: string): FinalizedRecord | null {
    const { result } = this.#find(this.#db.data, id)
    return result ? structuredClone(result) : null
  }

  /** Marks a workshop as just changed; called when its board is saved. */
  touch(id: string): Promise<WorkshopSummary> {
    return this.#mutate((data) => {
      const workshop = this.#find(data, id)
      workshop.updatedAt = this.#now()
      return summary(workshop)
    })
  }

  #find(data: LibraryData, id: string): StoredWorkshop {
    const workshop = data.workshops.find((each) => each.id === id)
    if (!workshop) throw new UserError(UNKNOWN_WORKSHOP_MESSAGE)
    return workshop
  }

  /** Strictly increasing, so the list keeps the order of changes made within one millisecond. */
  #now(): string {
    this.#lastStamp = Math.max(Date.now(), this.#lastStamp + 1)
    return new Date(this.#lastStamp).toISOString()
  }

  /**
   * Runs one change and saves it, one change at a time, so concurrent calls never write
   * older data over newer. If the save fails the change is undone in memory too, so the
   * list on screen never shows what is not on disk.
   */
  #mutate<T>(change: (data: LibraryData) => T): Promise<T> {
    const run = this.#queue.then(async () => {
      const before = structuredClone(this.#db.data)
      try {
        const result = change(this.#db.data)
        await this.#db.write()
        return result
      } catch (error) {
        this.#db.data = before
        throw error
      }
    })
    this.#queue = run.catch(() => undefined)
    return run
  }
}
