import type * as Y from 'yjs'

/** The shape React's useSyncExternalStore reads: subscribe returns its own disposer. */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void
  /** The same object until something changed, as useSyncExternalStore requires. */
  getSnapshot(): T
}

/** A store that never changes: what there is when there is nothing to follow (no live session). */
export function constantStore<T>(value: T): ExternalStore<T> {
  return { subscribe: () => () => undefined, getSnapshot: () => value }
}

/** A listener set whose `add` hands back the way to remove that listener. */
export function createListeners(): { add(listener: () => void): () => void; notify(): void } {
  const listeners = new Set<() => void>()
  return {
    add(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    notify() {
      for (const listener of [...listeners]) listener()
    }
  }
}

/** A store of snapshots read from a document; `destroy` takes back what it listens to. */
export interface SnapshotStore<T> extends ExternalStore<T> {
  destroy(): void
}

/**
 * A store that rebuilds its snapshot lazily: a change only marks it stale and tells the
 * subscribers, and `build` runs when someone next asks. `build` gets the snapshot before,
 * so it can reuse every unchanged part (and return it whole when nothing changed). `watch`
 * starts listening for changes and returns the way to stop.
 */
export function createLazySnapshotStore<T>(build: (previous: T | null) => T, watch: (markStale: () => void) => () => void): SnapshotStore<T> {
  let snapshot = build(null)
  let stale = false
  const listeners = createListeners()
  const stopWatching = watch(() => {
    stale = true
    listeners.notify()
  })
  return {
    subscribe: listeners.add,
    getSnapshot() {
      if (stale) {
        snapshot = build(snapshot)
        stale = false
      }
      return snapshot
    },
    destroy: stopWatching
  }
}

/** For a snapshot's `build`: true when `a` holds the very same items as `b`, in the same order, so `a` can be reused. */
export const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]): boolean =>
  a !== undefined && a.length === b.length && a.every((item, i) => item === b[i])

/** A Yjs shared type (Y.Map, Y.Array, Y.Text) as far as watching every change inside it goes. */
export type DeepObservable = Pick<Y.AbstractType<unknown>, 'observeDeep' | 'unobserveDeep'>

/** For `createLazySnapshotStore`: every change anywhere inside `types`. */
export const deepChangesOf =
  (...types: DeepObservable[]) =>
  (onChange: () => void): (() => void) => {
    for (const type of types) type.observeDeep(onChange)
    return () => {
      for (const type of types) type.unobserveDeep(onChange)
    }
  }
