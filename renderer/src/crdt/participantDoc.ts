/**
 * Documents kept in the browser (IndexedDB). A participant's copy of a live board is kept
 * under the session's room: a refresh, a closed tab or a dropped network keeps what they
 * added, and it syncs when they are back; the facilitator's disk remains the record, this is
 * only a buffer. A person's private notes (privateNotes.ts) are kept the same way, apart.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

export interface BrowserDoc {
  doc: Y.Doc
  /** False when the browser would not store anything (private mode, storage turned off). */
  keptInBrowser: boolean
  /** Stops storing; the browser's copy stays for the next visit. */
  close(): void
  /** Stops storing and deletes the browser's copy: the person has left the session. */
  forget(): Promise<void>
}

/** Long enough for a slow disk, short enough that a stuck database never keeps someone out. */
const LOAD_TIMEOUT_MS = 4_000

export const openParticipantDoc = (room: string): Promise<BrowserDoc> => openBrowserDoc(`workshop-studio:${room}`)

/** What one person wrote privately for a workshop (`key`: its room, or its id on the facilitator's machine). */
export const openPrivateDoc = (key: string): Promise<BrowserDoc> => openBrowserDoc(`workshop-studio:private:${key}`)

async function openBrowserDoc(name: string): Promise<BrowserDoc> {
  const doc = new Y.Doc()
  const stored = new IndexeddbPersistence(name, doc)
  let timer: ReturnType<typeof setTimeout> | undefined
  const keptInBrowser = await Promise.race([
    stored.whenSynced.then(() => true),
    // The database failed to open: whenSynced would never settle.
    stored._db.then(
      () => new Promise<boolean>(() => undefined),
      () => false
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), LOAD_TIMEOUT_MS)
    })
  ])
  clearTimeout(timer)
  let closed = false
  return {
    doc,
    keptInBrowser,
    close() {
      if (closed) return
      closed = true
      void stored.destroy()
      doc.destroy()
    },
    async forget() {
      if (closed) return
      closed = true
      await stored.clearData().catch(() => undefined)
      doc.destroy()
    }
  }
}
