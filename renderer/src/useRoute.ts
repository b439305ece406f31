import { useMemo, useSyncExternalStore } from 'react'
import { facilitatorReachable } from './platform/api'
import { hashFor, parseRoute, participantOnly, type Route } from './routes'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
const currentHash = () => window.location.hash

/** The current route, following the address bar (including Back and Forward). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash)
  return useMemo(() => (facilitatorReachable ? parseRoute(hash) : participantOnly(parseRoute(hash))), [hash])
}

export function navigate(route: Route): void {
  window.location.hash = hashFor(route)
}
