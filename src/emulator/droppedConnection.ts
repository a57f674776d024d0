/** Marks the cause of a `drop` fault, so the Node server knows to destroy the socket. */
export class DroppedConnectionError extends Error {
  override readonly name = 'DroppedConnectionError'
  constructor() {
    super('Connection dropped by an injected fault.')
  }
}

/** What `fetch` rejects with when the connection is lost: a TypeError, as browsers and undici do. */
export function droppedConnection(): TypeError {
  return new TypeError('fetch failed', { cause: new DroppedConnectionError() })
}

export function isDroppedConnection(error: unknown): boolean {
  return error instanceof TypeError && error.cause instanceof DroppedConnectionError
}
