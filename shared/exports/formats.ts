/**
 * The formats a finalized workshop exports to, per template. This file is all the renderer
 * needs to offer them; the renderings themselves run on the main side.
 */
import type { TemplateId } from '../templates'

export const EXPORT_FORMATS = ['markdown', 'html', 'pdf', 'csv', 'json', 'svg', 'png'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFormatInfo {
  /** What the person sees on the button. */
  label: string
  /** Ends the file name, after "<title>-<what>". */
  extension: string
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  markdown: { label: 'Markdown', extension: '.md' },
  html: { label: 'Web page (HTML)', extension: '.html' },
  pdf: { label: 'PDF', extension: '.pdf' },
  csv: { label: 'Spreadsheet (CSV)', extension: '.csv' },
  json: { label: 'Data (JSON)', extension: '.json' },
  svg: { label: 'Picture (SVG)', extension: '.svg' },
  png: { label: 'Image (PNG)', extension: '.png' }
}

/** What each template exports to, in the order offered, and what each file is for. */
export interface TemplateExports {
  /** Ends the file name, before the extension: "<title>-values.pdf". */
  fileSuffix: string
  /** "a core-values workshop", in messages. */
  noun: string
  /** What the exports hold, in a sentence starting "Save …". */
  what: string
  /** Each format offered, in order, with what its file is for. */
  formats: Partial<Record<ExportFormat, string>>
}

export const TEMPLATE_EXPORTS: Record<TemplateId, TemplateExports> = {
  'core-values': {
    fileSuffix: 'values',
    noun: 'a core-values workshop',
    what: 'the agreed values with their behaviours, the decision record and what the team wrote',
    formats: {
      markdown: 'Plain text for a wiki, an intranet page or a document.',
      html: 'One page with everything in it, to share or to print.',
      pdf: 'Ready to print or send, on A4.',
      csv: 'One row per value and per behaviour, then the ranking and one row per note, for a spreadsheet.',
      json: 'The values, the decision record, the team’s notes and the hash, for other tools.'
    }
  },
  'journey-map': {
    fileSuffix: 'journey-map',
    noun: 'a journey map',
    what: 'the journey map with its notes, votes and emotion curve, and the decision record',
    formats: {
      pdf: 'The map on A3 landscape, ready to print or send.',
      png: 'The map as an image, for slides and chat.',
      svg: 'The map as a drawing that stays sharp at any size.',
      csv: 'One row per note: stage, lane, text, dots, linked value.',
      markdown: 'Plain text for a wiki, an intranet page or a document.',
      json: 'Everything, with the decision record and its hash, for other tools.'
    }
  },
  'program-plan': {
    fileSuffix: 'program-plan',
    noun: 'a program plan',
    what: 'the program plan with its outcomes and the decision record',
    formats: {
      pdf: 'Ready to print or send, on A4.',
      markdown: 'Plain text for a wiki, an intranet page or a document.',
      json: 'Everything, with the decision record and its hash, for other tools.'
    }
  }
}

/** The formats a template's workshop exports to, in the order offered. */
export const formatsOf = (template: TemplateId): ExportFormat[] => Object.keys(TEMPLATE_EXPORTS[template].formats) as ExportFormat[]

/** Longest folder path accepted; above every operating system's own limit. */
export const EXPORT_FOLDER_MAX_LENGTH = 4_096

export interface ExportResult {
  /** The file written, as a full path. */
  path: string
}
