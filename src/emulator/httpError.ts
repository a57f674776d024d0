/**
 * An error answer in Django REST Framework's shape (`{"detail": ...}`, sometimes `model`), which is
 * what SSKS sends and what the official plugin parses. Thrown by route code, turned into a
 * Response by the app's error handler.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(detail)
  }

  toResponse(headers?: Record<string, string>): Response {
    return jsonResponse(this.status, { detail: this.detail, ...this.extra }, headers)
  }
}

/** A JSON answer (compact, UTF-8). */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  // A plain headers object keeps @hono/node-server on its fast path (no Headers instance built).
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

/** DRF's wording for the common answers. */
export const DETAILS = {
  notFound: 'Not found.',
  notAuthenticated: 'Authentication credentials were not provided.',
  incorrectCredentials: 'Incorrect authentication credentials.',
  sessionNotValidated: 'This session must be validated with a challenge first.',
  tooManyAttempts: 'Too many incorrect challenges for this session; request a new one.',
  tooManyAttemptsForUser: 'Too many incorrect challenges for this user; try again later.',
  notSaved: 'The change was not saved; nothing was changed. Try again.',
  authFactorMismatch: 'auth_factor does not match this session.',
  payloadTooLarge: 'Request body is too large.',
  injectedFault: 'Injected fault.',
} as const
