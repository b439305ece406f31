/** The built app in host mode as a child process, for end-to-end specs and benchmarks. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const HOST_ENTRY = join(import.meta.dirname, '../../out/main/host.js')

export interface HostApp {
  /** The address with the token, as printed for the user. */
  url: string
  output(): string
  /** Stops the process the way Ctrl+C does; resolves with its exit code. */
  stop(): Promise<number | null>
  /** Kills the process outright (a crash, a pulled plug): only what is already on disk survives. */
  kill(): Promise<number | null>
}

export async function startHostApp(dataDir: string, extraArgs: string[] = []): Promise<HostApp> {
  const child: ChildProcess = spawn(process.execPath, [HOST_ENTRY, '--data-dir', dataDir, '--port', '0', '--no-open', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host mode did not start:\n${output}`)), 15_000)
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`host mode exited with ${code}:\n${output}`))
    })
  })

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
      return null
    }
  }
}

/** Runs host mode to completion and returns its exit code and output (for refusals). */
export async function runHostAppExpectingExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [HOST_ENTRY, '--data-dir', dataDir, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, output }
}

