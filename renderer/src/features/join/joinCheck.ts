/**
 * Asks the live session's server whether a join code is right, or whether the session someone
 * joined still runs, and reads its answers defensively.
 */
import { JOIN_CHECK_ROUTE, type JoinAnswer } from '../../../../shared/liveSession'

export type JoinAccepted = Extract<JoinAnswer, { ok: true }>

export const UNREACHABLE_MESSAGE =
  'The session could not be reached at this address. The facilitator may have ended it, or this laptop may not be on the room’s network. ' +
  'Check the Wi-Fi, then ask the facilitator for the current link or code.'
export const OFFLINE_MESSAGE = 'This laptop is offline. Connect to the room’s Wi-Fi, then try again.'
const UNEXPECTED_MESSAGE =
  'The session gave an answer this page does not understand. Ask the facilitator for the current link, and open it again.'

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 500

/** The server's JSON as a JoinAnswer; anything else (a proxy's page, a different app) as a failure to show. */
export function readJoinAnswer(body: unknown): JoinAnswer {
  if (typeof body === 'object' && body !== null) {
    const answer = body as Record<string, unknown>
    if (answer.ok === true && isText(answer.title) && isText(answer.room) && isText(answer.ticket) && isText(answer.hostKey)) {
      return { ok: true, title: answer.title, room: answer.room, ticket: answer.ticket, hostKey: answer.hostKey }
    }
    if (answer.ok === false && isText(answer.error)) {
      return answer.ended === true ? { ok: false, error: answer.error, ended: true } : { ok: false, error: answer.error }
    }
  }
  return { ok: false, error: UNEXPECTED_MESSAGE }
}

export async function checkJoinCode(code: string, signal?: AbortSignal): Promise<JoinAnswer> {
  let response: Response
  try {
    response = await fetch(`${JOIN_CHECK_ROUTE}?code=${encodeURIComponent(code)}`, { cache: 'no-store', signal })
  } catch (error) {
    if (signal?.aborted) throw error
    return { ok: false, error: navigator.onLine ? UNREACHABLE_MESSAGE : OFFLINE_MESSAGE }
  }
  try {
    return readJoinAnswer(await response.json())
  } catch {
    return readJoinAnswer(null)
  }
}

/**
 * Whether the session that gave out `ticket` has ended, asked of the server that served this
 * page. Rejects when the server cannot be reached: that says nothing about the session.
 */
export async function sessionHasEnded(ticket: string): Promise<boolean> {
  // A network that swallows packets would leave the question open for minutes; ask again instead.
  const response = await fetch(`${JOIN_CHECK_ROUTE}?ticket=${encodeURIComponent(ticket)}`, {
    cache: 'no-store',
    signal: AbortSignal.timeout(5_000)
  })
  const answer = readJoinAnswer(await response.json().catch(() => null))
  return !answer.ok && answer.ended === true
}
