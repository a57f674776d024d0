import type { Endpoint } from '../endpoints'
import { HttpError, jsonResponse } from '../httpError'
import { normalizeFault } from '../faultInjector'
import { readJsonBody } from '../readJsonBody'
import type { Emulator } from '../types'

/** Prefix of the test hooks; they are neither logged nor subject to faults. */
export const DEV_PREFIX = '/__dev/'

/**
 * Test hooks over HTTP, for browser tests and other processes: read the outbox and the request
 * log, inject faults, move the clock, reset. They carry no authentication: who may call them is
 * decided by devRouteVerdict (loopback host and page, JSON for writes).
 */
export function devRouteHandlers(emulator: Emulator, maxBodyBytes: number): Endpoint[] {
  return [
    { method: 'GET', path: '/__dev/outbox', dev: 'read', handle: () => jsonResponse(200, emulator.outbox()) },
    { method: 'GET', path: '/__dev/requests', dev: 'read', handle: () => jsonResponse(200, emulator.requests()) },
    { method: 'GET', path: '/__dev/faults', dev: 'read', handle: () => jsonResponse(200, emulator.faults.list()) },
    {
      method: 'POST',
      path: '/__dev/faults',
      dev: 'write',
      handle: async (c) => {
        const body = await readJsonBody(c.req.raw, maxBodyBytes)
        let fault
        try {
          fault = normalizeFault(body)
        } catch (error) {
          throw new HttpError(400, (error as Error).message)
        }
        emulator.faults.add(fault)
        return jsonResponse(201, fault)
      },
    },
    {
      method: 'DELETE',
      path: '/__dev/faults',
      dev: 'write',
      handle: () => {
        emulator.faults.clear()
        return new Response(null, { status: 204 })
      },
    },
    {
      method: 'GET',
      path: '/__dev/clock',
      dev: 'read',
      handle: () => jsonResponse(200, { now: emulator.clock.now() }),
    },
    {
      method: 'POST',
      path: '/__dev/clock',
      dev: 'write',
      handle: async (c) => {
        const body = await readJsonBody(c.req.raw, maxBodyBytes)
        try {
          emulator.clock.advance(body['advanceMs'] as number)
        } catch (error) {
          throw new HttpError(400, `advanceMs: ${(error as Error).message}`)
        }
        return jsonResponse(200, { now: emulator.clock.now() })
      },
    },
    {
      method: 'POST',
      path: '/__dev/reset',
      dev: 'write',
      handle: () => {
        emulator.reset()
        return new Response(null, { status: 204 })
      },
    },
  ]
}
