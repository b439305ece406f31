import { useCallback, useEffect, useState } from 'react'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'

/**
 * The library's workshops, reloaded whenever the library changes (in this window or any
 * other) or `refresh` is called. `onError` hears failures; null means not loaded yet.
 */
export function useWorkshops(onError: (message: string) => void) {
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null)
  const [generation, setGeneration] = useState(0)
  const refresh = useCallback(() => setGeneration((current) => current + 1), [])

  useEffect(() => {
    // A newer load supersedes this one: answers can arrive out of order.
    let latest = true
    api.library.list().then(
      (list) => {
        if (latest) setWorkshops(list)
      },
      (error: unknown) => {
        if (latest) onError(userMessage(error))
      }
    )
    return () => {
      latest = false
    }
  }, [generation, onError])

  useEffect(() => api.on('library', 'changed', refresh), [refresh])

  return { workshops, refresh }
}
