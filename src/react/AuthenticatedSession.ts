import { Redacted } from './Redacted'

/**
 * A validated SSKS session, as the save and retrieve mutations hand it back (`data.authenticatedSession`).
 * Whoever holds a validated session id can search, overwrite the backup and get a factor token
 * without a code, like with a password, so the id is never readable in the mutation cache
 * (devtools, persisters). Pass it back as a variable to reuse the session without a new code.
 *
 * @example save.mutate({ authenticatedSession: retrieve.data.authenticatedSession })
 */
export class AuthenticatedSession extends Redacted {
  readonly #sessionId: string

  constructor(sessionId: string) {
    super()
    this.#sessionId = sessionId
  }

  /** The validated session id. Only for the call that sends it to SSKS. */
  static reveal(session: AuthenticatedSession): string {
    return session.#sessionId
  }
}
