/** A fresh temporary folder per test, and the emulator a test started on it, both cleaned up after each test. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { RunningEmulator } from '../../src/emulator/index'

export function tempDataFolder(prefix: string) {
  const current = { dir: '', running: undefined as RunningEmulator | undefined }
  beforeEach(() => {
    current.dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await current.running?.close()
    current.running = undefined
    rmSync(current.dir, { recursive: true, force: true })
  })
  return current
}
