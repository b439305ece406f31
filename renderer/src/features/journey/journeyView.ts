/**
 * How this device shows the journey map: fitted to the window's width or at full size, roomy
 * or compact. A facilitator's laptop beside a projector wants other settings than a big
 * screen, so it is kept per device (localStorage), not in the shared document.
 */
import { useCallback, useState } from 'react'

export interface JourneyView {
  /** Stages share the visible width instead of keeping their full width and scrolling sideways. */
  fit: boolean
  /** Tighter paddings and narrower columns; text stays readable (at least 11 px). */
  compact: boolean
}

const STORAGE_KEY = 'workshop-studio:journey-view'
const STORED_VERSION = 1
const DEFAULT_VIEW: JourneyView = { fit: false, compact: false }

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

export function saveJourneyView(storage: KeyValueStore, view: JourneyView): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: STORED_VERSION, ...view }))
  } catch {
    // Storage turned off or full: the map still changes its view, only not for next time.
  }
}

/** The stored view, or the full-size, roomy one when none is stored or it cannot be read. */
export function loadJourneyView(storage: KeyValueStore): JourneyView {
  let stored: unknown
  try {
    stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')
  } catch {
    stored = null
  }
  const fields = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>
  if (fields.v === STORED_VERSION && typeof fields.fit === 'boolean' && typeof fields.compact === 'boolean') {
    return { fit: fields.fit, compact: fields.compact }
  }
  return DEFAULT_VIEW
}

/** This device's view of the journey map and a way to change one of its settings, kept for next time. */
export function useJourneyView(): [JourneyView, (change: Partial<JourneyView>) => void] {
  const [view, setView] = useState(() => loadJourneyView(localStorage))
  const change = useCallback((update: Partial<JourneyView>) => {
    setView((current) => {
      const next = { ...current, ...update }
      saveJourneyView(localStorage, next)
      return next
    })
  }, [])
  return [view, change]
}
