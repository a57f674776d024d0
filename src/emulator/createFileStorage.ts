import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseSnapshot } from './parseSnapshot'
import type { EmulatorSnapshot, EmulatorStorage } from './types'

/**
 * Keeps the emulator's state in a JSON file. Writes go to a temporary file in the same folder and
 * are renamed over the old one, so a crash mid-write never leaves a half-written file.
 */
export function createFileStorage(file: string): EmulatorStorage {
  let folderReady = false
  return {
    load(): EmulatorSnapshot | undefined {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw new Error(`ssks-emulator: cannot read the data file ${file}: ${(error as Error).message}`, { cause: error })
      }
      try {
        return parseSnapshot(JSON.parse(text))
      } catch (error) {
        throw new Error(
          `ssks-emulator: the data file ${file} is not a valid emulator data file (${(error as Error).message}); fix it, or move it away to start empty`,
          { cause: error },
        )
      }
    },
    save(snapshot: EmulatorSnapshot): void {
      if (!folderReady) {
        mkdirSync(dirname(file), { recursive: true })
        folderReady = true
      }
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
      try {
        // Owner-only: the file holds the API key, pending codes and the stored blobs.
        writeFileSync(temporary, JSON.stringify(snapshot, null, 2), { mode: 0o600 })
        renameSync(temporary, file)
      } catch (error) {
        rmSync(temporary, { force: true })
        throw error
      }
    },
  }
}
