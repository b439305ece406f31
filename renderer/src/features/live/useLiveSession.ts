import { useCallback, useEffect, useRef, useState } from 'react'
import type { FacilitatorSession } from '../../../../shared/contract'
import { joinLiveDoc, type LiveDocConnection } from '../../crdt/liveSync'
import type { WorkshopDocSession } from '../../crdt/persistence'
import { FACILITATOR_COLOUR } from '../../crdt/presence'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'
import { useEditingPresence } from './useEditingPresence'

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

interface JoinedRoom {
  room: string
  signalingUrl: string
  connection: LiveDocConnection
}

/**
 * The facilitator's side of a workshop's live session: whether it is live (asked when the
 * board opens, so a board reopened mid-session is live again), and the board document joined
 * to the session's room while it is. Edits from the room land in `doc` and are saved by its
 * persistence like any other change.
 */
export function useLiveSession(workshopId: string, doc: WorkshopDocSession['doc']): LiveSessionControls {
  const [state, setState] = useState<LiveState>({ status: 'checking' })
  const [problem, setProblem] = useState<string | null>(null)
  const joined = useRef<JoinedRoom | null>(null)
  // Answers that arrive after the board has closed are dropped: nothing may join the room then.
  const mounted = useRef(false)

  const leaveRoom = useCallback(() => {
    joined.current?.connection.destroy()
    joined.current = null
  }, [])

  const show = useCallback(
    (session: FacilitatorSession) => {
      if (!mounted.current) return
      // A new code keeps the room: everyone stays connected.
      if (joined.current?.room !== session.room || joined.current.signalingUrl !== session.signalingUrl) {
        leaveRoom()
        const connection = joinLiveDoc(doc, {
          room: session.room,
          signalingUrl: session.signalingUrl,
          name: FACILITATOR_NAME,
          role: 'facilitator',
          colour: FACILITATOR_COLOUR
        })
        joined.current = { room: session.room, signalingUrl: session.signalingUrl, connection }
      }
      setState({ status: 'live', session, connection: joined.current!.connection })
    },
    [doc, leaveRoom]
  )

  // Others see which note the facilitator is editing, whether or not the panel is open.
  useEditingPresence(state.status === 'live' ? state.connection : null)

  useEffect(() => {
    mounted.current = true
    let current = true
    api.session.status(workshopId).then(
      (session) => {
        if (!current) return
        if (session) show(session)
        else setState({ status: 'off' })
      },
      (error: unknown) => {
        if (!current) return
        setState({ status: 'off' })
        setProblem(userMessage(error))
      }
    )
    return () => {
      current = false
      mounted.current = false
      leaveRoom()
    }
  }, [workshopId, show, leaveRoom])

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
        leaveRoom()
        if (mounted.current) setState({ status: 'off' })
      })
  }
}
