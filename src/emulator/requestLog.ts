import type { RequestLogEntry } from './types'

/** Keeps the latest requests (bounded, so long benchmarks do not grow memory without end). */
export class RequestLog {
  private entries: RequestLogEntry[] = []
  constructor(private readonly limit = 100_000) {}

  add(method: string, path: string, status: number, sessionHeader: string | null): void {
    const entry: RequestLogEntry = { method, path, status }
    // Only a prefix: enough to tell sessions apart in a test, useless to replay one.
    if (sessionHeader) entry.session = sessionHeader.slice(0, 8)
    this.entries.push(entry)
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit)
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }))
  }

  clear(): void {
    this.entries = []
  }
}
