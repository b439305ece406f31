import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../../electron/services/paths'

describe('defaultDataDir', () => {
  it('follows the XDG config folder on Linux, as Electron does', () => {
    expect(defaultDataDir(undefined, { platform: 'linux', env: {}, homedir: '/home/ana' })).toBe(
      '/home/ana/.config/Workshop Studio'
    )
    expect(defaultDataDir(undefined, { platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/ana' })).toBe(
      '/cfg/Workshop Studio'
    )
  })

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('Workshop Studio', { platform: 'darwin', env: {}, homedir: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Workshop Studio'
    )
  })

  it('uses the roaming AppData folder on Windows', () => {
    expect(
      defaultDataDir(undefined, { platform: 'win32', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, homedir: 'C:\\Users\\ana' })
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Workshop Studio')
  })
})
