import type { Hono } from 'hono'
import { HttpError, jsonResponse } from '../httpError'
import { normalizeFault } from '../faultInjector'
import { readJsonBody } from '../readJsonBody'
import type { Emulator } from '../types'

/** Prefix of the test hooks; they are neither logged nor subject to faults. */
export const DEV_PREFIX = '/__dev/'

/**
 * Test hooks over HTTP, for browser tests and other processes: read the outbox and the request
 * log, inject faults, move the clock, reset. An emulator is a local development tool, so these
 * carry no authentication.
 */
export function registerDevRoutes(app: Hono, emulator: Emulator, maxBodyBytes: number): void {
  app.get('/__dev/outbox', () => jsonResponse(200, emulator.outbox()))
  app.get('/__dev/requests', () => jsonResponse(200, emulator.requests()))
  app.get('/__dev/faults', () => jsonResponse(200, emulator.faults.list()))
  app.post('/__dev/faults', async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes)
    let fault
    try {
      fault = normalizeFault(body)
    } catch (error) {
      throw new HttpError(400, (error as Error).message)
    }
    emulator.faults.add(fault)
    return jsonResponse(201, fault)
  })
  app.delete('/__dev/faults', () => {
    emulator.faults.clear()
    return new Response(null, { status: 204 })
  })
  app.get('/__dev/clock', () => jsonResponse(200, { now: emulator.clock.now() }))
  app.post('/__dev/clock', async (c) => {
    const body = await readJsonBody(c.req.raw, maxBodyBytes)
    const advanceMs = body['advanceMs']
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
      throw new HttpError(400, 'advanceMs: A non-negative number is required.')
    }
    emulator.clock.advance(advanceMs)
    return jsonResponse(200, { now: emulator.clock.now() })
  })
  app.post('/__dev/reset', () => {
    emulator.reset()
    return new Response(null, { status: 204 })
  })
}
