import type { Context, MiddlewareHandler } from 'hono'
import type { CommitTicket } from './commitQueue'

/** Per-request values the middleware share. */
export interface EmulatorHonoEnv {
  Variables: {
    /** Set by the dev-route guard: the origin to echo, or null for none. Absent: the configured corsOrigin. */
    corsOrigin: string | null
    /** Set by the durability middleware when the emulator saves its state. */
    ticket: CommitTicket | undefined
  }
}

export type EmulatorMiddleware = MiddlewareHandler<EmulatorHonoEnv>
export type EmulatorHandler = (c: Context<EmulatorHonoEnv>) => Response | Promise<Response>
