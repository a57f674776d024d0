import { afterEach, expect, it } from 'vitest'
import { raceSignal } from '../../src/core/http/raceSignal'

const unhandled: unknown[] = []
const record = (reason: unknown) => unhandled.push(reason)
afterEach(() => {
  process.off('unhandledRejection', record)
  unhandled.length = 0
})

it('still observes the promise when the signal is already aborted: its later rejection is not unhandled', async () => {
  process.on('unhandledRejection', record)
  const controller = new AbortController()
  controller.abort()
  // A fetch given an aborted signal rejects a moment later, after the race has already settled.
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('aborted fetch')), 5))
  await expect(raceSignal(late, controller.signal)).rejects.toBe(controller.signal.reason)
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(unhandled).toEqual([])
})

it('settles with the promise when the signal never aborts', async () => {
  await expect(raceSignal(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7)
})
