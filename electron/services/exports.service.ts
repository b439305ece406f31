/**
 * Exports of a finalized workshop into a folder the person chose: each format rendered
 * from the stored record (Markdown, HTML, CSV and JSON by the pure functions in
 * shared/exports, PDF by PDFKit), written atomically under a name that never replaces an
 * existing file.
 */
import { mkdir } from 'node:fs/promises'
import { isAbsolute, join, normalize } from 'node:path'
import { UserError } from '../../shared/contract'
import { exportFileName } from '../../shared/exports/fileName'
import { EXPORT_FORMAT_INFO, type ExportFormat, type ExportResult } from '../../shared/exports/formats'
import { valuesCsv } from '../../shared/exports/valuesCsv'
import { valuesHtml } from '../../shared/exports/valuesHtml'
import { valuesJson } from '../../shared/exports/valuesJson'
import { valuesMarkdown } from '../../shared/exports/valuesMarkdown'
import type { FinalizedValues } from '../../shared/valuesRecord'
import { createFileAtomic, errorCode } from './atomicFile'
import type { LibraryService } from './library.service'
import { valuesPdf } from './valuesPdf'

const RENDERERS: Record<ExportFormat, (finalized: FinalizedValues) => string | Uint8Array | Promise<Uint8Array>> = {
  markdown: valuesMarkdown,
  html: valuesHtml,
  pdf: valuesPdf,
  csv: valuesCsv,
  json: valuesJson
}

/** More copies of one export than anyone makes on purpose: past it, something is wrong with the folder. */
const MAX_COPIES = 999

const NO_ACCESS = new Set(['EACCES', 'EPERM', 'EROFS'])

function folderProblem(folder: string, error: unknown): UserError {
  const code = errorCode(error)
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new UserError(`${folder} is a file, or lies inside one, not a folder. Choose a folder to export to.`)
  }
  if (code && NO_ACCESS.has(code)) {
    return new UserError(`Workshop Studio may not write in ${folder} (${code}). Choose a folder you can save files in.`)
  }
  if (code === 'ENOSPC') return new UserError(`The disk holding ${folder} is full. Free some space or choose another folder.`)
  return new UserError(`Workshop Studio could not write in ${folder}${code ? ` (${code})` : ''}. Choose another folder.`)
}

export class ExportsService {
  readonly #library: LibraryService
  readonly #defaultFolder: string

  constructor(library: LibraryService, defaultFolder: string) {
    this.#library = library
    this.#defaultFolder = defaultFolder
  }

  /** Where exports go unless the person picks another folder. */
  defaultFolder(): string {
    return this.#defaultFolder
  }

  /** Writes one format of a finalized workshop into `folder`, creating the folder if needed. */
  async write(workshopId: string, format: ExportFormat, folder: string): Promise<ExportResult> {
    const workshop = this.#library.get(workshopId)
    const finalized = this.#library.finalized(workshopId)
    if (!finalized) {
      throw new UserError(
        `“${workshop.title}” is not finalized yet, so it has no values to export. Finalize the workshop first, then export it.`
      )
    }
    if (!isAbsolute(folder)) {
      throw new UserError(`Give the folder as a full path, such as ${this.#defaultFolder}; “${folder}” is not one.`)
    }
    const target = normalize(folder)
    await mkdir(target, { recursive: true }).catch((error: unknown) => {
      throw folderProblem(target, error)
    })
    const content = await RENDERERS[format](finalized)
    return { path: await this.#writeNew(target, finalized.title, format, content) }
  }

  /** Writes under the first free name: "<title>-values.md", then "<title>-values (2).md" and so on. */
  async #writeNew(folder: string, title: string, format: ExportFormat, content: string | Uint8Array): Promise<string> {
    for (let copy = 1; copy <= MAX_COPIES; copy++) {
      const path = join(folder, exportFileName(title, format, copy))
      try {
        await createFileAtomic(path, content)
        return path
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue
        throw folderProblem(folder, error)
      }
    }
    throw new UserError(
      `${folder} already holds ${MAX_COPIES} ${EXPORT_FORMAT_INFO[format].label} exports of “${title}”. Move some away or choose another folder.`
    )
  }
}
