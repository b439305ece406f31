/** Where the app keeps its data when no --data-dir is given. */
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export interface SystemPaths {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  homedir: string
}

const thisSystem = (): SystemPaths => ({ platform: process.platform, env: process.env, homedir: homedir() })

/**
 * The folder Electron's `app.getPath('userData')` gives, so the desktop app and host mode
 * under plain Node find the same library without Electron being loaded.
 */
export function defaultDataDir(appName = 'Workshop Studio', system: SystemPaths = thisSystem()): string {
  const { platform, env, homedir: home } = system
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), appName)
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', appName)
    default:
      return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), appName)
  }
}
