import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLaunchOptions } from '../../../../electron/services/launchOptions'

describe('launch options', () => {
  it('defaults to the app-data folder, a free port and opening the browser', () => {
    expect(parseLaunchOptions([])).toEqual({ dataDir: undefined, port: 0, sessionPort: 0, openBrowser: true })
  })

  it('honours --data-dir, --port, --session-port and --no-open in either spelling', () => {
    expect(parseLaunchOptions(['--data-dir', 'work/ws', '--port=4321', '--session-port', '4444', '--no-open'])).toEqual({
      dataDir: resolve('work/ws'),
      port: 4321,
      sessionPort: 4444,
      openBrowser: false
    })
  })

  it('ignores switches Electron and Chromium add of their own', () => {
    expect(parseLaunchOptions(['.', '--enable-logging', '--inspect=0', '--data-dir=/tmp/x']).dataDir).toBe('/tmp/x')
  })

  it('explains a bad port or an empty data folder', () => {
    expect(() => parseLaunchOptions(['--port', 'eighty'])).toThrow('--port must be a whole number from 0 to 65535')
    expect(() => parseLaunchOptions(['--port', '70000'])).toThrow('got "70000"')
    expect(() => parseLaunchOptions(['--session-port', '-1'])).toThrow('--session-port must be a whole number')
    expect(() => parseLaunchOptions(['--data-dir='])).toThrow('--data-dir needs a folder')
  })
})
