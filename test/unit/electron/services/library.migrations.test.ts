import { describe, expect, it } from 'vitest'
import {
  LIBRARY_SCHEMA_VERSION,
  libraryMigrations,
  migrate,
  NewerVersionError,
  type Migration
} from '../../../../electron/services/library.migrations'

/** Each step records itself, so the test sees which ran and in what order. */
const step = (from: number, to: number): Migration => ({
  from,
  to,
  up: (data) => ({ ...data, steps: [...((data.steps as string[] | undefined) ?? []), `${from}->${to}`] })
})
// Listed out of order on purpose: steps are chained by version, not by position.
const migrations = [step(2, 3), step(0, 1), step(1, 2)]

describe('migrate', () => {
  it('runs every step from the file version up to the current one, in version order', () => {
    expect(migrate({}, migrations, 3)).toEqual({ schemaVersion: 3, steps: ['0->1', '1->2', '2->3'] })
    expect(migrate({ schemaVersion: 1 }, migrations, 3)).toEqual({ schemaVersion: 3, steps: ['1->2', '2->3'] })
    expect(migrate({ schemaVersion: 3, kept: true }, migrations, 3)).toEqual({ schemaVersion: 3, kept: true })
  })

  it('refuses data from a newer version', () => {
    expect(() => migrate({ schemaVersion: 4 }, migrations, 3)).toThrow(NewerVersionError)
  })

  it('fails loudly when a step is missing', () => {
    expect(() => migrate({}, [step(0, 1), step(2, 3)], 3)).toThrow('No migration of library.json from schemaVersion 1')
  })

  it('rejects a schemaVersion that is not a version number', () => {
    expect(() => migrate({ schemaVersion: '1' }, migrations, 3)).toThrow(TypeError)
    expect(() => migrate({ schemaVersion: -1 }, migrations, 3)).toThrow(TypeError)
  })

  it('brings an unversioned library up to the current version', () => {
    expect(LIBRARY_SCHEMA_VERSION).toBe(6)
    expect(migrate({ workshops: [] }, libraryMigrations, LIBRARY_SCHEMA_VERSION)).toEqual({
      schemaVersion: 6,
      workshops: [],
      settings: {}
    })
  })

  it('gives every workshop of a version 1 library an empty finalized result', () => {
    const workshop = { id: 'a', title: 'A', status: 'finalized' }
    expect(migrate({ schemaVersion: 1, workshops: [workshop], settings: { x: 1 } }, libraryMigrations, 2)).toEqual({
      schemaVersion: 2,
      workshops: [{ ...workshop, result: null }],
      settings: { x: 1 }
    })
  })

  it('keeps a version 2 library as it is at version 3, where a result may be any template’s record', () => {
    const workshop = { id: 'a', title: 'A', status: 'draft', result: null }
    expect(migrate({ schemaVersion: 2, workshops: [workshop], settings: {} }, libraryMigrations, 3)).toEqual({
      schemaVersion: 3,
      workshops: [workshop],
      settings: {}
    })
  })

  it('keeps a version 3 library’s finalized records as they were hashed at version 4', () => {
    const result = { v: 1, title: 'Values from last year', contentHash: 'a'.repeat(64) }
    const workshop = { id: 'a', title: 'A', status: 'finalized', result }
    expect(migrate({ schemaVersion: 3, workshops: [workshop], settings: {} }, libraryMigrations, 4)).toEqual({
      schemaVersion: 4,
      workshops: [workshop],
      settings: {}
    })
  })

  it('keeps a version 4 library’s finalized records as they were hashed at version 5', () => {
    const result = { v: 2, title: 'Values from last quarter', contentHash: 'b'.repeat(64) }
    const workshop = { id: 'a', title: 'A', status: 'finalized', result }
    expect(migrate({ schemaVersion: 4, workshops: [workshop], settings: {} }, libraryMigrations, 5)).toEqual({
      schemaVersion: 5,
      workshops: [workshop],
      settings: {}
    })
  })

  it('keeps a version 5 library’s journey records as they were hashed at version 6', () => {
    const result = { v: 1, kind: 'journey-map', title: 'Joining us', contentHash: 'c'.repeat(64) }
    const workshop = { id: 'a', title: 'A', status: 'finalized', result }
    expect(migrate({ schemaVersion: 5, workshops: [workshop], settings: {} }, libraryMigrations, 6)).toEqual({
      schemaVersion: 6,
      workshops: [workshop],
      settings: {}
    })
  })

  it('trips with a TypeError over a version 1 workshop list that is not a list', () => {
    expect(() => migrate({ schemaVersion: 1, workshops: 'none' }, libraryMigrations, 2)).toThrow(TypeError)
  })
})
