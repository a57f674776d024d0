import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { EmulatorState } from './emulatorState'
import { parseChange } from './parseChange'
import { parseSnapshot } from './parseSnapshot'
import type { EmulatorChange, EmulatorSnapshot, EmulatorStorage } from './types'

/** A journal smaller than this is never folded (rewriting the snapshot costs more than replaying it). */
const MIN_COMPACT_BYTES = 8 * 1024 * 1024

export interface FileStorageOptions {
  /** Smallest journal that is folded into a new snapshot (default 8 MiB; always at least twice the snapshot). */
  compactAfterBytes?: number
}

/**
 * Keeps the emulator's state in files: a JSON snapshot at `file` and a journal beside it
 * (`<file>.<generation>.journal`, one JSON line per saved batch of changes). A request costs one
 * appended line and one fsync, whatever the number of stored identities; the journal is folded
 * into a new snapshot when it outgrows twice the snapshot. Every write is durable before it
 * counts: journal lines are fsynced, snapshots are written to a temporary file, fsynced and
 * renamed (then the folder is fsynced), so a crash leaves either the old or the new state, never
 * a mix. A journal line cut by a crash was never acknowledged and is ignored.
 */
export function createFileStorage(file: string, options: FileStorageOptions = {}): EmulatorStorage {
  const minCompact = options.compactAfterBytes ?? MIN_COMPACT_BYTES
  const folder = dirname(file)
  const prefix = `${basename(file)}.`
  const journalOf = (generation: number) => `${file}.${generation}.journal`
  let generation = 0
  let journal: FileHandle | undefined
  let journalBytes = 0
  let compactAfter = minCompact
  let opened = false

  /** Writes a snapshot as generation `next`, then starts that generation's empty journal. */
  async function compact(snapshot: EmulatorSnapshot): Promise<void> {
    const next = generation + 1
    const text = JSON.stringify({ ...snapshot, generation: next })
    mkdirSync(folder, { recursive: true })
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    try {
      // Owner-only: the files hold the API key, pending codes and the stored blobs.
      const handle = await open(temporary, 'w', 0o600)
      try {
        await handle.writeFile(text)
        await handle.sync()
      } finally {
        await handle.close()
      }
      renameSync(temporary, file)
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
    }
    const fresh = await open(journalOf(next), 'a', 0o600)
    syncFolder(folder)
    await journal?.close()
    // The new snapshot holds everything the older journals did.
    for (const old of journalsOf(folder, prefix))
      if (old.generation < next) rmSync(join(folder, old.name), { force: true })
    generation = next
    journal = fresh
    journalBytes = 0
    compactAfter = Math.max(minCompact, 2 * Buffer.byteLength(text))
  }

  return {
    load(): EmulatorSnapshot | undefined {
      removeStaleTemporaries(folder, prefix)
      const snapshot = readSnapshot(file)
      const found = journalsOf(folder, prefix).filter((entry) => entry.generation >= (snapshot?.generation ?? 0))
      if (!snapshot && found.length === 0) return undefined
      if (!snapshot)
        throw new Error(
          `ssks-emulator: ${file} is missing but its journal ${join(folder, found[0]!.name)} is there; restore the file, or move both away to start empty`,
        )
      const state = EmulatorState.fromSnapshot(snapshot)
      for (const entry of found) for (const change of readJournal(join(folder, entry.name))) state.apply(change)
      generation = Math.max(snapshot.generation ?? 0, ...found.map((entry) => entry.generation))
      return state.snapshot()
    },

    save(snapshot: EmulatorSnapshot): void {
      // The whole state at once, synchronously (for callers of the plain storage interface).
      mkdirSync(folder, { recursive: true })
      const next = generation + 1
      writeFileDurably(file, JSON.stringify({ ...snapshot, generation: next }))
      rmSync(journalOf(generation), { force: true })
      generation = next
      opened = false
    },

    async append(changes: EmulatorChange[], snapshot: () => EmulatorSnapshot): Promise<void> {
      if (!opened) {
        // First write of this process: start from a clean snapshot, so a line a crash cut in
        // the old journal can never end up in the middle of a journal.
        await compact(snapshot())
        opened = true
        return
      }
      const line = `${JSON.stringify(changes)}\n`
      // Taken now (synchronously) so it is the state right after this batch.
      const folded = journalBytes + line.length > compactAfter ? snapshot() : undefined
      try {
        await journal!.appendFile(line)
        await journal!.datasync()
      } catch (error) {
        // Cut what may have been written, so the journal holds only acknowledged changes.
        await journal!.truncate(journalBytes).catch(() => undefined)
        throw error
      }
      journalBytes += Buffer.byteLength(line)
      if (folded) {
        // The batch is already durable in the journal: a failed fold only postpones it.
        await compact(folded).catch((error: unknown) => {
          console.error(`[ssks-emulator] could not compact ${file}: ${(error as Error).message}`)
          compactAfter *= 2
        })
      }
    },
  }
}

function readSnapshot(file: string): EmulatorSnapshot | undefined {
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
}

/** The journal's changes; a last line without its newline was cut by a crash and is skipped. */
function readJournal(path: string): EmulatorChange[] {
  const lines = readFileSync(path, 'utf8').split('\n')
  lines.pop()
  return lines.flatMap((line, index) => {
    try {
      const parsed: unknown = JSON.parse(line)
      if (!Array.isArray(parsed)) throw new TypeError('a journal line must be an array of changes')
      return parsed.map(parseChange)
    } catch (error) {
      throw new Error(
        `ssks-emulator: line ${index + 1} of the journal ${path} is damaged (${(error as Error).message}); fix it, or move the data files away to start empty`,
        { cause: error },
      )
    }
  })
}

function journalsOf(folder: string, prefix: string): Array<{ name: string; generation: number }> {
  return listFolder(folder)
    .map((name) => ({
      name,
      match: name.startsWith(prefix) ? /^(\d+)\.journal$/.exec(name.slice(prefix.length)) : null,
    }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ name: entry.name, generation: Number(entry.match![1]) }))
    .sort((a, b) => a.generation - b.generation)
}

/** Removes `<file>.<pid>.<random>.tmp` files left by a process that is gone (a crash mid-write). */
function removeStaleTemporaries(folder: string, prefix: string): void {
  for (const name of listFolder(folder)) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length)) : null
    if (match && !processIsAlive(Number(match[1]))) rmSync(join(folder, name), { force: true })
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function writeFileDurably(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    const fd = openSync(temporary, 'w', 0o600)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, file)
    syncFolder(dirname(file))
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** Makes a rename or a new file in the folder durable (Linux needs the folder itself fsynced). */
function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // Some platforms (Windows) cannot open a folder: the rename is as durable as they make it.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
