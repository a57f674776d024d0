import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { HEADERS, PATHS } from '../src/core/protocol'
import { createSSKSBackend } from '../src/server/index'
import { loadLoop, type LoadRequest } from './loadLoop'
import { THROUGHPUT_DATA_B64 } from './throughputData'
import type { BenchRow } from './types'

const authFactor = { type: 'EM' as const, value: 'bench@example.com' }

/**
 * Emulator push+search requests/s over loopback vs a bare node:http server answering the same
 * JSON. Both servers run in a child process (the load loop must not share their event loop);
 * same client loop, short runs alternated A B A B so machine noise hits both.
 */
export async function measureThroughput({ rounds = 4, durationMs = 1000 } = {}): Promise<BenchRow[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./throughputServers.ts', import.meta.url))],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
    const { emulatorUrl, bareUrl, appId, apiKey } = JSON.parse(line) as {
      emulatorUrl: string
      bareUrl: string
      appId: string
      apiKey: string
    }

    const backend = createSSKSBackend({ keyStorageURL: emulatorUrl, appId, apiKey })
    const { sessionId } = await backend.challengeSend({
      userId: 'bench',
      authFactor,
      createUser: true,
      forceAuth: true,
    })
    const outbox = (await (await fetch(new URL('/__dev/outbox', emulatorUrl))).json()) as Array<{
      sessionId: string
      challenge: string
    }>
    const challenge = outbox.find((entry) => entry.sessionId === sessionId)!.challenge
    const { new_id: newId } = (await post(emulatorUrl, PATHS.challengeValidate, appId, sessionId, {
      challenge,
      auth_factor: authFactor,
    })) as { new_id: string }
    await post(emulatorUrl, PATHS.push, appId, newId, { data_b64: THROUGHPUT_DATA_B64, auth_factor: authFactor })

    const headers = { [HEADERS.appId]: appId, [HEADERS.session]: newId, 'Content-Type': 'application/json' }
    const load: LoadRequest[] = [
      { path: PATHS.push, headers, body: JSON.stringify({ data_b64: THROUGHPUT_DATA_B64, auth_factor: authFactor }) },
      { path: PATHS.search, headers, body: '' },
    ]
    await loadLoop(emulatorUrl, load, { durationMs: 300 }) // warm-up (JIT, sockets), not counted
    await loadLoop(bareUrl, load, { durationMs: 300 })

    const emulatorRps: number[] = []
    const bareRps: number[] = []
    let failed = 0
    for (let round = 0; round < rounds; round++) {
      const pair = round % 2 === 0 ? [emulatorUrl, bareUrl] : [bareUrl, emulatorUrl]
      for (const url of pair) {
        const result = await loadLoop(url, load, { durationMs })
        ;(url === emulatorUrl ? emulatorRps : bareRps).push(result.rps)
        failed += result.failed
      }
    }
    const ours = mean(emulatorRps)
    const baseline = mean(bareRps)
    return [
      {
        section: 'throughput',
        metric: 'emulator push+search req/s (c=16, keep-alive)',
        ours: ours.toFixed(0),
        baseline: `${baseline.toFixed(0)} (bare node:http)`,
        ratio: ours / baseline,
        note: failed
          ? `${failed} non-2xx answers!`
          : `${rounds}×${durationMs} ms each, alternated; servers in a child process`,
      },
    ]
  } finally {
    child.stdin!.end()
    await once(child, 'exit')
  }
}

async function post(base: string, path: string, appId: string, session: string, body: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { [HEADERS.appId]: appId, [HEADERS.session]: session, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`bench setup: ${path} answered ${response.status}`)
  return response.json()
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
