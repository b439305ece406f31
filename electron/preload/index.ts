/**
 * Builds `window.app` from the contract's list of methods: one generic invoke channel, so
 * adding a method never touches this file. Runs sandboxed; everything it needs is bundled.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createApi, EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage, type Reply } from '../../shared/contract'

const api = createApi({
  invoke: (namespace, name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, namespace, name, args) as Promise<Reply>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, message: EventMessage) => listener(message)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, forward)
    }
  }
})

contextBridge.exposeInMainWorld('app', api)
