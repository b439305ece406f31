/**
 * Anonymous mode, for what people change on the board while live (notes added, edited,
 * recoloured, moved or deleted; clusters named and merged): a laptop sends the host a patch,
 * the entries it changed as they now are, and the host writes them into the board as its own
 * change. So no participant's Yjs writes reach the room, and nothing in the document names
 * who changed what (issue 13). The laptop's own copy shows the change at once
 * (renderer/src/crdt/anonymousCopy.ts) and gives way to the host's when it arrives. What a
 * group writes together (values, the plan) travels in the same patches, each entry with its
 * base, and the host merges it (shared/sharedWriting.ts).
 *
 * A patch carries a laptop's stream (one per copy of the board: a page that reloads starts a new
 * one) and a number counting up in it: the host writes each patch of a stream once, in order,
 * and says which it has written, so a laptop re-sends on a new link only what is unconfirmed.
 * It says so after its write has left for that laptop: a laptop that hears a patch is written
 * already has the host's write of it.
 */
import { z } from 'zod'
import { DOC_KEYS } from './board'

/** The maps whose entries travel as patches: each entry a Y.Map of plain values. */
export const PATCHED_MAPS = [DOC_KEYS.notes, DOC_KEYS.columns] as const
export type PatchedMap = (typeof PATCHED_MAPS)[number]

/**
 * The client id of a laptop's own writes in its patched copy, which never leave it. The lowest
 * there is: when the host's write of the same change reaches the copy, concurrent with the
 * laptop's own, Yjs keeps the one with the higher id, so the host's always wins. The host takes
 * no update under this id from anyone (it would collide with every laptop's own).
 */
export const PATCHED_COPY_CLIENT_ID = 0

/** Bounds on one patch, well above any person's change (a merge moves a cluster's notes). */
export const PATCH_LIMITS = { entries: 2_000, fields: 16, fieldBytes: 4_096 } as const
/** Bounds on shared writing in one patch (shared/sharedWriting.ts): a value's lists run to 20 items of 1,000 characters. */
export const WRITING_LIMITS = { entries: 64, fields: 16, fieldBytes: 32_768 } as const

const entryId = z.string().min(1).max(64)
const fieldName = z.string().min(1).max(32)
/** A field's value: what a note or cluster holds (text, a colour, an order key, a link to a value). */
const fieldValue = z.unknown().refine(
  (value) => value !== undefined && JSON.stringify(value).length <= PATCH_LIMITS.fieldBytes,
  'a field value that is too big'
)
const entryFields = z
  .record(fieldName, fieldValue)
  .refine((fields) => Object.keys(fields).length <= PATCH_LIMITS.fields, 'an entry with too many fields')
/** An entry as it now is, or null: it was deleted. */
const entries = z
  .record(entryId, entryFields.nullable())
  .refine((changed) => Object.keys(changed).length <= PATCH_LIMITS.entries, 'a patch with too many entries')

const writingValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ text: z.string() }).strict(),
  z.object({ list: z.array(z.string()) }).strict()
])
const writingEntry = z
  .record(fieldName, writingValue.refine((value) => JSON.stringify(value).length <= WRITING_LIMITS.fieldBytes, 'a field value that is too big'))
  .refine((fields) => Object.keys(fields).length <= WRITING_LIMITS.fields, 'an entry with too many fields')
const writingChanges = z
  .record(entryId, z.object({ now: writingEntry.nullable(), base: writingEntry.nullable() }))
  .refine((changed) => Object.keys(changed).length <= WRITING_LIMITS.entries, 'a patch with too many entries')

export const boardPatchSchema = z.object({
  v: z.literal(1),
  stream: z.string().min(8).max(64),
  seq: z.number().int().min(1),
  changes: z.object({
    [DOC_KEYS.notes]: entries.optional(),
    [DOC_KEYS.columns]: entries.optional(),
    // Shared writing (shared/sharedWriting.ts' WRITING_AREAS), merged by the host.
    values: writingChanges.optional(),
    plan: writingChanges.optional(),
    outcomes: writingChanges.optional()
  })
})

export type BoardPatch = z.infer<typeof boardPatchSchema>
export type BoardChanges = BoardPatch['changes']

export const encodeBoardPatch = (patch: BoardPatch): string => JSON.stringify(patch)

/** A patch from its JSON text; null for anything else. */
export function parseBoardPatch(text: string): BoardPatch | null {
  try {
    const parsed = boardPatchSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
