import { useCallback, useEffect, useRef, useState } from 'react'
import type { FacilitatorSession } from '../../../../shared/contract'
import { joinLiveDoc, type LiveDocConnection } from '../../crdt/liveSync'
import type { WorkshopDocSession } from '../../crdt/persistence'
import { FACILITATOR_COLOUR } from '../../crdt/presence'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'
import { keepLiveRoom, leaveLiveRoom } from './liveRoomHolder'

export type LiveState =
  | { status: 'checking' }
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'live'; session: FacilitatorSession; connection: LiveDocConnection }

export interface LiveSessionControls {
  state: LiveState
  /** The last failure, for the person; null when the last action worked. */
  problem: string | null
  dismissProblem(): void
  goLive(): Promise<void>
  newCode(): Promise<void>
  /** Resolves true once the session has ended. */
  end(): Promise<boolean>
}

export const FACILITATOR_NAME = 'Facilitator'

/** How often the live panel asks the host who is still trying to connect. */
const CONNECTING_CHECK_MS = 3_000

/** The facilitator's window reaches its own host over loopback, with the facilitator's ticket. */
const facilitatorAddress = (session: FacilitatorSession) => ({
  origin: `http://127.0.0.1:${session.port}`,
  room: session.room,
  ticket: session.ticket,
  hostKey: session.hostKey,
  preferWebSocket: true
})

const ENDED_ELSEWHERE =
  'The live session was ended elsewhere (in another window, or by moving this workshop to the trash), so everyone was disconnected. ' +
  'Everything added so far is kept on this board; press Go live to start a new session.'

/**
 * The facilitator's side of a workshop's live session: whether it is live (asked when the
 * board opens, so a board reopened mid-session is live again), and the board document joined
 * to the session's room while it is. Edits from the room land in `doc` and are saved by its
 * persistence like any other change. The room outlives this board while the session is live
 * (liveRoomHolder.ts): leaving for the library leaves the room with someone holding the board.
 */
export function useLiveSession(workshopId: string, doc: WorkshopDocSession['doc']): LiveSessionControls {
  const [state, setState] = useState<LiveState>({ status: 'checking' })
  const [problem, setProblem] = useState<string | null>(null)
  // Answers that arrive after the board has closed are dropped: nothing may join the room then.
  const mounted = useRef(false)

  const show = useCallback(
    (session: FacilitatorSession) => {
      if (!mounted.current) return
      // A new code keeps the room, and this page's connection to it: everyone stays connected.
      const connection = keepLiveRoom(workshopId, doc, session, () =>
        joinLiveDoc(doc, {
          address: facilitatorAddress(session),
          name: FACILITATOR_NAME,
          role: 'facilitator',
          colour: FACILITATOR_COLOUR,
          sessionEnded: async () => (await api.session.status(workshopId))?.room !== session.room
        })
      )
      setState({ status: 'live', session, connection })
    },
    [workshopId, doc]
  )

  // Who is trying to connect is known only to the host: ask it now and then while live.
  const liveRoom = state.status === 'live' ? state.session.room : null
  useEffect(() => {
    if (!liveRoom) return
    const timer = setInterval(() => {
      api.session.status(workshopId).then(
        (session) => {
          if (!mounted.current || session?.room !== liveRoom) return
          setState((current) =>
            current.status === 'live' && current.session.connecting !== session.connecting
              ? { ...current, session: { ...current.session, connecting: session.connecting } }
              : current
          )
        },
        // The next ask may work; the connection says when the host is gone for good.
        () => undefined
      )
    }, CONNECTING_CHECK_MS)
    return () => clearInterval(timer)
  }, [workshopId, liveRoom])

  const liveConnection = state.status === 'live' ? state.connection : null
  // Others see which note the facilitator is editing, whether or not the panel is open.

  // A session ended from elsewhere reaches this board through its connection, which finds out.
  useEffect(() => {
    if (!liveConnection) return
    const follow = () => {
      if (!liveConnection.connection.getSnapshot().ended) return
      setState({ status: 'off' })
      setProblem(ENDED_ELSEWHERE)
    }
    follow()
    return liveConnection.connection.subscribe(follow)
  }, [liveConnection])

  useEffect(() => {
    mounted.current = true
    let current = true
    api.session.status(workshopId).then(
      (session) => {
        if (!current) return
        if (session) return show(session)
        // It ended while the board was away, and the page has not found out yet.
        leaveLiveRoom(workshopId)
        setState({ status: 'off' })
      },
      (error: unknown) => {
        if (!current) return
        setState({ status: 'off' })
        setProblem(userMessage(error))
      }
    )
    // The room stays when the board goes: liveRoomHolder keeps it while the session is live.
    return () => {
      current = false
      mounted.current = false
    }
  }, [workshopId, show])

  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setProblem(null)
    try {
      await action()
      return true
    } catch (error) {
      if (mounted.current) setProblem(userMessage(error))
      return false
    }
  }

  return {
    state,
    problem,
    dismissProblem: () => setProblem(null),
    async goLive() {
      setState({ status: 'starting' })
      const started = await run(async () => show(await api.session.goLive(workshopId)))
      if (!started && mounted.current) setState({ status: 'off' })
    },
    async newCode() {
      await run(async () => show(await api.session.rotateCode(workshopId)))
    },
    end: () =>
      run(async () => {
        await api.session.end(workshopId)
        leaveLiveRoom(workshopId)
        if (!mounted.current) return
        setState({ status: 'off' })
        // This page's connection may have noticed the end before the answer came: it was not ended elsewhere.
        setProblem(null)
      })
  }
}
