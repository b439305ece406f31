/**
 * A laptop's board patches the host has not yet said it wrote (shared/boardPatch.ts), kept in the
 * browser's storage per room: a phone that drops off the Wi-Fi, goes on moving notes, and
 * reloads the page (as phones do with a tab in the background) sends them when it is back,
 * under their own stream and number, so the host writes none twice.
 */
import { parseBoardPatch, type BoardPatch } from '../../../../shared/boardPatch'

/** The part of the Web Storage API used here (localStorage in a browser; none in Node). */
export type PatchStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface UnsentPatches {
  /** In the order they were made. */
  all(): readonly BoardPatch[]
  add(patch: BoardPatch): void
  /** The host wrote `stream`'s patches up to `seq`. */
  written(stream: string, seq: number): void
  /** Nothing of them is kept (the person left, or the session is over). */
  forget(): void
}

export function createUnsentPatches(room: string, storage: PatchStorage | null): UnsentPatches {
  const key = `unsent-board-patches:${room}`
  let patches: BoardPatch[] = []
  try {
    const stored: unknown = JSON.parse(storage?.getItem(key) ?? '[]')
    if (Array.isArray(stored)) patches = stored.flatMap((text) => parseBoardPatch(String(text)) ?? [])
  } catch {
    // A damaged entry holds nothing that can still be sent.
  }
  const save = () => {
    try {
      if (patches.length === 0) storage?.removeItem(key)
      else storage?.setItem(key, JSON.stringify(patches.map((patch) => JSON.stringify(patch))))
    } catch {
      // Storage full or refused: the patches still go while this page is open.
    }
  }
  return {
    all: () => patches,
    add(patch) {
      patches = [...patches, patch]
      save()
    },
    written(stream, seq) {
      const left = patches.filter((patch) => patch.stream !== stream || patch.seq > seq)
      if (left.length === patches.length) return
      patches = left
      save()
    },
    forget() {
      patches = []
      save()
    }
  }
}
