import { SessionManager } from '../../../electron/host/sessionManager'

/** Real live sessions for tests, reachable only on this machine. */
export function loopbackSessions(rendererDir: string): SessionManager {
  return new SessionManager({ rendererDir, port: 0, bindAddress: '127.0.0.1' })
}
