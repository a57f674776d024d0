/** Public types of the SSKS emulator (shared by the in-process handler, the Node server and the CLI). */
import type { AuthFactor } from '../core/protocol/wire'

/** Names of the SSKS endpoints a fault can target ('*' = any of them). */
export type EmulatorEndpoint = 'challenge_send' | 'challenge_validate' | 'push' | 'search' | 'get_factor_token'

/**
 * A fault to inject on upcoming calls.
 * - `latency`: wait `delayMs` (default 1000) before handling the call normally.
 * - `status`: answer `status` (default 503) with `{"detail":"Injected fault."}`.
 * - `drop`: drop the connection (Node server: the socket is destroyed; in-process: `fetch` rejects
 *   with a `TypeError`, as a network error does).
 * The fault fires on the `nth` matching call counted from when it was added (default 1), and on
 * the `times - 1` matching calls after it (default `times` = 1); then it is removed.
 */
export interface Fault {
  endpoint: EmulatorEndpoint | '*'
  kind: 'latency' | 'status' | 'drop'
  delayMs?: number
  status?: number
  nth?: number
  times?: number
  /**
   * `before` (default): the call is not processed. `after`: the call is processed (state changes
   * are kept) and only its answer is lost or replaced — e.g. a push that landed but whose 200 never
   * arrived.
   */
  phase?: 'before' | 'after'
}

/** One challenge the emulator "sent" by email or SMS. */
export interface OutboxEntry {
  sessionId: string
  userId: string
  authFactor: AuthFactor
  challenge: string
  /** Emulator clock time, ms since the epoch. */
  sentAt: number
}

/** One handled request. Never holds bodies, challenges or full session ids. */
export interface RequestLogEntry {
  method: string
  path: string
  /** HTTP status answered; 0 when the connection was dropped by a fault. */
  status: number
  /** First 8 characters of `X-SEALD-SESSION`, when the request had one. */
  session?: string
}

/** A stored backup: one per (user, auth factor). */
export interface TmrKey {
  id: string
  userId: string
  authFactor: AuthFactor
  data_b64: string
  /** True when the last push came through a session validated by a challenge. */
  authenticated: boolean
}

/** A session from challenge_send (validated = false) or from challenge_validate (validated = true). */
export interface Session {
  id: string
  userId: string
  /** The auth factor the back-end gave to challenge_send. */
  authFactor: AuthFactor
  challenge: string
  challengeIssuedAt: number
  mustAuthenticate: boolean
  validated: boolean
  wrongAttempts: number
  /** Too many wrong codes: every later call on this session gets 429. */
  burnt: boolean
  /** Emulator clock time the session was made (its lifetime counts from here). Older data files lack it. */
  createdAt?: number
}

/** Everything the emulator keeps, as JSON (what `dataFile` / `storage` hold). */
export interface EmulatorSnapshot {
  version: 1
  appId: string
  apiKey: string
  users: string[]
  tmrKeys: TmrKey[]
  sessions: Session[]
  smsSent: number
  outbox: OutboxEntry[]
  /** Times (emulator clock) of each user's recent wrong codes, for the per-user limit. */
  wrongCodes?: Array<{ userId: string; at: number[] }>
  /** File storage: which journal continues this snapshot. */
  generation?: number
}

/**
 * One change to the emulator's data, as journaled by an incremental storage. Each carries the
 * new value (never a delta), so replaying a change twice gives the same state.
 */
export type EmulatorChange =
  | { op: 'credentials'; appId: string; apiKey: string }
  | { op: 'user'; userId: string }
  | { op: 'tmrKey'; key: TmrKey }
  | { op: 'session'; session: Session }
  | { op: 'endSessions'; ids: string[] }
  | { op: 'smsSent'; count: number }
  | { op: 'sent'; entry: OutboxEntry; limit: number }
  | { op: 'wrongCodes'; userId: string; at: number[] }
  | { op: 'reset' }

/**
 * Where the emulator keeps its state between runs (the Node server provides a JSON file store).
 * A request is answered only once the store has taken its change: after `append` or `save`
 * settles. When that fails, the request answers 503 and the emulator reloads the state from
 * `load()`, so a change that was not saved is not kept either.
 */
export interface EmulatorStorage {
  /** Returns the saved snapshot, or undefined when nothing is saved yet; throws when it is unreadable. */
  load(): EmulatorSnapshot | undefined
  /** Saves the whole state (used when `append` is absent); may return a promise. */
  save(snapshot: EmulatorSnapshot): unknown
  /**
   * Incremental stores: durably records a batch of changes. `snapshot()` gives the state right
   * after this batch, and only when called synchronously, before the first `await`.
   */
  append?(changes: EmulatorChange[], snapshot: () => EmulatorSnapshot): Promise<void>
}

export interface EmulatorOptions {
  /** App id checked in `X-SEALD-APPID` (case-insensitive, as UUIDs are). Default: a random v4 UUID. */
  appId?: string
  /** Back-end key checked in `X-SEALD-APIKEY`. Default: random. */
  apiKey?: string
  /** JSON file the Node server persists to (startEmulator only; ignored by createEmulator). */
  dataFile?: string
  /** Where to load and save state; createEmulator keeps state in memory when absent. */
  storage?: EmulatorStorage
  /** Clock source (ms since the epoch); default Date.now. `clock.advance` adds on top of it. */
  now?: () => number
  /** SMS challenges the app may still send; the next one gets 406 SMSQuotaFailed. Default: unlimited. */
  smsQuota?: number
  /** Wrong codes a session accepts before it is burnt (then 429). Default 5. */
  maxWrongChallenges?: number
  /**
   * Wrong codes a user may send across all their sessions within `wrongChallengeWindowMs`; then
   * every validation for that user answers 429 until the window has moved on. Default 10
   * (the emulator's choice: SSKS's own limit is not documented).
   */
  maxWrongChallengesPerUser?: number
  /** Window of `maxWrongChallengesPerUser`, in ms. Default 1 hour. */
  wrongChallengeWindowMs?: number
  /**
   * Lifetime of a session from challenge_send, in ms; then it answers 404 and is collected.
   * Default 24 hours (the emulator's choice; its code still expires after 6 hours, with 403).
   */
  sessionLifetimeMs?: number
  /** Lifetime of a session from challenge_validate, in ms. Default 1 hour (the emulator's choice). */
  validatedSessionLifetimeMs?: number
  /** Sessions one user may hold at once; a new one ends the oldest. Default 20 (the emulator's choice). */
  maxSessionsPerUser?: number
  /** Sent codes kept in the outbox; the oldest are dropped. Default 1000. */
  outboxLimit?: number
  /**
   * Host names (besides `localhost`, `127.0.0.1` and `[::1]`) under which the dev routes answer,
   * e.g. a LAN name. Any other Host gets 403 there, so a DNS-rebound page cannot reach them.
   */
  devHosts?: string[]
  /**
   * Handling of `fake_otp: true` in challenge_send: `true` (default) honours it like Seald's
   * staging server (challenge `aaaaaaaa`); `false` refuses it with 400 like production;
   * `'always'` makes every challenge `aaaaaaaa`.
   */
  fakeOtp?: boolean | 'always'
  /** Print each sent challenge: `true` → console.log, or a function receiving the line. */
  printOutbox?: boolean | ((line: string) => void)
  /** `Access-Control-Allow-Origin` value. Default `*` (clients send no credentials). */
  corsOrigin?: string
  /** Largest accepted request body, in bytes; bigger gives 413. Default 1 MiB. */
  maxBodyBytes?: number
  /** A new challenge_send for a user ends that user's older sessions (SSKS keeps one per user). Default true. */
  singleSessionPerUser?: boolean
}

/** A fetch-compatible function: accepts a Request, or fetch's (input, init) pair. */
export type EmulatorFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>

/** An SSKS emulator, usable in-process (call `fetch`) or behind the Node server. */
export interface Emulator {
  readonly appId: string
  readonly apiKey: string
  /** The whole emulator as a web-standard fetch handler. */
  fetch: EmulatorFetch
  /** Challenges sent so far, oldest first. */
  outbox(): OutboxEntry[]
  /** Requests handled so far, oldest first (dev routes are not logged). */
  requests(): RequestLogEntry[]
  faults: { add(fault: Fault): void; clear(): void; list(): Fault[] }
  clock: { now(): number; advance(ms: number): void }
  /** Forgets users, identities, sessions, outbox, requests, faults and clock offset. */
  reset(): void
}

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string
}

/** An emulator served over HTTP by Node. */
export interface RunningEmulator extends Emulator {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string
  readonly port: number
  /** Stops listening and closes every connection, keep-alive ones included. */
  close(): Promise<void>
}
