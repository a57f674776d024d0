import type { EmulatorChange, EmulatorSnapshot, EmulatorStorage } from './types'

/** Thrown to the request whose change could not be saved (it answers 503; the change is undone). */
export class NotSavedError extends Error {
  override readonly name = 'NotSavedError'
}

/** One request's view of the queue: which changes it made, and how far it must wait. */
export interface CommitTicket {
  /** Index + 1 of the last change made by this request (0: none). */
  ownUpTo: number
  /** Changes that existed when the request last touched the state, or when its handler ended. */
  seenUpTo: number
  /** Failed writes counted when the request started. */
  failuresAtStart: number
  lost: boolean
}

/**
 * Group commit of state changes to a storage. One write runs at a time and takes every change
 * made meanwhile, so concurrent requests share a write (and its fsync). A request is answered
 * once every change it made or saw is saved. When a write fails, every change not yet saved is
 * dropped together (they may build on each other): `reload` puts the state back to what the
 * storage holds, the requests that made one of them get a NotSavedError (503), and so do
 * requests that made no change but may have read one.
 */
export class CommitQueue {
  private made = 0
  private saved = 0
  private failures = 0
  private pending: Array<{ change: EmulatorChange; ticket: CommitTicket | undefined }> = []
  private writing = false
  private current: CommitTicket | undefined
  private waiters: Array<{ ticket: CommitTicket; resolve: () => void; reject: (error: Error) => void }> = []

  constructor(
    private readonly storage: EmulatorStorage,
    private readonly snapshot: () => EmulatorSnapshot,
    private readonly reload: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  begin(): CommitTicket {
    return { ownUpTo: 0, seenUpTo: this.made, failuresAtStart: this.failures, lost: false }
  }

  /**
   * The request is about to read or change the state, synchronously: changes made until the
   * end of this task are its own (JavaScript runs one task at a time).
   */
  touch(ticket: CommitTicket): void {
    ticket.seenUpTo = Math.max(ticket.seenUpTo, this.made)
    if (this.current === ticket) return
    this.current = ticket
    queueMicrotask(() => {
      if (this.current === ticket) this.current = undefined
    })
  }

  /** The request's handler is done: it waits for everything made so far. */
  finish(ticket: CommitTicket): void {
    ticket.seenUpTo = Math.max(ticket.seenUpTo, this.made)
  }

  record(change: EmulatorChange): void {
    this.pending.push({ change, ticket: this.current })
    this.made += 1
    if (this.current) this.current.ownUpTo = this.made
    if (!this.writing) {
      this.writing = true
      // A microtask later: the rest of the request's synchronous changes join this write.
      queueMicrotask(() => void this.drain())
    }
  }

  /** Resolves once the ticket's changes are saved; rejects with NotSavedError if they were lost. */
  settled(ticket: CommitTicket): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ ticket, resolve, reject })
      this.wake()
    })
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      const upTo = this.made
      try {
        const changes = batch.map((entry) => entry.change)
        if (this.storage.append) await this.storage.append(changes, this.snapshot)
        // Taken before awaiting: the state right after this batch, not later changes.
        else await this.storage.save(this.snapshot())
        this.saved = upTo
      } catch (error) {
        this.onError(error)
        // Changes made during the failed write may build on the lost ones: they go too.
        for (const entry of [...batch, ...this.pending]) if (entry.ticket) entry.ticket.lost = true
        this.pending = []
        this.failures += 1
        this.saved = this.made
        this.reload()
      }
      this.wake()
    }
    this.writing = false
  }

  private wake(): void {
    const waiting = this.waiters
    this.waiters = []
    for (const waiter of waiting) {
      const { ticket } = waiter
      const readLost = ticket.ownUpTo === 0 && this.failures > ticket.failuresAtStart
      if (ticket.lost || readLost) waiter.reject(new NotSavedError('The change was not saved.'))
      else if (this.saved >= Math.max(ticket.seenUpTo, ticket.ownUpTo)) waiter.resolve()
      else this.waiters.push(waiter)
    }
  }
}
