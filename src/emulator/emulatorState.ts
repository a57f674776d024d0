import type { AuthFactor } from '../core/protocol/wire'
import { authFactorKey } from './authFactorKey'
import type { EmulatorSnapshot, OutboxEntry, Session, TmrKey } from './types'

export type { Session, TmrKey }

/** The emulator's data, with the indexes the routes need. Pure data: no clock, no I/O. */
export class EmulatorState {
  users = new Set<string>()
  private tmrKeys = new Map<string, TmrKey>()
  sessions = new Map<string, Session>()
  private sessionsByUser = new Map<string, Set<string>>()
  smsSent = 0
  outbox: OutboxEntry[] = []

  constructor(
    readonly appId: string,
    readonly apiKey: string,
  ) {}

  findTmrKey(userId: string, authFactor: AuthFactor): TmrKey | undefined {
    return this.tmrKeys.get(tmrKeyIndex(userId, authFactor))
  }

  /** Stores `data_b64`, keeping the id of an earlier backup for the same user and factor. */
  upsertTmrKey(userId: string, authFactor: AuthFactor, data_b64: string, authenticated: boolean): TmrKey {
    const index = tmrKeyIndex(userId, authFactor)
    const existing = this.tmrKeys.get(index)
    const key: TmrKey = { id: existing?.id ?? crypto.randomUUID(), userId, authFactor, data_b64, authenticated }
    this.tmrKeys.set(index, key)
    return key
  }

  addSession(session: Session): void {
    this.sessions.set(session.id, session)
    let ids = this.sessionsByUser.get(session.userId)
    if (!ids) this.sessionsByUser.set(session.userId, (ids = new Set()))
    ids.add(session.id)
  }

  /** Ends every session of a user (validated ones included). */
  dropSessionsOf(userId: string): void {
    for (const id of this.sessionsByUser.get(userId) ?? []) this.sessions.delete(id)
    this.sessionsByUser.delete(userId)
  }

  snapshot(): EmulatorSnapshot {
    return {
      version: 1,
      appId: this.appId,
      apiKey: this.apiKey,
      users: [...this.users],
      tmrKeys: [...this.tmrKeys.values()].map((key) => ({ ...key, authFactor: { ...key.authFactor } })),
      sessions: [...this.sessions.values()].map((session) => ({ ...session, authFactor: { ...session.authFactor } })),
      smsSent: this.smsSent,
      outbox: this.outbox.map((entry) => ({ ...entry, authFactor: { ...entry.authFactor } })),
    }
  }

  /** Rebuilds the state saved by `snapshot()`, under the given credentials. */
  static fromSnapshot(snapshot: EmulatorSnapshot, appId: string, apiKey: string): EmulatorState {
    const state = new EmulatorState(appId, apiKey)
    for (const user of snapshot.users) state.users.add(user)
    for (const key of snapshot.tmrKeys) state.tmrKeys.set(tmrKeyIndex(key.userId, key.authFactor), { ...key })
    for (const session of snapshot.sessions) state.addSession({ ...session })
    state.smsSent = snapshot.smsSent
    state.outbox = snapshot.outbox.map((entry) => ({ ...entry }))
    return state
  }
}

const tmrKeyIndex = (userId: string, authFactor: AuthFactor): string =>
  `${userId.length}:${userId}\u0000${authFactorKey(authFactor)}`
