/**
 * The desktop app's main process: windows, IPC and hardening only. All logic lives in
 * the services, which host mode runs without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, shell, type OpenDialogOptions } from 'electron'
import { fileURLToPath } from 'node:url'
import { dispatch, EVENT_CHANNEL, INVOKE_CHANNEL, UserError } from '../../shared/contract'
import { openAppServices } from '../services/appServices'
import { parseLaunchOptions } from '../services/launchOptions'
import { SessionManager } from '../host/sessionManager'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './appProtocol'
import { applyHardening, isTrustedSender } from './hardening'

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

registerAppScheme()
app.enableSandbox()

/** The system's folder picker, over the window that asked. */
async function pickFolder(startIn: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Export to folder',
    defaultPath: startIn,
    buttonLabel: 'Choose folder',
    properties: ['openDirectory', 'createDirectory']
  }
  const window = BrowserWindow.getFocusedWindow()
  const { canceled, filePaths } = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options))
  return canceled ? null : (filePaths[0] ?? null)
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Workshop Studio',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

async function start(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(1))
  const dataDir = options.dataDir ?? app.getPath('userData')
  const sessions = new SessionManager({ rendererDir, port: options.sessionPort, dataDir })
  const services = await openAppServices({
    dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    sessions,
    exportsFolder: app.getPath('documents'),
    pickFolder,
    showInFolder: (path) => shell.showItemInFolder(path)
  })

  applyHardening()
  serveRenderer(rendererDir)
  ipcMain.handle(INVOKE_CHANNEL, (event, namespace: unknown, name: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: 'Refused: this request did not come from the app.' }
    }
    return dispatch(services.handlers, namespace, name, args)
  })
  services.onEvent((message) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, message)
  })

  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    // Finish writing every board before the process ends.
    event.preventDefault()
    void services.close().finally(() => {
      closed = true
      app.quit()
    })
  })

  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message =
        error instanceof UserError ? error.message : `Workshop Studio could not start: ${String(error)}`
      dialog.showErrorBox('Workshop Studio', message)
      app.exit(1)
    })
}
