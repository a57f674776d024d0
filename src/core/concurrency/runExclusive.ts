import { SSKS2MRError } from '../errors'
import { shortHash } from '../shortHash'
import { retrievalLockName } from './retrievalLockName'

/** Tail of the queue per (hashed) key, in this page (or Node process). */
const queues = new Map<string, Promise<void>>()

/**
 * Runs `task` once every earlier task queued under `key` has settled: in this page through a
 * promise chain (joined synchronously, so calls run in the order they were made), across tabs
 * through the Web Locks API when the platform has it. Retrieval needs this because two
 * simultaneous retrievals of a not-yet-authenticated backup would both renew the keys and
 * overwrite each other's push (the official docs warn against it).
 * An abort while waiting rejects with `ABORTED` and leaves the queue intact.
 */
export async function runExclusive<T>(key: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const queueId = shortHash(key)
  const previous = queues.get(queueId) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => mine)
  queues.set(queueId, tail)
  void tail.then(() => {
    if (queues.get(queueId) === tail) queues.delete(queueId)
  })
  try {
    await untilSettledOrAborted(previous, signal)
    return await withWebLock(key, signal, task)
  } finally {
    release()
  }
}

async function withWebLock<T>(key: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  if (typeof locks?.request !== 'function') return task()
  const name = await retrievalLockName(key)
  try {
    return await locks.request(name, signal ? { signal } : {}, task)
  } catch (error) {
    if (signal?.aborted && !(error instanceof SSKS2MRError)) throw aborted(signal)
    throw error
  }
}

function untilSettledOrAborted(previous: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return previous
  if (signal.aborted) return Promise.reject(aborted(signal))
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(aborted(signal))
    signal.addEventListener('abort', onAbort, { once: true })
    void previous.then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    })
  })
}

function aborted(signal: AbortSignal): SSKS2MRError {
  return new SSKS2MRError('ABORTED', 'Retrieving identity aborted', { cause: signal.reason })
}
