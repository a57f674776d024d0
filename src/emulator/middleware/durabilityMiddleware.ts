import { NotSavedError, type CommitQueue } from '../commitQueue'
import type { EmulatorMiddleware } from '../honoEnv'
import { DETAILS, jsonResponse } from '../httpError'

/**
 * Answers only once the request's changes are saved; when saving failed (the change is then
 * undone), answers 503 instead. Readers wait too, so they never answer data that is then lost.
 */
export function durabilityMiddleware(queue: () => CommitQueue | undefined): EmulatorMiddleware {
  return async (c, next) => {
    const commits = queue()
    if (!commits) return next()
    const ticket = commits.begin()
    c.set('ticket', ticket)
    await next()
    commits.finish(ticket)
    try {
      await commits.settled(ticket)
    } catch (error) {
      if (!(error instanceof NotSavedError)) throw error
      c.res = jsonResponse(503, { detail: DETAILS.notSaved })
    }
  }
}
