/**
 * A finalized values record as a JSON document for other tools: versioned, described by a
 * JSON Schema generated from the same zod schema the app validates records with, and
 * carrying the content hash with what it was computed over, so anyone can check it.
 */
import { z } from 'zod'
import { CONTENT_HASH_PATTERN, valuesRecordShape, withoutHash, type FinalizedValues, type ValuesRecord } from '../valuesRecord'

/** The document's `$schema` and the schema's `$id`: a name, not an address, as nothing here is online. */
export const VALUES_JSON_SCHEMA_ID = 'urn:workshop-studio:schema:values-export:1'
export const VALUES_JSON_VERSION = 1

const HASH_INPUT = 'the record, as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, UTF-8'

export const valuesJsonDocumentSchema = z
  .object({
    $schema: z.literal(VALUES_JSON_SCHEMA_ID),
    format: z.literal('workshop-studio.values'),
    version: z.literal(VALUES_JSON_VERSION),
    record: valuesRecordShape,
    contentHash: z.object({
      algorithm: z.literal('SHA-256'),
      of: z.literal(HASH_INPUT),
      value: z.string().regex(CONTENT_HASH_PATTERN).describe('Lower-case hex.')
    })
  })
  .meta({
    title: 'Workshop Studio: finalized core values',
    description: 'The values a workshop agreed on, with the decision record behind them, as finalized in Workshop Studio.'
  })

export type ValuesJsonDocument = z.infer<typeof valuesJsonDocumentSchema>

/** The JSON Schema (draft 2020-12) that every document from `valuesJson` conforms to. */
export function valuesJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(valuesJsonDocumentSchema, { target: 'draft-2020-12' })
  return { $schema, $id: VALUES_JSON_SCHEMA_ID, ...schema }
}

export function valuesJson(finalized: FinalizedValues): string {
  const { record, contentHash } = withoutHash(finalized)
  const document: ValuesJsonDocument = {
    $schema: VALUES_JSON_SCHEMA_ID,
    format: 'workshop-studio.values',
    version: VALUES_JSON_VERSION,
    record: record satisfies ValuesRecord,
    contentHash: { algorithm: 'SHA-256', of: HASH_INPUT, value: contentHash }
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
