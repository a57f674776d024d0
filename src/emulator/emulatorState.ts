import type { AuthFactor } from '../core/protocol/wire'
import { authFactorKey } from './authFactorKey'
import type { EmulatorChange, EmulatorSnapshot, OutboxEntry, Session, TmrKey } from './types'

export type { Session, TmrKey }

const copySession = (session: Session): Session => ({ ...session, authFactor: { ...session.authFactor } })
const copyEntry = (entry: OutboxEntry): OutboxEntry => ({ ...entry, authFactor: { ...entry.authFactor } })

/**
 * The emulator's data, with the indexes the routes need. Pure data: no clock, no I/O. Every
 * change goes through a method here, which reports it to `onChange` (the journal), so nothing
 * can change without being saved.
 */
export class EmulatorState {
  readonly users = new Set<string>()
  private readonly tmrKeys = new Map<string, TmrKey>()
  readonly sessions = new Map<string, Session>()
  private readonly sessionsByUser = new Map<string, Set<string>>()
  private readonly wrongCodes = new Map<string, number[]>()
  smsSent = 0
  outbox: OutboxEntry[] = []
  onChange: ((change: EmulatorChange) => void) | undefined

  constructor(
    public appId: string,
    public apiKey: string,
  ) {}

  findTmrKey(userId: string, authFactor: AuthFactor): TmrKey | undefined {
    return this.tmrKeys.get(tmrKeyIndex(userId, authFactor))
  }

  sessionsOf(userId: string): Session[] {
    return [...(this.sessionsByUser.get(userId) ?? [])].map((id) => this.sessions.get(id)!)
  }

  wrongCodesOf(userId: string): readonly number[] {
    return this.wrongCodes.get(userId) ?? []
  }

  addUser(userId: string): void {
    if (this.users.has(userId)) return
    this.apply({ op: 'user', userId })
  }

  /** Stores `data_b64`, keeping the id of an earlier backup for the same user and factor. */
  upsertTmrKey(userId: string, authFactor: AuthFactor, data_b64: string, authenticated: boolean): TmrKey {
    const existing = this.findTmrKey(userId, authFactor)
    const key: TmrKey = {
      id: existing?.id ?? crypto.randomUUID(),
      userId,
      authFactor: { ...authFactor },
      data_b64,
      authenticated,
    }
    this.apply({ op: 'tmrKey', key })
    return key
  }

  /** Adds a session, or saves one whose fields changed (wrong attempts). */
  putSession(session: Session): void {
    this.apply({ op: 'session', session: copySession(session) })
  }

  endSessions(ids: readonly string[]): void {
    const known = ids.filter((id) => this.sessions.has(id))
    if (known.length > 0) this.apply({ op: 'endSessions', ids: known })
  }

  countSms(): void {
    this.apply({ op: 'smsSent', count: this.smsSent + 1 })
  }

  send(entry: OutboxEntry, limit: number): void {
    this.apply({ op: 'sent', entry: copyEntry(entry), limit })
  }

  setWrongCodes(userId: string, at: number[]): void {
    this.apply({ op: 'wrongCodes', userId, at: [...at] })
  }

  setCredentials(appId: string, apiKey: string): void {
    this.apply({ op: 'credentials', appId, apiKey })
  }

  reset(): void {
    this.apply({ op: 'reset' })
  }

  /** Applies one change (from a route, or replayed from a journal) and reports it. */
  apply(change: EmulatorChange): void {
    switch (change.op) {
      case 'credentials':
        this.appId = change.appId
        this.apiKey = change.apiKey
        break
      case 'user':
        this.users.add(change.userId)
        break
      case 'tmrKey':
        this.tmrKeys.set(tmrKeyIndex(change.key.userId, change.key.authFactor), { ...change.key })
        break
      case 'session': {
        const session = copySession(change.session)
        this.sessions.set(session.id, session)
        let ids = this.sessionsByUser.get(session.userId)
        if (!ids) this.sessionsByUser.set(session.userId, (ids = new Set()))
        ids.add(session.id)
        break
      }
      case 'endSessions':
        for (const id of change.ids) {
          const session = this.sessions.get(id)
          if (!session) continue
          this.sessions.delete(id)
          const ids = this.sessionsByUser.get(session.userId)
          ids?.delete(id)
          if (ids?.size === 0) this.sessionsByUser.delete(session.userId)
        }
        break
      case 'smsSent':
        this.smsSent = change.count
        break
      case 'sent':
        this.outbox.push(copyEntry(change.entry))
        if (this.outbox.length > change.limit) this.outbox.splice(0, this.outbox.length - change.limit)
        break
      case 'wrongCodes':
        if (change.at.length === 0) this.wrongCodes.delete(change.userId)
        else this.wrongCodes.set(change.userId, [...change.at])
        break
      case 'reset':
        this.users.clear()
        this.tmrKeys.clear()
        this.sessions.clear()
        this.sessionsByUser.clear()
        this.wrongCodes.clear()
        this.smsSent = 0
        this.outbox = []
        break
    }
    this.onChange?.(change)
  }

  snapshot(): EmulatorSnapshot {
    return {
      version: 1,
      appId: this.appId,
      apiKey: this.apiKey,
      users: [...this.users],
      tmrKeys: [...this.tmrKeys.values()].map((key) => ({ ...key, authFactor: { ...key.authFactor } })),
      sessions: [...this.sessions.values()].map(copySession),
      smsSent: this.smsSent,
      outbox: this.outbox.map(copyEntry),
      wrongCodes: [...this.wrongCodes].map(([userId, at]) => ({ userId, at: [...at] })),
    }
  }

  /** Rebuilds the state saved by `snapshot()`; credentials default to the saved ones. */
  static fromSnapshot(snapshot: EmulatorSnapshot, appId = snapshot.appId, apiKey = snapshot.apiKey): EmulatorState {
    const state = new EmulatorState(appId, apiKey)
    for (const user of snapshot.users) state.users.add(user)
    for (const key of snapshot.tmrKeys) state.tmrKeys.set(tmrKeyIndex(key.userId, key.authFactor), { ...key })
    for (const session of snapshot.sessions) state.apply({ op: 'session', session })
    for (const { userId, at } of snapshot.wrongCodes ?? []) state.wrongCodes.set(userId, [...at])
    state.smsSent = snapshot.smsSent
    state.outbox = snapshot.outbox.map(copyEntry)
    return state
  }
}

const tmrKeyIndex = (userId: string, authFactor: AuthFactor): string =>
  `${userId.length}:${userId}\u0000${authFactorKey(authFactor)}`
