import { useCallback, useEffect, useMemo, useState } from 'react'
import type { FinalizedRecord, WorkshopRecord } from '../../../../shared/workshopRecord'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import type { FacilitatorRecord } from './CoreValuesWorkshop'

/** The facilitator's finalized record of a workshop: the stored one, and the way to store it. */
export function useFacilitatorRecord(workshop: WorkshopSummary): FacilitatorRecord {
  const [stored, setStored] = useState<FinalizedRecord | null>(null)
  const { id, title, status } = workshop
  useEffect(() => {
    if (status !== 'finalized') return
    let current = true
    api.library.finalized(id).then(
      (record) => current && setStored(record),
      // The finalize stage still shows the values; the library reports what it cannot read.
      () => undefined
    )
    return () => {
      current = false
    }
  }, [id, status])
  const store = useCallback(
    async (record: WorkshopRecord) => {
      const saved = await api.library.finalize(id, record)
      setStored(saved)
      return saved
    },
    [id]
  )
  return useMemo(() => ({ workshopId: id, title, stored, store }), [id, title, stored, store])
}
