import { describe, expect, it } from 'vitest'
import { loadJourneyView, saveJourneyView } from '../../../../../renderer/src/features/journey/journeyView'
import { MemoryStorage } from '../MemoryStorage'

describe('journey map view storage', () => {
  it('starts at full size and roomy, and keeps what this device chose', () => {
    const storage = new MemoryStorage()
    expect(loadJourneyView(storage)).toEqual({ fit: false, compact: false })
    saveJourneyView(storage, { fit: true, compact: true })
    expect(loadJourneyView(storage)).toEqual({ fit: true, compact: true })
  })

  it('falls back to the default view when what is stored cannot be read', () => {
    for (const stored of ['not json', '{"v":1,"fit":"yes","compact":false}', '{"v":2,"fit":true,"compact":true}']) {
      const storage = new MemoryStorage()
      storage.setItem('workshop-studio:journey-view', stored)
      expect(loadJourneyView(storage)).toEqual({ fit: false, compact: false })
    }
  })

  it('still shows the map when storage refuses to keep the view', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } }
    expect(() => saveJourneyView(full, { fit: true, compact: false })).not.toThrow()
  })
})
