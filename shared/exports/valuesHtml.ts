/**
 * A finalized values record as one standalone web page: "our values", to open in any
 * browser, share as a file or print. Everything is inline (no fonts, images or scripts
 * from anywhere), its own Content-Security-Policy forbids loading anything, every piece of
 * text people typed is escaped, and the print styles lay it out on A4 without splitting a
 * value across pages.
 */
import { teamNotesOf, votePlacesOf, withoutHash, type FinalizedValues, type StoredValuesRecord, type TeamNotes, type ValueStatement, type ValuesRecord } from '../valuesRecord'
import {
  consensusRuleText,
  consensusText,
  dotVoteText,
  fingersText,
  formatTime,
  formatTimeSpan,
  LABELS,
  noteGroups,
  participantCountText,
  participantsText,
  placeDotsText,
  rankText,
  teamNotesIntro
} from './valuesText'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML: safe in element content and in quoted attribute values. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

/** Paragraphs split at blank lines, single line breaks kept. */
function paragraphs(value: string, className?: string): string {
  const attribute = className ? ` class="${className}"` : ''
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p${attribute}>${block.split(/\r?\n/).map(escapeHtml).join('<br>')}</p>`)
    .join('\n')
}

const items = (values: string[]) => values.map((value) => `<li>${escapeHtml(value)}</li>`).join('')

function behaviours(className: string, label: string, values: string[]): string {
  if (values.length === 0) return ''
  return `<div class="behaviours ${className}"><h3>${label}</h3><ul>${items(values)}</ul></div>`
}

function valueSection(value: ValueStatement, index: number, rule: ValuesRecord['consensusRule']): string {
  const consensus = consensusText(value.consensus, rule)
  const fingers = fingersText(value.consensus)
  const flagged = value.consensus?.flagged && value.consensus.average !== null
  const stories = value.examples.map((story) => `<blockquote>${paragraphs(story)}</blockquote>`).join('\n')
  return `<section class="value" aria-labelledby="value-${index}">
<h2 id="value-${index}">${escapeHtml(value.name)}</h2>
${paragraphs(value.definition, 'definition')}
<div class="behaviour-columns">
${behaviours('we-do', LABELS.weDo, value.weDo)}
${behaviours('we-dont', LABELS.weDont, value.weDont)}
</div>
${stories ? `<div class="examples"><h3>${LABELS.examples}</h3>\n${stories}</div>` : ''}
${consensus ? `<p class="consensus${flagged ? ' consensus--flagged' : ''}">${escapeHtml(consensus)}${fingers ? ` <span class="fingers">${escapeHtml(fingers)}.</span>` : ''}</p>` : ''}
</section>`
}

const fact = (label: string, value: string) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`

function decisionRecord(record: StoredValuesRecord, contentHash: string): string {
  // The rank is written out, not left to the list's numbers: a shared rank reads "=1.".
  const ranking = votePlacesOf(record)
    .map(
      (place) =>
        `<li value="${place.rank}"><span class="rank">${rankText(place)}</span> <span>${escapeHtml(place.cluster)}</span> <span class="dots">${placeDotsText(place)}</span></li>`
    )
    .join('')
  const stages = record.stages
    .map((stage) => `<tr><th scope="row">${escapeHtml(stage.stage)}</th><td>${escapeHtml(formatTimeSpan(stage.startedAt, stage.endedAt))}</td></tr>`)
    .join('')
  return `<section class="record" aria-labelledby="record">
<h2 id="record">${LABELS.decisionRecord}</h2>
<dl>
${fact(LABELS.finalized, formatTime(record.finalizedAt))}
${fact(LABELS.question, record.prompt)}
${fact(LABELS.participants, participantsText(record))}
${fact(LABELS.dotVote, dotVoteText(record.votes))}
${fact(LABELS.consensusRule, consensusRuleText(record.consensusRule))}
</dl>
${ranking ? `<h3>${LABELS.ranking}</h3><ol class="ranking">${ranking}</ol>` : ''}
${stages ? `<h3>${LABELS.stages}</h3><table class="stages"><tbody>${stages}</tbody></table>` : ''}
<h3>${LABELS.contentHash}</h3>
<p><code class="hash">${escapeHtml(contentHash)}</code></p>
<p class="note">${LABELS.hashNote}</p>
</section>`
}

/** A note as written: its line breaks kept. */
const noteItem = (note: string) => `<li>${note.split(/\r?\n/).map(escapeHtml).join('<br>')}</li>`

function clusterSection(group: { title: string; notes: string[] }, number: number): string {
  const notes = group.notes.length > 0 ? `<ul class="notes">${group.notes.map(noteItem).join('')}</ul>` : `<p class="note">${LABELS.emptyCluster}</p>`
  return `<section class="cluster" aria-labelledby="cluster-${number}">
<h3 id="cluster-${number}">${escapeHtml(group.title)}</h3>
${notes}
</section>`
}

/** The appendix, after the decision record: each cluster with its notes. */
function teamNotesSection(notes: TeamNotes | null): string {
  const body =
    notes === null
      ? `<p class="note">${LABELS.notesNotKept}</p>`
      : [`<p class="note">${escapeHtml(teamNotesIntro(notes))}</p>`, ...noteGroups(notes).map((group, index) => clusterSection(group, index + 1))].join('\n')
  return `<section class="team-notes" aria-labelledby="team-notes">
<h2 id="team-notes">${LABELS.teamNotes}</h2>
${body}
</section>`
}

const STYLE = `
:root { color-scheme: light; --text: #1d2733; --muted: #5b6776; --line: #dde2e8; --accent: #2a56c6; --soft: #f3f6fc; --warn: #9a3412; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--text); background: #fff; }
.page { max-width: 52rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
header { margin-bottom: 2.5rem; padding-bottom: 1.5rem; border-bottom: 3px solid var(--accent); }
.eyebrow { margin: 0; color: var(--accent); font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; font-size: 0.8rem; }
h1 { margin: 0.3rem 0 0.6rem; font-size: 2.2rem; line-height: 1.2; }
h1, h2, h3 { overflow-wrap: anywhere; }
.prompt { margin: 0 0 0.5rem; font-size: 1.15rem; color: var(--muted); font-style: italic; }
.meta { margin: 0; color: var(--muted); font-size: 0.9rem; }
.value { margin: 0 0 1.5rem; padding: 1.4rem 1.6rem; border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 10px; break-inside: avoid; page-break-inside: avoid; }
.value h2 { margin: 0 0 0.5rem; font-size: 1.5rem; }
.definition { margin: 0 0 0.8rem; font-size: 1.1rem; }
.behaviour-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.behaviours h3, .examples h3 { margin: 0.6rem 0 0.3rem; font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.behaviours ul { margin: 0; padding-left: 1.2rem; }
.we-do li::marker { content: '✓  '; color: #15803d; }
.we-dont li::marker { content: '✗  '; color: #b42318; }
blockquote { margin: 0.3rem 0; padding: 0.4rem 0.9rem; border-left: 3px solid var(--line); background: var(--soft); }
blockquote p { margin: 0.2rem 0; }
.consensus { margin: 0.8rem 0 0; color: var(--muted); font-size: 0.9rem; }
.consensus--flagged { color: var(--warn); font-weight: 600; }
.fingers { font-weight: 400; }
.record { margin-top: 3rem; padding-top: 1.5rem; border-top: 1px solid var(--line); font-size: 0.95rem; }
.record h2 { font-size: 1.4rem; margin: 0 0 1rem; }
.record h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.ranking { margin: 0; padding-left: 0; list-style: none; }
.rank { display: inline-block; min-width: 2.6em; color: var(--muted); }
.dots { color: var(--muted); }
.stages { border-collapse: collapse; }
.stages th, .stages td { padding: 0.2rem 1rem 0.2rem 0; text-align: left; vertical-align: top; }
.stages th { font-weight: 400; }
.hash { font: 0.85rem ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 0.85rem; }
.team-notes { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid var(--line); font-size: 0.95rem; }
.team-notes h2 { font-size: 1.4rem; margin: 0 0 0.4rem; }
.cluster h3 { font-size: 1rem; margin: 1.2rem 0 0.3rem; overflow-wrap: anywhere; }
.notes { margin: 0; padding-left: 1.2rem; }
.notes li { margin: 0.1rem 0; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .value { border-color: #999; border-left-color: var(--accent); }
  .value, .behaviours, blockquote, .record dl, .ranking li, .stages tr, .notes li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .record { break-before: page; page-break-before: always; margin-top: 0; border-top: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@media (max-width: 40rem) { .behaviour-columns { grid-template-columns: 1fr; } }
`

export function valuesHtml(finalized: FinalizedValues): string {
  const { record, contentHash } = withoutHash(finalized)
  const title = escapeHtml(record.title)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Workshop Studio">
<title>${LABELS.pageTitle}: ${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header>
<p class="eyebrow">${LABELS.pageTitle}</p>
<h1>${title}</h1>
${record.prompt.trim() ? paragraphs(record.prompt, 'prompt') : ''}
<p class="meta">${LABELS.finalized} ${escapeHtml(formatTime(record.finalizedAt))} · ${participantCountText(record)}</p>
</header>
<main>
${record.values.map((value, index) => valueSection(value, index + 1, record.consensusRule)).join('\n')}
</main>
${decisionRecord(record, contentHash)}
${teamNotesSection(teamNotesOf(finalized))}
</div>
</body>
</html>
`
}
