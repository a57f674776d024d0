import { scryptAsync } from '@noble/hashes/scrypt.js'
import { scrypt as wasmScrypt } from 'hash-wasm'
import { watchLongTasks } from './watchLongTasks'

type Scrypt = (password: Uint8Array, salt: Uint8Array) => Promise<Uint8Array>

export interface CandidateResult {
  name: string
  /** Median ms per derivation, and the range. */
  median: number
  min: number
  max: number
  /** Longest main-thread task seen during the derivations, ms (0: none over 50 ms). */
  longestTask: number
  note?: string
}

const params = { N: 16384, r: 8, p: 1, dkLen: 64 }

/** noble's scrypt off the main thread: a Worker built from `workerSource` (the bench bundles it). */
export async function startWorkerScrypt(
  workerSource: string,
): Promise<{ scrypt: Scrypt; startMs: number; stop(): void }> {
  const start = performance.now()
  const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })))
  let next = 0
  const pending = new Map<number, (key: Uint8Array) => void>()
  worker.onmessage = (event: MessageEvent<{ id: number; key: Uint8Array }>) =>
    pending.get(event.data.id)?.(event.data.key)
  const scrypt: Scrypt = (password, salt) =>
    new Promise((resolve) => {
      const id = next++
      pending.set(id, resolve)
      worker.postMessage({ id, password, salt })
    })
  // Start cost: until the worker has evaluated its script and answered (a tiny derivation).
  await new Promise<void>((resolve) => {
    pending.set(-1, () => resolve())
    worker.postMessage({ id: -1, password: new Uint8Array(1), salt: new Uint8Array(1) })
  })
  return { scrypt, startMs: performance.now() - start, stop: () => worker.terminate() }
}

/** Times each candidate on the same inputs, interleaved round by round. */
export async function measureScryptCandidates(
  sdkScrypt: Scrypt,
  workerSource: string,
  rounds: number,
): Promise<CandidateResult[]> {
  const worker = await startWorkerScrypt(workerSource)
  const candidates: Array<[string, Scrypt, string?]> = [
    ['SDK utils.scrypt (scrypt-js)', sdkScrypt],
    ['@noble/hashes scryptAsync, asyncTick 10', (p, s) => scryptAsync(p, s, { ...params, asyncTick: 10 })],
    ['@noble/hashes in a Web Worker', worker.scrypt, `worker start ${worker.startMs.toFixed(1)} ms (once)`],
    [
      'hash-wasm 4.13.0 scrypt (sync WASM)',
      (p, s) =>
        wasmScrypt({
          password: p,
          salt: s,
          costFactor: 16384,
          blockSize: 8,
          parallelism: 1,
          hashLength: 64,
          outputType: 'binary',
        }),
    ],
  ]
  const times = candidates.map(() => [] as number[])
  const longest = candidates.map(() => 0)
  const password = new TextEncoder().encode('correct horse battery staple')
  for (let round = -1; round < rounds; round++) {
    for (const [index, [, scrypt]] of candidates.entries()) {
      const salt = crypto.getRandomValues(new Uint8Array(64))
      await new Promise((resolve) => setTimeout(resolve, 20))
      const watch = watchLongTasks()
      const start = performance.now()
      await scrypt(password, salt)
      const elapsed = performance.now() - start
      const tasks = await watch.stop()
      if (round < 0) continue // warm-up (JIT, WASM compile)
      times[index]!.push(elapsed)
      longest[index] = Math.max(longest[index]!, ...tasks)
    }
  }
  worker.stop()
  return candidates.map(([name, , note], index) => {
    const sorted = [...times[index]!].sort((a, b) => a - b)
    return {
      name,
      median: sorted[Math.floor(sorted.length / 2)]!,
      min: sorted[0]!,
      max: sorted.at(-1)!,
      longestTask: longest[index]!,
      ...(note ? { note } : {}),
    }
  })
}
