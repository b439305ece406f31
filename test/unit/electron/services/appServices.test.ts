import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch, type EventMessage } from '../../../../shared/contract'
import { openAppServices } from '../../../../electron/services/appServices'
import { decodeDocFile } from '../../../../electron/services/docs.service'
import { loopbackSessions } from '../loopbackSessions'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

describe('openAppServices', () => {
  it('opens a new data folder, holds it until closed, and writes unsaved boards on close', async () => {
    const dataDir = join(tempDir(), 'nested', 'data')
    const services = await openAppServices({ dataDir, mode: 'host', version: '0.1.0', sessions: loopbackSessions(tempDir()) })
    await expect(openAppServices({ dataDir, mode: 'host', version: '0.1.0', sessions: loopbackSessions(tempDir()) })).rejects.toThrow(
      `Another copy of Workshop Studio is already using the data folder ${dataDir}`
    )

    const created = await dispatch(services.handlers, 'library', 'create', [{ template: 'core-values', title: 'Kept' }])
    if (!created.ok) throw new Error(created.error)
    const { id } = created.value as { id: string }
    await dispatch(services.handlers, 'docs', 'save', [id, new Uint8Array([5, 6])])
    await services.close()
    await services.close()

    expect(decodeDocFile(await readFile(join(dataDir, 'workshops', `${id}.ydoc`)))).toEqual(new Uint8Array([5, 6]))
    const reopened = await openAppServices({ dataDir, mode: 'desktop', version: '0.1.0', sessions: loopbackSessions(tempDir()) })
    expect(await dispatch(reopened.handlers, 'library', 'list', [])).toMatchObject({ ok: true, value: [{ id, title: 'Kept' }] })
    expect(await dispatch(reopened.handlers, 'app', 'info', [])).toEqual({
      ok: true,
      value: { version: '0.1.0', mode: 'desktop', dataDir, notices: [] }
    })
    await reopened.close()
  })

  it('sends events to listeners until they unsubscribe', async () => {
    const services = await openAppServices({ dataDir: tempDir(), mode: 'host', version: '0.1.0', sessions: loopbackSessions(tempDir()) })
    const heard: EventMessage[] = []
    const stop = services.onEvent((message) => heard.push(message))
    await dispatch(services.handlers, 'library', 'create', [{ template: 'core-values', title: 'One' }])
    stop()
    await dispatch(services.handlers, 'library', 'create', [{ template: 'core-values', title: 'Two' }])
    expect(heard).toEqual([{ namespace: 'library', event: 'changed', payload: null }])
    await services.close()
  })

  it('gives the folder back when the library cannot be opened', async () => {
    await writeFile(join(tempDir(), 'library.json'), JSON.stringify({ schemaVersion: 99 }))
    await expect(openAppServices({ dataDir: tempDir(), mode: 'host', version: '0.1.0', sessions: loopbackSessions(tempDir()) })).rejects.toThrow('newer version')
    await expect(readFile(join(tempDir(), 'app.lock'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
