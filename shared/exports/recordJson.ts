/**
 * A finalized record as a JSON document for other tools, the same way for every template:
 * versioned, described by a JSON Schema generated from the same zod schema the app
 * validates records with, and carrying the content hash with what it was computed over, so
 * anyone can check it.
 */
import { z } from 'zod'
import { CONTENT_HASH_PATTERN } from '../valuesRecord'

const HASH_INPUT = 'the record, as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, UTF-8'

export const RECORD_JSON_VERSION = 1

interface RecordJsonSpec<Shape extends z.ZodType> {
  /** The document's `$schema` and the schema's `$id`: a name, not an address, as nothing here is online. */
  schemaId: string
  /** The document's `format`, e.g. "workshop-studio.values". */
  format: string
  title: string
  description: string
  /** The record's shape (its zod schema without cross-field rules). */
  record: Shape
}

export interface RecordJson<Record> {
  schemaId: string
  /** The JSON Schema (draft 2020-12) every document from `render` conforms to. */
  jsonSchema(): globalThis.Record<string, unknown>
  render(finalized: Record & { contentHash: string }): string
}

export interface RecordJsonDocument<Record> {
  $schema: string
  format: string
  version: typeof RECORD_JSON_VERSION
  record: Record
  contentHash: { algorithm: 'SHA-256'; of: string; value: string }
}

export function recordJson<Shape extends z.ZodType>(spec: RecordJsonSpec<Shape>): RecordJson<z.infer<Shape>> {
  const documentSchema = z
    .object({
      $schema: z.literal(spec.schemaId),
      format: z.literal(spec.format),
      version: z.literal(RECORD_JSON_VERSION),
      record: spec.record,
      contentHash: z.object({
        algorithm: z.literal('SHA-256'),
        of: z.literal(HASH_INPUT),
        value: z.string().regex(CONTENT_HASH_PATTERN).describe('Lower-case hex.')
      })
    })
    .meta({ title: spec.title, description: spec.description })
  return {
    schemaId: spec.schemaId,
    jsonSchema() {
      const { $schema, ...schema } = z.toJSONSchema(documentSchema, { target: 'draft-2020-12' })
      return { $schema, $id: spec.schemaId, ...schema }
    },
    render({ contentHash, ...record }) {
      const document: RecordJsonDocument<z.infer<Shape>> = {
        $schema: spec.schemaId,
        format: spec.format,
        version: RECORD_JSON_VERSION,
        record: record as z.infer<Shape>,
        contentHash: { algorithm: 'SHA-256', of: HASH_INPUT, value: contentHash }
      }
      return `${JSON.stringify(document, null, 2)}\n`
    }
  }
}
