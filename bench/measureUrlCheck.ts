import { validateKeyStorageURL } from '../src/core/validation/validateKeyStorageURL'
import type { BenchRow } from './types'

/** Median time of refusing an invalid `keyStorageURL` of `length` characters (a space at the end). */
function refusalMs(length: number, runs = 7): number {
  const url = `https://${'a'.repeat(length - 9)} `
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    try {
      validateKeyStorageURL(url)
    } catch {
      // refused, as expected
    }
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

/**
 * The `keyStorageURL` check must stay linear: a long invalid URL from configuration or user input
 * cannot stall the page. Side by side in one run: refusing a 20,000-character URL vs 20× the time
 * for a 1,000-character one. A linear check gives a ratio near 1 or below; a backtracking (quadratic)
 * one 20 or more (the old pattern: 3.2 s for 20,000 characters, ratio 137, on a loaded machine).
 */
export async function measureUrlCheck(): Promise<BenchRow[]> {
  refusalMs(1_000, 3) // warm-up
  const small = refusalMs(1_000)
  const large = refusalMs(20_000)
  const ratio = large / (20 * Math.max(small, 0.001))
  return [
    {
      section: 'url check',
      metric: 'refuse a 20,000-char invalid keyStorageURL vs 20 × 1,000 chars',
      ours: `${large.toFixed(2)} ms`,
      baseline: `${(20 * small).toFixed(2)} ms`,
      ratio,
      target: '≤ 2 (linear)',
      met: ratio <= 2,
    },
  ]
}
