/**
 * The participant's face: from a join link or the join form, through the code check and a
 * name, to the shared board. It talks only to the live session's server that served this
 * page (the code check and signaling), never to the facilitator's API.
 */
import { useEffect, useState } from 'react'
import { normalizeJoinCode } from '../../../../shared/joinCode'
import { cleanDisplayName, guestName, participantColourFor } from '../../crdt/presence'
import { useDocumentTitle } from '../../useDocumentTitle'
import { navigate } from '../../useRoute'
import { checkJoinCode, type JoinAccepted } from './joinCheck'
import { readTypedCode } from './joinCodeInput'
import { JoinCodeForm } from './JoinCodeForm'
import { forgetJoinedSession, loadJoinedSession, saveJoinedSession, type JoinedSession } from './joinedSession'
import { NameForm } from './NameForm'
import { ParticipantBoard } from './ParticipantBoard'
import { SessionEnded } from './SessionEnded'
import './join.css'

/**
 * The address this page was loaded with. Loading it again (a refresh) resumes the session
 * this tab joined; following a join link inside the page is a new join, checked afresh.
 */
const ARRIVAL_HASH = window.location.hash

type Step =
  | { step: 'checking'; code: string }
  | { step: 'code'; problem: string | null }
  | { step: 'name'; code: string; answer: JoinAccepted }
  | { step: 'joined'; session: JoinedSession }
  /** The link or code belongs to a session that is over. */
  | { step: 'ended' }

function firstStep(linkCode: string | null): Step {
  const stored = loadJoinedSession(localStorage)
  if (stored && window.location.hash === ARRIVAL_HASH && (linkCode === null || normalizeJoinCode(linkCode) === stored.code)) {
    return { step: 'joined', session: stored }
  }
  if (linkCode === null) return { step: 'code', problem: null }
  const typed = readTypedCode(linkCode)
  return typed.ok ? { step: 'checking', code: typed.code } : { step: 'code', problem: typed.problem }
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!

/** The server that answered is not the one whose key the join link carries. */
export const KEY_MISMATCH =
  'This network answered for a different session than your join link names, so the board was not opened. Someone on the network may be pretending to be the facilitator’s laptop: tell the facilitator, and open the link from their screen again.'

/**
 * `linkKey`: the host's public key, from the join link's fragment (never sent to any server).
 * Without one (a typed code), the key comes with the code check's answer.
 */
export function JoinScreen({ linkCode, linkKey }: { linkCode: string | null; linkKey: string | null }) {
  const [step, setStep] = useState<Step>(() => firstStep(linkCode))
  const [typed, setTyped] = useState(linkCode ?? '')
  useDocumentTitle(
    step.step === 'name'
      ? step.answer.title
      : step.step === 'joined'
        ? step.session.title
        : step.step === 'ended'
          ? 'This session has ended'
          : 'Join a session'
  )

  const checkingCode = step.step === 'checking' ? step.code : null
  useEffect(() => {
    if (checkingCode === null) return
    const controller = new AbortController()
    checkJoinCode(checkingCode, controller.signal).then(
      (answer) =>
        setStep(
          answer.ok
            ? linkKey !== null && answer.hostKey !== linkKey
              ? { step: 'code', problem: KEY_MISMATCH }
              : { step: 'name', code: checkingCode, answer }
            : answer.ended
              ? { step: 'ended' }
              : { step: 'code', problem: answer.error }
        ),
      // Aborted: this screen has gone.
      () => undefined
    )
    return () => controller.abort()
  }, [checkingCode, linkKey])

  const submitCode = () => {
    const code = readTypedCode(typed)
    setStep(code.ok ? { step: 'checking', code: code.code } : { step: 'code', problem: code.problem })
  }

  const join = (code: string, answer: JoinAccepted, typedName: string) => {
    const seed = randomSeed()
    const session: JoinedSession = {
      code,
      title: answer.title,
      room: answer.room,
      ticket: answer.ticket,
      hostKey: answer.hostKey,
      name: cleanDisplayName(typedName) || guestName(seed),
      colour: participantColourFor(seed >>> 8)
    }
    saveJoinedSession(localStorage, session)
    setStep({ step: 'joined', session })
  }

  const typeNewCode = () => {
    setTyped('')
    setStep({ step: 'code', problem: null })
    navigate({ screen: 'join', code: null })
  }

  if (step.step === 'joined') {
    return (
      <ParticipantBoard
        session={step.session}
        onLeft={() => {
          forgetJoinedSession(localStorage)
          typeNewCode()
        }}
      />
    )
  }
  return (
    <main className="join">
      {step.step === 'ended' ? (
        <SessionEnded onNewCode={typeNewCode} />
      ) : step.step === 'name' ? (
        <NameForm title={step.answer.title} onJoin={(name) => join(step.code, step.answer, name)} />
      ) : (
        <JoinCodeForm
          typed={typed}
          onTypedChange={setTyped}
          problem={step.step === 'code' ? step.problem : null}
          checking={step.step === 'checking'}
          onSubmit={submitCode}
        />
      )}
    </main>
  )
}
