/**
 * Pluggable logger. Quiet by default. The plugin only ever passes non-secret context
 * (operation names, HTTP status, counts); callers may forward these lines anywhere.
 */
export interface SSKS2MRLogger {
  debug(message: string, context?: Record<string, unknown>): void
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
}

const noop = (): void => {}

/** The default: logs nothing. */
export const silentLogger: SSKS2MRLogger = { debug: noop, warn: noop, error: noop }
