/**
 * Exports of a finalized workshop into a folder the person chose: each format its template
 * offers, rendered from the stored record (Markdown, HTML, CSV, JSON and SVG by the pure
 * functions in shared/exports, PDF by PDFKit, PNG by resvg), written atomically under a
 * name that never replaces an existing file.
 */
import { mkdir } from 'node:fs/promises'
import { isAbsolute, join, normalize } from 'node:path'
import { UserError } from '../../shared/contract'
import { exportFileName } from '../../shared/exports/fileName'
import { EXPORT_FORMAT_INFO, TEMPLATE_EXPORTS, type ExportFormat, type ExportResult } from '../../shared/exports/formats'
import { journeyCsv } from '../../shared/exports/journeyCsv'
import { journeyJson } from '../../shared/exports/journeyJson'
import { journeyMarkdown } from '../../shared/exports/journeyMarkdown'
import { journeySvg } from '../../shared/exports/journeySvg'
import { planJson } from '../../shared/exports/planJson'
import { planMarkdown } from '../../shared/exports/planMarkdown'
import { valuesCsv } from '../../shared/exports/valuesCsv'
import { valuesHtml } from '../../shared/exports/valuesHtml'
import { valuesJson } from '../../shared/exports/valuesJson'
import { valuesMarkdown } from '../../shared/exports/valuesMarkdown'
import type { FinalizedJourney } from '../../shared/journeyRecord'
import type { FinalizedProgramPlan } from '../../shared/programPlanRecord'
import type { TemplateId } from '../../shared/templates'
import type { FinalizedValues } from '../../shared/valuesRecord'
import type { FinalizedRecord } from '../../shared/workshopRecord'
import { createFileAtomic, errorCode } from './atomicFile'
import { journeyPdf } from './journeyPdf'
import { journeyPng } from './journeyPng'
import type { LibraryService } from './library.service'
import { planPdf } from './planPdf'
import { valuesPdf } from './valuesPdf'

type Rendered = string | Uint8Array | Promise<Uint8Array>
type Renderers<Record> = Partial<{ [format in ExportFormat]: (finalized: Record) => Rendered }>

/** The rendering of each format a template offers (shared/exports/formats.ts lists the same ones for the screen). */
const RENDERERS: { 'core-values': Renderers<FinalizedValues>; 'journey-map': Renderers<FinalizedJourney>; 'program-plan': Renderers<FinalizedProgramPlan> } = {
  'core-values': { markdown: valuesMarkdown, html: valuesHtml, pdf: valuesPdf, csv: valuesCsv, json: valuesJson },
  'journey-map': { pdf: journeyPdf, png: journeyPng, svg: journeySvg, csv: journeyCsv, markdown: journeyMarkdown, json: journeyJson },
  'program-plan': { pdf: planPdf, markdown: planMarkdown, json: planJson }
}

/** The workshop's record in `format`, or null when its template does not offer that format. */
function render(template: TemplateId, format: ExportFormat, finalized: FinalizedRecord): Rendered | null {
  // The library stores a record only after checking it against the workshop's template.
  const renderer = RENDERERS[template][format] as ((record: FinalizedRecord) => Rendered) | undefined
  return renderer ? renderer(finalized) : null
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
        `“${workshop.title}” is not finalized yet, so there is nothing to export. Finalize the workshop first, then export it.`
      )
    }
    if (!isAbsolute(folder)) {
      throw new UserError(`Give the folder as a full path, such as ${this.#defaultFolder}; “${folder}” is not one.`)
    }
    const target = normalize(folder)
    await mkdir(target, { recursive: true }).catch((error: unknown) => {
      throw folderProblem(target, error)
    })
    const rendered = render(workshop.template, format, finalized)
    if (rendered === null) {
      throw new UserError(`${EXPORT_FORMAT_INFO[format].label} is not one of the exports of ${TEMPLATE_EXPORTS[workshop.template].noun}.`)
    }
    const content = await rendered
    return { path: await this.#writeNew(target, finalized.title, workshop.template, format, content) }
  }

  /** Writes under the first free name: "<title>-values.md", then "<title>-values (2).md" and so on. */
  async #writeNew(folder: string, title: string, template: TemplateId, format: ExportFormat, content: string | Uint8Array): Promise<string> {
    for (let copy = 1; copy <= MAX_COPIES; copy++) {
      const path = join(folder, exportFileName(title, template, format, copy))
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
