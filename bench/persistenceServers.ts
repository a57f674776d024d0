/**
 * Child process of the persistence benchmark: two emulators on data files in a fresh temporary
 * folder (under argv[3], default the system's), one empty and one holding argv[2] identities. Prints one JSON line with
 * their URLs
 * and credentials, then runs until its stdin closes (and removes the folder).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileStorage, startEmulator } from '../src/emulator/index'
import type { EmulatorSnapshot } from '../src/emulator/types'
import { THROUGHPUT_DATA_B64 } from './throughputData'

const stored = Number(process.argv[2] ?? 10_000)
const dir = mkdtempSync(join(process.argv[3] ?? tmpdir(), 'ssks-bench-persistence-'))
const appId = crypto.randomUUID()
const apiKey = 'bench-key'

const fullFile = join(dir, 'full.json')
const snapshot: EmulatorSnapshot = {
  version: 1,
  appId,
  apiKey,
  users: Array.from({ length: stored }, (_, i) => `stored-${i}`),
  tmrKeys: Array.from({ length: stored }, (_, i) => ({
    id: crypto.randomUUID(),
    userId: `stored-${i}`,
    authFactor: { type: 'EM' as const, value: `stored-${i}@example.com` },
    data_b64: THROUGHPUT_DATA_B64,
    authenticated: true,
  })),
  sessions: [],
  smsSent: 0,
  outbox: [],
}
createFileStorage(fullFile).save(snapshot)

const empty = await startEmulator({ dataFile: join(dir, 'empty.json'), appId, apiKey })
const full = await startEmulator({ dataFile: fullFile, appId, apiKey })
process.stdout.write(`${JSON.stringify({ emptyUrl: empty.url, fullUrl: full.url, appId, apiKey })}\n`)
process.stdin.resume()
process.stdin.on('end', async () => {
  await empty.close()
  await full.close()
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
})
