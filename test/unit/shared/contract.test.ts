import { describe, expect, it } from 'vitest'
import { createApi, methodNames, methods, UserError, type EventMessage, type Reply } from '../../../shared/contract'

describe('contract', () => {
  it('lists every declared method for the bridges to build from', () => {
    const declared = Object.entries(methods).flatMap(([namespace, group]) => Object.keys(group).map((name) => `${namespace}.${name}`))
    expect(methodNames.map(([namespace, name]) => `${namespace}.${name}`)).toEqual(declared)
    expect(declared).toContain('library.create')
    expect(declared).toContain('docs.save')
  })

  it('builds an API whose calls go through the transport and whose errors read as the main side wrote them', async () => {
    const calls: unknown[] = []
    let emit: (message: EventMessage) => void = () => undefined
    const api = createApi({
      async invoke(namespace, name, args): Promise<Reply> {
        calls.push([namespace, name, args])
        return name === 'rename' ? { ok: false, error: 'That workshop no longer exists.' } : { ok: true, value: [] }
      },
      subscribe(listener) {
        emit = listener
        return () => (emit = () => undefined)
      }
    })
    await expect(api.library.list()).resolves.toEqual([])
    await expect(api.library.rename('abcdefgh-1', 'New')).rejects.toThrow(new UserError('That workshop no longer exists.'))
    expect(calls).toEqual([
      ['library', 'list', []],
      ['library', 'rename', ['abcdefgh-1', 'New']]
    ])

    const heard: unknown[] = []
    const stop = api.on('library', 'changed', (payload) => heard.push(payload))
    emit({ namespace: 'library', event: 'changed', payload: null })
    emit({ namespace: 'docs', event: 'changed', payload: 'other' })
    stop()
    emit({ namespace: 'library', event: 'changed', payload: null })
    expect(heard).toEqual([null])
  })
})
