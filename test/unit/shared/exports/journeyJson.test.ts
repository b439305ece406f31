import { describe } from 'vitest'
import { JOURNEY_JSON_SCHEMA_ID, journeyJson, journeyJsonSchema } from '../../../../shared/exports/journeyJson'
import { finalizedJourney, smallJourneyRecord } from '../../../exports/journeyFixtures'
import { itKeepsTheRecordJsonContract } from './recordJsonContract'

describe('journeyJson, checked by Ajv against its JSON Schema', () => {
  const record = smallJourneyRecord()
  const json = journeyJson(finalizedJourney(record))

  itKeepsTheRecordJsonContract({ record, json, jsonSchema: journeyJsonSchema, schemaId: JOURNEY_JSON_SCHEMA_ID, format: 'workshop-studio.journey-map' })
})
