/** The shape React's useSyncExternalStore reads: subscribe returns its own disposer. */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void
  /** The same object until something changed, as useSyncExternalStore requires. */
  getSnapshot(): T
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
