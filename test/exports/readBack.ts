/**
 * Reads exports back with consumers no one here wrote, for unit and end-to-end tests alike:
 * pdftotext (poppler) for PDF, csv-parse for CSV, marked for Markdown (rendered, then read
 * as a page), parse5 for HTML, and Ajv against the published JSON Schema for JSON.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseCsv } from 'csv-parse/sync'
import { marked, type Token } from 'marked'
import { parse as parseHtml, type DefaultTreeAdapterTypes } from 'parse5'
import { valuesJsonSchema, type ValuesJsonDocument } from '../../shared/exports/valuesJson'

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document
type Element = DefaultTreeAdapterTypes.Element

/** All whitespace gone: for text that a layout may wrap or split into paragraphs. */
export const squash = (text: string) => text.replace(/\s+/g, '')

const isElement = (node: Node): node is Element => 'tagName' in node

function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node
  for (const child of 'childNodes' in node ? node.childNodes : []) yield* elements(child)
}

/** The text a reader sees: line breaks as "\n", everything else as written. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value
  if (isElement(node) && node.tagName === 'br') return '\n'
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}

const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value
const hasClass = (element: Element, name: string) => (attribute(element, 'class') ?? '').split(/\s+/).includes(name)
const within = (root: Node, predicate: (element: Element) => boolean) => [...elements(root)].filter(predicate)

export interface ReadPage {
  title: string
  /** Every element's tag name, to show that no text turned into markup. */
  tags: string[]
  /** Every src, href and similar attribute: a standalone page has none pointing outside. */
  links: string[]
  text: string
}

function readPage(document: DefaultTreeAdapterTypes.Document): ReadPage {
  const all = [...elements(document)]
  return {
    title: textOf(all.find((element) => element.tagName === 'title') ?? document),
    tags: all.map((element) => element.tagName),
    links: all.flatMap((element) => element.attrs.filter((attr) => ['src', 'href', 'srcset', 'action'].includes(attr.name)).map((attr) => attr.value)),
    text: textOf(document)
  }
}

export interface HtmlValue {
  name: string
  definition: string
  weDo: string[]
  weDont: string[]
  examples: string[]
  consensus: string | null
}

/** A group of notes under its heading: a cluster, or the notes left unsorted. */
export interface NoteGroup {
  title: string
  notes: string[]
}

/** The exported web page as a browser's parser builds it, and each value's parts found in it. */
export function readHtml(html: string): ReadPage & {
  values: HtmlValue[]
  recordText: string
  /** Each place of the dot vote's ranking as a reader sees it, its rank first. */
  ranking: string[]
  teamNotes: { text: string; groups: NoteGroup[] } | null
} {
  const document = parseHtml(html)
  const listItems = (section: Element, className: string) =>
    within(section, (element) => hasClass(element, className)).flatMap((list) => within(list, (element) => element.tagName === 'li').map(textOf))
  const values = within(document, (element) => element.tagName === 'section' && hasClass(element, 'value')).map((section) => ({
    name: textOf(within(section, (element) => element.tagName === 'h2')[0]!),
    definition: within(section, (element) => hasClass(element, 'definition')).map(textOf).join('\n\n'),
    weDo: listItems(section, 'we-do'),
    weDont: listItems(section, 'we-dont'),
    examples: within(section, (element) => element.tagName === 'blockquote').map((quote) =>
      within(quote, (element) => element.tagName === 'p').map(textOf).join('\n\n')
    ),
    consensus: within(section, (element) => hasClass(element, 'consensus')).map(textOf)[0] ?? null
  }))
  const record = within(document, (element) => element.tagName === 'section' && hasClass(element, 'record'))[0]
  const notes = within(document, (element) => element.tagName === 'section' && hasClass(element, 'team-notes'))[0]
  const teamNotes = notes && {
    text: textOf(notes),
    groups: within(notes, (element) => element.tagName === 'section' && hasClass(element, 'cluster')).map((cluster) => ({
      title: textOf(within(cluster, (element) => element.tagName === 'h3')[0]!),
      notes: within(cluster, (element) => element.tagName === 'li').map(textOf)
    }))
  }
  const ranking = record ? listItems(record, 'ranking') : []
  return { ...readPage(document), values, recordText: record ? textOf(record) : '', ranking, teamNotes: teamNotes ?? null }
}

export interface MarkdownSection {
  /** A level-2 heading's text, as a Markdown reader shows it. */
  heading: string
  /** The items of every list in the section. */
  items: string[]
  /** Every table in the section: its rows (the header row first), each a list of cell texts. */
  tables: string[][][]
  text: string
  /** The section split at each level-3 heading: the heading and the items of the lists under it. */
  groups: NoteGroup[]
}

export interface ReadMarkdown extends ReadPage {
  headings: Array<{ depth: number; text: string }>
  sections: MarkdownSection[]
  /** The section under the level-2 heading with this text; it fails the test when there is none. */
  section(heading: string): MarkdownSection
  rawHtml: string[]
}

/**
 * The Markdown as marked reads it: its block structure (headings by level), and the page it
 * renders to, read back with parse5 and split at each level-2 heading.
 */
export function readMarkdown(markdown: string): ReadMarkdown {
  const tokens = marked.lexer(markdown)
  const rawHtml: string[] = []
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'html') rawHtml.push(token.raw)
  })
  const document = parseHtml(`<!doctype html><title>markdown</title>${marked.parser(tokens)}`)
  const body = [...elements(document)].find((element) => element.tagName === 'body')!
  const sections: MarkdownSection[] = []
  for (const node of body.childNodes) {
    if (!isElement(node)) continue
    if (node.tagName === 'h2') sections.push({ heading: textOf(node), items: [], tables: [], text: '', groups: [] })
    const section = sections.at(-1)
    if (!section || node.tagName === 'h2') continue
    if (node.tagName === 'h3') section.groups.push({ title: textOf(node), notes: [] })
    const items = within(node, (element) => element.tagName === 'li').map((item) => textOf(item).trim())
    section.items.push(...items)
    section.groups.at(-1)?.notes.push(...items)
    section.tables.push(
      ...within(node, (element) => element.tagName === 'table').map((table) =>
        within(table, (element) => element.tagName === 'tr').map((row) => within(row, (cell) => cell.tagName === 'th' || cell.tagName === 'td').map(textOf))
      )
    )
    section.text += `${textOf(node)}\n`
  }
  const headings = within(body, (element) => /^h[1-6]$/.test(element.tagName)).map((heading) => ({
    depth: Number(heading.tagName[1]),
    text: textOf(heading)
  }))
  const section = (heading: string) => {
    const found = sections.find((each) => each.heading === heading)
    if (!found) throw new Error(`No section “${heading}” in: ${sections.map((each) => each.heading).join(', ')}`)
    return found
  }
  return { ...readPage(document), headings, sections, section, rawHtml }
}

/**
 * Markup that came out of what people typed: raw HTML, and any script, bold or link element
 * (a record's Markdown makes none of them itself). Empty when every text stayed text.
 */
export const injectedMarkup = (read: ReadMarkdown): string[] => [...read.rawHtml, ...read.tags.filter((tag) => ['script', 'b', 'a'].includes(tag))]

/** CSV rows as objects keyed by the header row. */
export function readCsv(csv: string): Array<Record<string, string>> {
  return parseCsv(csv, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>
}

/**
 * A CSV file that holds more than one table, each after an empty row, as a program reads
 * it: every row as the list of its cells, tables split at the empty rows.
 */
export function readCsvTables(csv: string): string[][][] {
  const rows = parseCsv(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
  const tables: string[][][] = [[]]
  for (const row of rows) {
    if (row.every((cell) => cell === '')) tables.push([])
    else tables.at(-1)!.push(row)
  }
  return tables.filter((table) => table.length > 0)
}

/** The rows of the table under a title row ("Ranking", "What the team wrote"), the title left out; it fails the test when there is none. */
export function titledTable(tables: string[][][], title: string): string[][] {
  const table = tables.find(([first]) => first?.length === 1 && first[0] === title)
  if (!table) throw new Error(`The CSV has no table titled “${title}”`)
  return table.slice(1)
}

/** A table's rows as objects keyed by its header row (the first). */
export const keyedRows = ([header, ...rows]: string[][]): Array<Record<string, string>> =>
  rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])))

/**
 * The JSON document, and what Ajv finds wrong with it against the exported JSON Schema
 * (empty when valid): the values export's unless another export's schema is given.
 */
export function readJson<Document = ValuesJsonDocument>(
  json: string,
  schema: Record<string, unknown> = valuesJsonSchema()
): { document: Document; errors: string[] } {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  const document = JSON.parse(json) as Document
  validate(document)
  return { document, errors: (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`) }
}

const run = promisify(execFile)

/** The text of a PDF file as poppler's pdftotext extracts it. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
  return stdout
}

/** The number of pages poppler's pdfinfo counts, and the page size it reads. */
export async function pdfInfo(path: string): Promise<{ pages: number; pageSize: string }> {
  const { stdout } = await run('pdfinfo', [path], { encoding: 'utf8' })
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]),
    pageSize: /^Page size:\s+(.+)$/m.exec(stdout)?.[1] ?? ''
  }
}
