import { describe, expect, it } from 'vitest'
import { VALUES_JSON_SCHEMA_ID, valuesJson, valuesJsonSchema } from '../../../../shared/exports/valuesJson'
import { finalized, hashOf, threeWayTie, twelveValueRecord, versionOneRecord, versionTwoRecord, withRanking } from '../../../exports/valuesFixtures'
import { readJson } from '../../../exports/readBack'
import type { RecordJsonDocument } from '../../../../shared/exports/recordJson'
import type { ValuesRecord } from '../../../../shared/valuesRecord'
import { itKeepsTheRecordJsonContract } from './recordJsonContract'

describe('valuesJson, checked by Ajv against its JSON Schema', () => {
  const record = twelveValueRecord()
  const json = valuesJson(finalized(record))

  itKeepsTheRecordJsonContract({ record, json, jsonSchema: valuesJsonSchema, schemaId: VALUES_JSON_SCHEMA_ID, format: 'workshop-studio.values' })

  it('is refused by the schema without a title, or with a time that is not one', () => {
    const { document } = readJson(json)
    const errorsOf = (changed: unknown) => readJson(JSON.stringify(changed)).errors
    const { title: _title, ...withoutTitle } = document.record
    expect(errorsOf({ ...document, record: withoutTitle })).toContain("/record must have required property 'title'")
    expect(errorsOf({ ...document, record: { ...document.record, finalizedAt: 'yesterday' } })).toContain(
      '/record/finalizedAt must match format "date-time"'
    )
  })

  it('holds every cluster with its notes, and the unsorted notes, in the record', () => {
    const { document, errors } = readJson(json)
    expect(errors).toEqual([])
    expect(document.record).toMatchObject({ v: 3, clusters: record.clusters, unsortedNotes: record.unsortedNotes })
  })

  it('is refused by the schema when a version-2 record lacks its notes, or a version-1 record carries some', () => {
    const { document } = readJson(json)
    const errorsOf = (changed: unknown) => readJson(JSON.stringify(changed)).errors
    const { clusters: _clusters, ...withoutClusters } = document.record as typeof record
    expect(errorsOf({ ...document, record: withoutClusters })).toContain("/record must have required property 'clusters'")
    expect(errorsOf({ ...document, record: { ...document.record, v: 1 } })).toContain('/record must NOT have additional properties')
  })
})

describe('valuesJson of the dot vote’s ties', () => {
  it('holds each place’s rank and tie: a kept tie shares rank 1, a broken one is in the facilitator’s order', () => {
    const places = (ranking: ReturnType<typeof threeWayTie>) => {
      const { document, errors } = readJson<RecordJsonDocument<ValuesRecord>>(valuesJson(finalized(withRanking(ranking))))
      expect(errors).toEqual([])
      return document.record.votes.ranking
    }
    expect(places(threeWayTie('kept'))).toEqual([
      { cluster: 'Curiosity', dots: 4, rank: 1, tie: 'kept' },
      { cluster: 'Ownership', dots: 4, rank: 1, tie: 'kept' },
      { cluster: 'Respect', dots: 4, rank: 1, tie: 'kept' },
      { cluster: 'Speed', dots: 2, rank: 4, tie: 'none' }
    ])
    expect(places(threeWayTie('broken', ['Respect', 'Curiosity', 'Ownership'])).map(({ cluster, rank, tie }) => [cluster, rank, tie])).toEqual([
      ['Respect', 1, 'broken'],
      ['Curiosity', 2, 'broken'],
      ['Ownership', 3, 'broken'],
      ['Speed', 4, 'none']
    ])
  })

  it('is refused by the schema with a tie state it does not know', () => {
    const { document } = readJson(valuesJson(finalized(withRanking(threeWayTie('kept')))))
    const ranking = document.record.votes.ranking.map((place) => ({ ...place, tie: 'tied' }))
    const errors = readJson(JSON.stringify({ ...document, record: { ...document.record, votes: { ...document.record.votes, ranking } } })).errors
    expect(errors).toContain('/record/votes/ranking/0/tie must be equal to one of the allowed values')
  })

  it('writes a record finalized before tie decisions were kept as it was hashed, each place only its cluster and dots', () => {
    const old = versionTwoRecord(threeWayTie('kept'))
    const { document, errors } = readJson(valuesJson(finalized(old)))
    expect(errors).toEqual([])
    expect(document.record).toEqual(old)
    expect(document.contentHash.value).toBe(hashOf(old))
  })
})

describe('valuesJson of a record finalized before notes were kept', () => {
  const old = versionOneRecord()
  const json = valuesJson(finalized(old))

  it('writes the version-1 record exactly as it was hashed, so its hash still checks, and the schema accepts it', () => {
    const { document, errors } = readJson(json)
    expect(errors).toEqual([])
    expect(document.record).toEqual(old)
    expect(document.contentHash.value).toBe(hashOf(document.record))
  })
})
