import { describe, expect, it } from 'vitest'
import { JOURNEY_JSON_SCHEMA_ID, journeyJson, journeyJsonSchema } from '../../../../shared/exports/journeyJson'
import type { StoredJourneyRecord } from '../../../../shared/journeyRecord'
import { finalizedJourney, journeyRecordV1, smallJourneyRecord, tiedJourneyRecord } from '../../../exports/journeyFixtures'
import { readJson } from '../../../exports/readBack'
import { hashOf } from '../../../exports/valuesFixtures'
import { itKeepsTheRecordJsonContract } from './recordJsonContract'

describe('journeyJson, checked by Ajv against its JSON Schema', () => {
  const record = smallJourneyRecord()
  const json = journeyJson(finalizedJourney(record))

  itKeepsTheRecordJsonContract({ record, json, jsonSchema: journeyJsonSchema, schemaId: JOURNEY_JSON_SCHEMA_ID, format: 'workshop-studio.journey-map' })

  const read = (text: string) => readJson<{ record: StoredJourneyRecord; contentHash: { value: string } }>(text, journeyJsonSchema())

  it('shows a tie as a tie: each voted note’s rank and tie as the facilitator decided them', () => {
    const { document, errors } = read(journeyJson(finalizedJourney(tiedJourneyRecord())))
    expect(errors).toEqual([])
    expect(JOURNEY_JSON_SCHEMA_ID).toBe('urn:workshop-studio:schema:journey-map-export:2')
    const ranking = document.record.v === 2 ? document.record.votes.ranking : []
    expect(ranking.slice(1, 6).map(({ rank, tie }) => [rank, tie])).toEqual([
      [2, 'broken'],
      [3, 'broken'],
      [4, 'none'],
      [5, 'kept'],
      [5, 'kept']
    ])
  })

  it('writes a record finalized before tie decisions were kept as it was hashed', () => {
    const old = journeyRecordV1(smallJourneyRecord())
    const { document, errors } = read(journeyJson(finalizedJourney(old)))
    expect(errors).toEqual([])
    expect(document.record).toEqual(old)
    expect(document.contentHash.value).toBe(hashOf(old))
  })
})
