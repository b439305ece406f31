/**
 * Anonymous mode's contributions, as a laptop hands them to the host. A revealed note, a
 * ballot, a fist-of-five or an emotion rating never enters the room as its author's own
 * change: the laptop sends it to the host only (a link message of its own type), and the host
 * writes it into the board as its own change, mixed with everyone else's
 * (electron/host/roundMixer.ts). With anonymity off, each laptop writes its own as usual.
 *
 * A laptop sends its submission of a round when the round closes, and again on every new link
 * while the round stays closed: the host keeps one per person and round, so repeats are free.
 */
import { z } from 'zod'
import { NOTE_COLOURS, NOTE_FIELDS, NOTE_TEXT_MAX_LENGTH, REVEAL_ORDER } from './board'
import { EMOTION_SCALE } from './emotions'

/** Notes one person reveals at once; a brainstorm of a few minutes gives a handful. */
export const MAX_SUBMITTED_NOTES = 200
/** Options of one ballot (clusters, values, journey stages). */
export const MAX_SUBMITTED_MARKS = 500
/** Dots on one cluster, or fingers, at most. */
export const MAX_MARK = 10

const id = z.string().min(1).max(64)
const bounded = <T extends z.ZodType>(values: T) =>
  z.record(id, values).refine((marks) => Object.keys(marks).length <= MAX_SUBMITTED_MARKS, 'too many options')

const submissionSchema = z.discriminatedUnion('round', [
  z.object({
    v: z.literal(1),
    round: z.literal('brainstorm'),
    notes: z
      .array(
        z.object({
          id,
          text: z.string().min(1).max(NOTE_TEXT_MAX_LENGTH),
          colour: z.enum(NOTE_COLOURS),
          columnId: id,
          laneId: id.optional()
        })
      )
      .max(MAX_SUBMITTED_NOTES)
  }),
  z.object({ v: z.literal(1), round: z.literal('votes'), key: id, marks: bounded(z.number().int().min(0).max(MAX_MARK)) }),
  z.object({ v: z.literal(1), round: z.literal('consensus'), key: id, marks: bounded(z.number().int().min(0).max(MAX_MARK)) }),
  z.object({
    v: z.literal(1),
    round: z.literal('emotions'),
    key: id,
    ratings: bounded(z.number().int().min(EMOTION_SCALE.min).max(EMOTION_SCALE.max))
  })
])

export type Submission = z.infer<typeof submissionSchema>

/** A part with nothing in it: no notes, no dots or scores, no ratings (someone who joined late with nothing to add). */
export function isEmptyPart(submission: Submission): boolean {
  if (submission.round === 'brainstorm') return submission.notes.length === 0
  return Object.keys(submission.round === 'emotions' ? submission.ratings : submission.marks).length === 0
}
export type SubmittedNote = Extract<Submission, { round: 'brainstorm' }>['notes'][number]

/** A revealed note's fields on the board (its Y.Map's entries), whoever writes it: every one has the same order key. */
export function revealedNoteFields(note: SubmittedNote): Array<[string, string]> {
  return [
    [NOTE_FIELDS.text, note.text],
    [NOTE_FIELDS.colour, note.colour],
    [NOTE_FIELDS.columnId, note.columnId],
    ...(note.laneId === undefined ? [] : ([[NOTE_FIELDS.laneId, note.laneId]] as Array<[string, string]>)),
    [NOTE_FIELDS.order, REVEAL_ORDER]
  ]
}

/** Where a screen's part of a round goes: to the host (anonymous mode, live), or null: the screen writes it itself, as this person's. */
export type HandIn = ((submission: Submission) => void) | null

/** A submission as it travels: JSON text. */
export const encodeSubmission = (submission: Submission): string => JSON.stringify(submission)

/** The submission in `text`, or null for anything that is not one. */
export function parseSubmission(text: string): Submission | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = submissionSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
