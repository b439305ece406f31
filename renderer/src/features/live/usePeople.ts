import { useSyncExternalStore } from 'react'
import type { LiveDocConnection } from '../../crdt/liveSync'
import type { PresentPerson } from '../../crdt/presence'

const NO_ONE: readonly PresentPerson[] = []
const noSubscription = () => () => undefined
const noOne = () => NO_ONE

/** Everyone in the live session, or no one when the workshop is not live. */
export function usePeople(connection: LiveDocConnection | null): readonly PresentPerson[] {
  return useSyncExternalStore(connection?.people.subscribe ?? noSubscription, connection?.people.getSnapshot ?? noOne)
}
