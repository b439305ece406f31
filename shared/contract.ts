/**
 * The one declaration of every call between the renderer and the main side.
 *
 * Each method lists the schema of its arguments and the type of its result; each event
 * the type of its payload. The preload and the host-mode HTTP client are built from
 * `methodNames`, and the main side routes through `dispatch`, so adding a method here
 * never touches a bridge. No other file names a channel or a route.
 */
import { z } from 'zod'
import { TEMPLATE_IDS } from './templates'
import { TITLE_MAX_LENGTH, type WorkshopSummary } from './workshop'
import type { LiveSessionInfo } from './liveSession'
import { EXPORT_FOLDER_MAX_LENGTH, EXPORT_FORMATS, type ExportResult } from './exports/formats'
import { workshopRecordSchema, type FinalizedRecord } from './workshopRecord'

export const CONTRACT_VERSION = 1

/** Electron IPC channels. */
export const INVOKE_CHANNEL = 'app:invoke'
export const EVENT_CHANNEL = 'app:event'
/** Host-mode HTTP routes (loopback only, token guarded). */
export const INVOKE_ROUTE = '/api/invoke'
export const EVENTS_ROUTE = '/api/events'

/** A workshop's saved document may not exceed this; far above 5,000 notes. */
export const MAX_DOC_BYTES = 64 * 1024 * 1024

interface Method<A extends z.ZodTuple, R> {
  args: A
  /** Type only: never read at run time. */
  result?: R
}
function takes<A extends z.ZodTuple>(args: A) {
  return { returns: <R>(): Method<A, R> => ({ args }) }
}
interface EventDecl<P> {
  /** Type only: never read at run time. */
  payload?: P
}
const event = <P>(): EventDecl<P> => ({})

const workshopId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'is not a workshop id')
const title = z
  .string()
  .trim()
  .min(1, 'a title cannot be empty')
  .max(TITLE_MAX_LENGTH, `a title can be at most ${TITLE_MAX_LENGTH} characters`)
const folderPath = z
  .string()
  .trim()
  .min(1, 'a folder is needed')
  .max(EXPORT_FOLDER_MAX_LENGTH, `a folder path can be at most ${EXPORT_FOLDER_MAX_LENGTH} characters`)
const docState = z
  .instanceof(Uint8Array, { error: 'must be binary document state' })
  .refine((bytes) => bytes.byteLength <= MAX_DOC_BYTES, 'is larger than a workshop can be (64 MB)')

export interface DocLoadResult {
  /** The saved Yjs state, or null for a workshop never saved. */
  state: Uint8Array | null
  /** Set when the saved file was damaged and an earlier copy was used: tell the user. */
  notice: string | null
}

export interface AppInfo {
  version: string
  mode: 'desktop' | 'host'
  dataDir: string
  /** Things the user should know from start-up, such as a damaged file that was restored. */
  notices: string[]
}

/** A live session as the facilitator's own screen needs it. */
export interface FacilitatorSession extends LiveSessionInfo {
  /** The facilitator's ticket: its window joins the hub over loopback with the facilitator's rights. */
  ticket: string
  /** Participants trying to connect right now who have not made it (yet): a network that blocks them shows here. */
  connecting: number
  /** Something the facilitator should know about this session, such as a port that had to change; null otherwise. */
  notice: string | null
}

export const methods = {
  app: {
    info: takes(z.tuple([])).returns<AppInfo>()
  },
  library: {
    /** Every workshop, trashed ones included, most recently changed first. */
    list: takes(z.tuple([])).returns<WorkshopSummary[]>(),
    create: takes(z.tuple([z.object({ template: z.enum(TEMPLATE_IDS), title })])).returns<WorkshopSummary>(),
    rename: takes(z.tuple([workshopId, title])).returns<WorkshopSummary>(),
    duplicate: takes(z.tuple([workshopId])).returns<WorkshopSummary>(),
    trash: takes(z.tuple([workshopId])).returns<WorkshopSummary>(),
    restore: takes(z.tuple([workshopId])).returns<WorkshopSummary>(),
    /** Only for a workshop already in the trash. */
    deleteForever: takes(z.tuple([workshopId])).returns<void>(),
    /** Stores a workshop's finalized record with its content hash, once; a second call is refused. */
    finalize: takes(z.tuple([workshopId, workshopRecordSchema])).returns<FinalizedRecord>(),
    /** The finalized record, or null while the workshop is not finalized. */
    finalized: takes(z.tuple([workshopId])).returns<FinalizedRecord | null>()
  },
  docs: {
    load: takes(z.tuple([workshopId])).returns<DocLoadResult>(),
    save: takes(z.tuple([workshopId, docState])).returns<void>()
  },
  session: {
    /** Starts hosting the workshop on the room's network, or returns the session already live. */
    goLive: takes(z.tuple([workshopId])).returns<FacilitatorSession>(),
    /** The live session of a workshop, or null. */
    status: takes(z.tuple([workshopId])).returns<FacilitatorSession | null>(),
    rotateCode: takes(z.tuple([workshopId])).returns<FacilitatorSession>(),
    /** Disconnects everyone and admits no one new. */
    end: takes(z.tuple([workshopId])).returns<void>()
  },
  exports: {
    /** Writes one format of a finalized workshop into `folder` (created if needed); never replaces a file. */
    write: takes(z.tuple([workshopId, z.enum(EXPORT_FORMATS), folderPath])).returns<ExportResult>(),
    /** Where exports go unless the person picks another folder. */
    defaultFolder: takes(z.tuple([])).returns<string>(),
    /** The desktop app's folder picker, opened at `startIn`; null when cancelled. Host mode has none. */
    pickFolder: takes(z.tuple([folderPath])).returns<string | null>(),
    /** Opens the system's file manager at an exported file. Only the desktop app has one. */
    showInFolder: takes(z.tuple([folderPath])).returns<void>()
  }
} as const

export const events = {
  library: {
    /** The list of workshops changed (from any window or tab). */
    changed: event<null>()
  }
} as const

type Methods = typeof methods
type Events = typeof events
export type Namespace = keyof Methods
export type EventNamespace = keyof Events

type ArgsOf<N extends Namespace, M extends keyof Methods[N]> =
  Methods[N][M] extends Method<infer A, unknown> ? A : never
type ResultOf<N extends Namespace, M extends keyof Methods[N]> =
  Methods[N][M] extends Method<z.ZodTuple, infer R> ? R : never
export type PayloadOf<N extends EventNamespace, E extends keyof Events[N]> =
  Events[N][E] extends EventDecl<infer P> ? P : never

/** What the renderer calls: `api.library.rename(id, title)`, `api.on('library', 'changed', fn)`. */
export type AppApi = {
  [N in Namespace]: {
    [M in keyof Methods[N]]: (...args: z.input<ArgsOf<N, M>>) => Promise<ResultOf<N, M>>
  }
} & {
  on<N extends EventNamespace, E extends keyof Events[N] & string>(
    namespace: N,
    event: E,
    listener: (payload: PayloadOf<N, E>) => void
  ): () => void
}

/** What the main side implements, one namespace at a time: `fooHandlers satisfies Handlers<'foo'>`. */
export type Handlers<N extends Namespace> = {
  [M in keyof Methods[N]]: (...args: z.output<ArgsOf<N, M>>) => Promise<ResultOf<N, M>> | ResultOf<N, M>
}
export type AllHandlers = { [N in Namespace]: Handlers<N> }

/** Every method as [namespace, name]: the runtime list the bridges are built from. */
export const methodNames: ReadonlyArray<readonly [Namespace, string]> = Object.entries(methods).flatMap(
  ([namespace, group]) => Object.keys(group).map((name) => [namespace as Namespace, name] as const)
)

/** An error meant for the person using the app: its message says what happened and what to do. */
export class UserError extends Error {
  override name = 'UserError'
}

/** What crosses the boundary for each call, so errors arrive as plain messages, never stack traces. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string }

export interface EventMessage {
  namespace: string
  event: string
  payload: unknown
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? `argument ${issue.path.map(String).join('.')}` : 'arguments'
      return `${where} ${issue.message.replace(/^Invalid input: /, '')}`
    })
    .join('; ')
}

/**
 * Validates a call against the contract and runs its handler. Unknown methods, bad
 * arguments and handler failures all come back as `{ ok: false }` with a readable message;
 * nothing a caller sends can throw through this function.
 */
export async function dispatch(
  handlers: AllHandlers,
  namespace: unknown,
  name: unknown,
  rawArgs: unknown
): Promise<Reply> {
  const group = typeof namespace === 'string' && Object.hasOwn(methods, namespace)
    ? (methods as Record<string, Record<string, Method<z.ZodTuple, unknown>>>)[namespace]
    : undefined
  const method = group && typeof name === 'string' && Object.hasOwn(group, name) ? group[name] : undefined
  if (!method) return { ok: false, error: `Unknown request ${String(namespace)}.${String(name)}.` }
  const parsed = method.args.safeParse(rawArgs)
  if (!parsed.success) {
    return { ok: false, error: `Invalid request to ${namespace}.${name}: ${describeIssues(parsed.error)}.` }
  }
  const handler = (handlers as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
    namespace as string
  ]?.[name as string]
  if (!handler) return { ok: false, error: `Unknown request ${namespace}.${name}.` }
  try {
    return { ok: true, value: await handler(...parsed.data) }
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message }
    console.error(`${namespace}.${name} failed:`, error)
    return { ok: false, error: 'Something went wrong on this computer; nothing was changed. Details are in the log.' }
  }
}

/** Transport used to build an AppApi: Electron IPC in the desktop app, HTTP in host mode. */
export interface Transport {
  invoke(namespace: string, name: string, args: unknown[]): Promise<Reply>
  subscribe(listener: (message: EventMessage) => void): () => void
}

/** Builds the renderer's API object from the contract's names: no method is written by hand. */
export function createApi(transport: Transport): AppApi {
  const api: Record<string, unknown> = {}
  for (const [namespace, name] of methodNames) {
    const group = (api[namespace] ??= {}) as Record<string, unknown>
    group[name] = async (...args: unknown[]) => {
      const reply = await transport.invoke(namespace, name, args)
      if (!reply.ok) throw new UserError(reply.error)
      return reply.value
    }
  }
  api.on = (namespace: string, event: string, listener: (payload: unknown) => void) =>
    transport.subscribe((message) => {
      if (message.namespace === namespace && message.event === event) listener(message.payload)
    })
  return api as AppApi
}
