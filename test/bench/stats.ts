/** Summaries for benchmark samples: medians and percentiles, since these machines are noisy. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)

export function report(name: string, samples: readonly number[], unit = 'ms', target?: string): void {
  const line = `${name}: median ${median(samples).toFixed(2)} ${unit}, p95 ${percentile(samples, 95).toFixed(2)} ${unit} (n=${samples.length})`
  console.log(target ? `${line}; target ${target}` : line)
}

/** process.cpuUsage(), user + system, in ms: every thread of this process (native ones included). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
