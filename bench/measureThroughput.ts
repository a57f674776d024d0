import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HEADERS, PATHS } from '../src/core/protocol'
import { startEmulator } from '../src/emulator/index'
import { createSSKSBackend } from '../src/server/index'
import { loadLoop, type LoadRequest } from './loadLoop'
import type { BenchRow } from './types'

const authFactor = { type: 'EM' as const, value: 'bench@example.com' }
// About the size of a real exported identity after encryption (BSON with two 4096-bit RSA keys).
const DATA_B64 = Buffer.alloc(4800, 7).toString('base64')

/**
 * Emulator push+search requests/s over loopback vs a bare node:http server answering the same
 * JSON, same client loop, run alternately (A B A B) so machine noise hits both.
 */
export async function measureThroughput({ rounds = 2, durationMs = 1500 } = {}): Promise<BenchRow[]> {
  const emulator = await startEmulator()
  const bare = await startBareServer()
  try {
    const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
    const { sessionId } = await backend.challengeSend({ userId: 'bench', authFactor, createUser: true, forceAuth: true })
    const challenge = emulator.outbox().at(-1)!.challenge
    const validated = await post(emulator.url, PATHS.challengeValidate, emulator.appId, sessionId, { challenge, auth_factor: authFactor })
    const newId = (validated as { new_id: string }).new_id
    await post(emulator.url, PATHS.push, emulator.appId, newId, { data_b64: DATA_B64, auth_factor: authFactor })

    const headers = { [HEADERS.appId]: emulator.appId, [HEADERS.session]: newId, 'Content-Type': 'application/json' }
    const load: LoadRequest[] = [
      { path: PATHS.push, headers, body: JSON.stringify({ data_b64: DATA_B64, auth_factor: authFactor }) },
      { path: PATHS.search, headers, body: '' },
    ]
    // Warm up both (JIT, connection pools) before measuring.
    await loadLoop(emulator.url, load, { durationMs: 300 })
    await loadLoop(bare.url, load, { durationMs: 300 })

    const emulatorRps: number[] = []
    const bareRps: number[] = []
    let failed = 0
    for (let round = 0; round < rounds; round++) {
      const e = await loadLoop(emulator.url, load, { durationMs })
      const b = await loadLoop(bare.url, load, { durationMs })
      emulatorRps.push(e.rps)
      bareRps.push(b.rps)
      failed += e.failed + b.failed
    }
    const ours = mean(emulatorRps)
    const baseline = mean(bareRps)
    return [
      {
        section: 'throughput',
        metric: 'push+search req/s (c=16, keep-alive)',
        ours: ours.toFixed(0),
        baseline: `${baseline.toFixed(0)} (bare node:http)`,
        ratio: ours / baseline,
        note: failed ? `${failed} non-2xx answers!` : `${rounds}×${durationMs} ms each, alternated`,
      },
    ]
  } finally {
    await emulator.close()
    await bare.close()
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

/** The floor: node:http reading the body and answering the JSON SSKS would, with no logic at all. */
async function startBareServer() {
  const pushAnswer = JSON.stringify({ id: '7b1d5e0c-8f1e-4c54-9d0b-5b2f3c1a9e11' })
  const searchAnswer = JSON.stringify({ data_b64: DATA_B64, authenticated: true })
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (chunks.length) JSON.parse(Buffer.concat(chunks).toString('utf8'))
      const body = req.url === PATHS.push ? pushAnswer : searchAnswer
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
