/**
 * Building blocks for the Markdown exports: each export builds a Markdown syntax tree from
 * these and `writeMarkdown` writes it with mdast-util-to-markdown, which escapes whatever
 * people typed (`**`, `#`, `|`, `<script>`…) so that it reads as text and cannot change the
 * structure. The GFM extension adds the escapes that GitHub-flavoured readers (most of them)
 * need too: `~~`, tables, and bare addresses that would otherwise turn into links.
 */
import type { BlockContent, ListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'

export const text = (value: string): PhrasingContent => ({ type: 'text', value })
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] })
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] })
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })

/** Headings and list items are one line each: a line break in them would end the construct. */
export const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim()

export const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(oneLine(value))] })

/** Text that may hold paragraphs (split at blank lines) and line breaks within them. */
export function paragraphs(value: string): Paragraph[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) =>
      paragraph(...block.split(/\r?\n/).flatMap((line, index): PhrasingContent[] => (index === 0 ? [text(line)] : [{ type: 'break' }, text(line)])))
    )
}

export const listItem = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children })

/** A tight list (no blank lines between its items), bulleted unless `ordered`. */
export const itemList = (items: ListItem[], ordered = false): RootContent => ({ type: 'list', ordered, spread: false, children: items })

/** A tight list of one-line texts. */
export const list = (items: string[], ordered = false): RootContent => itemList(items.map((item) => listItem(paragraph(text(oneLine(item))))), ordered)

/** "**Label:** value", as a list item. */
export const fact = (label: string, value: string): ListItem => listItem(paragraph(strong(`${label}:`), text(` ${oneLine(value)}`)))

const tableRow = (cells: readonly string[]): TableRow => ({
  type: 'tableRow',
  children: cells.map((cell) => ({ type: 'tableCell', children: [text(oneLine(cell))] }))
})

/** A GFM table: a header row, then one row per entry, every cell one line of text. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): RootContent {
  return { type: 'table', align: header.map(() => null), children: [tableRow(header), ...rows.map(tableRow)] }
}

export function writeMarkdown(tree: Root): string {
  return toMarkdown(tree, { bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one', extensions: [gfmToMarkdown()] })
}
