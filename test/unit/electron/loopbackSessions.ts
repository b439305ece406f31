import { join } from 'node:path'
import { SessionManager } from '../../../electron/host/sessionManager'
import { DocsService } from '../../../electron/services/docs.service'
import { liveBoardStorage, type BoardStorage } from '../../../electron/services/handlers'

/** Real live sessions for tests, reachable only on this machine. */
export function loopbackSessions(rendererDir: string): SessionManager {
  return new SessionManager({ rendererDir, port: 0, bindAddress: '127.0.0.1' })
}

/** A workshop's board on disk in `dataDir`, as the app's handlers give it to a live session's hub. */
export function boardStorage(dataDir: string, workshopId: string, docs = new DocsService(join(dataDir, 'data'))): BoardStorage {
  return liveBoardStorage(docs, workshopId)
}
