import { SSKS2MRError } from '../errors'
import { shortHash } from '../shortHash'

/** Tail of the queue per lock name, in this page (or Node process). */
const queues = new Map<string, Promise<unknown>>()

/**
 * Name under which retrievals of one user's backup queue, in the page and across tabs: the app
 * and the user, not the auth factor. SSKS finds one backup whatever the email's case or spacing
 * (`bob@…`, `Bob@…`), and a renewal replaces the keys of the user's one Seald identity whichever
 * factor it came through, so any part taken from the factor's spelling would let two renewals of
 * the same keys run at once. Hashed so that ids never show up in a lock name (visible to every tab
 * of the origin and to devtools); a collision only makes two retrievals wait.
 */
export function retrievalLockName(appId: string, userId: string): string {
  return `ssks-2mr-kit:retrieve:${shortHash(JSON.stringify([appId, userId]))}`
}

/**
 * Runs `task` once every earlier task queued under `name` has settled: in this page through a
 * promise chain (joined synchronously, so calls run in the order they were made), across tabs
 * through the Web Locks API when the platform has it. Retrieval needs this because two
 * simultaneous retrievals of a not-yet-authenticated backup would both renew the keys and
 * overwrite each other's push (the official docs warn against it).
 * An abort while waiting rejects with `ABORTED` and leaves the queue intact.
 */
export async function runExclusive<T>(
  name: string,
  signal: AbortSignal | undefined,
  task: () => Promise<T>,
): Promise<T> {
  const previous = queues.get(name)
  let release!: () => void
  const tail = Promise.all([previous, new Promise<void>((resolve) => (release = resolve))])
  queues.set(name, tail)
  void tail.then(() => queues.get(name) === tail && queues.delete(name))
  const aborted = () => new SSKS2MRError('ABORTED', 'Retrieving identity aborted', { cause: signal!.reason })
  try {
    await new Promise<unknown>((resolve, reject) => {
      const onAbort = () => reject(aborted())
      if (signal?.aborted) onAbort()
      signal?.addEventListener('abort', onAbort)
      void Promise.resolve(previous).then(() => resolve(signal?.removeEventListener('abort', onAbort)))
    })
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
    if (typeof locks?.request !== 'function') return await task()
    return await locks.request(name, signal ? { signal } : {}, task).catch((error: unknown) => {
      throw signal?.aborted && !(error instanceof SSKS2MRError) ? aborted() : error
    })
  } finally {
    release()
  }
}
