import type { EmulatorContext } from './emulatorContext'
import type { Session } from './types'

/** When a session stops answering: its lifetime counts from when it was made. */
export function sessionExpiresAt(session: Session, ctx: EmulatorContext): number {
  const lifetime = session.validated ? ctx.settings.validatedSessionLifetimeMs : ctx.settings.sessionLifetimeMs
  return (session.createdAt ?? session.challengeIssuedAt) + lifetime
}

export const isSessionExpired = (session: Session, ctx: EmulatorContext): boolean =>
  ctx.now() >= sessionExpiresAt(session, ctx)

/**
 * Adds a session for its user, ending that user's oldest ones beyond `maxSessionsPerUser`:
 * validated ones first, so the session a code was sent for stays usable (a client whose answer
 * was lost validates it again).
 */
export function addSession(ctx: EmulatorContext, session: Session): void {
  ctx.state.putSession(session)
  const mine = ctx.state.sessionsOf(session.userId).filter((other) => other.id !== session.id)
  const extra = mine.length + 1 - ctx.settings.maxSessionsPerUser
  if (extra <= 0) return
  const byAge = [...mine.filter((other) => other.validated), ...mine.filter((other) => !other.validated)]
  ctx.state.endSessions(byAge.slice(0, extra).map((old) => old.id))
}

/**
 * Ends every expired session. A full pass looks at each session once, so it runs only when the
 * earliest known expiry has passed, and at most once per second of emulator time (or sooner if
 * the count doubled): each request pays a bounded share, however many sessions there are.
 */
export function sessionCollector(ctx: EmulatorContext): () => void {
  let lastPassAt = Number.NEGATIVE_INFINITY
  let sizeAfterPass = 0
  let nextExpiry = Number.NEGATIVE_INFINITY
  return () => {
    const now = ctx.now()
    const due = now >= nextExpiry && now - lastPassAt >= 1000
    if (!due && ctx.state.sessions.size < 2 * sizeAfterPass + 64) return
    const expired: string[] = []
    nextExpiry = Number.POSITIVE_INFINITY
    for (const session of ctx.state.sessions.values()) {
      const expiresAt = sessionExpiresAt(session, ctx)
      if (now >= expiresAt) expired.push(session.id)
      else nextExpiry = Math.min(nextExpiry, expiresAt)
    }
    ctx.state.endSessions(expired)
    // A session made after this pass cannot expire before the shorter lifetime has run.
    nextExpiry = Math.min(
      nextExpiry,
      now + Math.min(ctx.settings.sessionLifetimeMs, ctx.settings.validatedSessionLifetimeMs),
    )
    lastPassAt = now
    sizeAfterPass = ctx.state.sessions.size
  }
}
