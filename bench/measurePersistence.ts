import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { HEADERS, PATHS } from '../src/core/protocol'
import { THROUGHPUT_DATA_B64 } from './throughputData'
import type { BenchRow } from './types'

interface Target {
  url: string
  appId: string
  apiKey: string
}

/**
 * p99 latency of state-changing requests (challenge_send for a new user, push of a backup) on
 * an emulator persisting to a data file that holds `stored` identities vs an empty one. Both
 * run in one child process (the client must not share their event loop), same client, short
 * rounds alternated A B B A so machine noise hits both. Each answer comes after its fsync; on a
 * shared machine the tail is mostly disk and scheduling noise, hitting both stores alike, so the
 * ratio is what shows growth with stored data. Measured on disk, and on a RAM disk (no fsync cost).
 */
export async function measurePersistence(): Promise<BenchRow[]> {
  const rows = [await measureOn('disk')]
  // On a RAM disk fsync costs almost nothing: what is left is the emulator's own work per request.
  if (existsSync('/dev/shm')) rows.push(await measureOn('RAM disk', '/dev/shm'))
  return rows
}

async function measureOn(
  medium: string,
  folder?: string,
  { stored = 10_000, rounds = 16, perRound = 100, concurrency = 4 } = {},
): Promise<BenchRow> {
  const script = fileURLToPath(new URL('./persistenceServers.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(stored), ...(folder ? [folder] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
    const { emptyUrl, fullUrl, appId, apiKey } = JSON.parse(line) as {
      emptyUrl: string
      fullUrl: string
      appId: string
      apiKey: string
    }
    const empty: Target = { url: emptyUrl, appId, apiKey }
    const full: Target = { url: fullUrl, appId, apiKey }
    // Warm-up, not counted: JIT, sockets, and each store's first write (which folds the loaded
    // data into a fresh snapshot once per process).
    await timeRequests(empty, perRound / 2, concurrency, 'warm')
    await timeRequests(full, perRound / 2, concurrency, 'warm')
    // That first write of the full store is tens of MB: let the kernel finish writing it back, or
    // the first rounds' fsyncs wait behind it (a start-up cost, not a per-request one).
    await new Promise((resolve) => setTimeout(resolve, 2000))

    const times = { empty: [] as number[], full: [] as number[] }
    for (let round = 0; round < rounds; round++) {
      const order = round % 4 === 0 || round % 4 === 3 ? (['empty', 'full'] as const) : (['full', 'empty'] as const)
      for (const which of order)
        times[which].push(...(await timeRequests(which === 'empty' ? empty : full, perRound, concurrency, `r${round}`)))
    }
    const p99 = { empty: percentile(times.empty, 0.99), full: percentile(times.full, 0.99) }
    const p50 = { empty: percentile(times.empty, 0.5), full: percentile(times.full, 0.5) }
    const ratio = p99.full / p99.empty
    return {
      section: 'persistence',
      metric: `p99 write latency, ${stored.toLocaleString('en')} stored identities vs empty (--data on ${medium})`,
      ours: `${p99.full.toFixed(2)} ms`,
      baseline: `${p99.empty.toFixed(2)} ms (empty store)`,
      ratio,
      target: '≤ 2',
      met: ratio <= 2,
      note: `p50 ${p50.full.toFixed(2)} vs ${p50.empty.toFixed(2)} ms; ${times.full.length} requests each, c=${concurrency}, fsync per answer`,
    }
  } finally {
    child.stdin!.end()
    await once(child, 'exit')
  }
}

/** `count` requests from `concurrency` workers; each worker's user gets a session, then pushes. */
async function timeRequests(target: Target, count: number, concurrency: number, tag: string): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const url = new URL(target.url)
  const times: number[] = []
  let next = 0
  const worker = async (w: number) => {
    let session = ''
    for (let i = next++; i < count; i = next++) {
      const userId = `bench-${tag}-${w}-${i}`
      const start = performance.now()
      if (session === '' || i % 2 === 0) {
        const sent = await send(
          agent,
          url,
          PATHS.challengeSend,
          { [HEADERS.appId]: target.appId, [HEADERS.apiKey]: target.apiKey },
          {
            user_id: userId,
            auth_factor: { type: 'EM', value: `${userId}@example.com` },
            create_user: true,
          },
        )
        session = (JSON.parse(sent) as { session_id: string }).session_id
      } else {
        await send(
          agent,
          url,
          PATHS.push,
          { [HEADERS.appId]: target.appId, [HEADERS.session]: session },
          { data_b64: THROUGHPUT_DATA_B64 },
        )
      }
      times.push(performance.now() - start)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)))
  agent.destroy()
  return times
}

function send(agent: Agent, url: URL, path: string, headers: Record<string, string>, body: unknown): Promise<string> {
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        let answer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (answer += chunk))
        res.on('end', () =>
          res.statusCode === 200 ? resolve(answer) : reject(new Error(`${path} answered ${res.statusCode}: ${answer}`)),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}
