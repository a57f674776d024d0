import { afterEach, describe, expect, it } from 'vitest'
import type { Fault } from '../../src/emulator/types'
import { createTestWorld, type TestWorld } from '../../src/testing/index'

/**
 * The renewal fault matrix on SDK 0.34: a backup saved without a code, retrieved on a new device
 * (so the keys are renewed), with one step failing. Afterwards a third device restores what SSKS
 * holds; the backup is unreadable if it does not give the keys the account now uses (what
 * `mustSaveIdentityAgain` means: saving is needed before the next restore works). The same
 * matrix through the 0.25 order (renewKey first) is the control: it must find unreadable backups.
 */
const worlds: TestWorld[] = []
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()))
})

const RETRIES = 2
type Step = { name: string; member?: 'prepareRenew' | 'renewKey'; fault?: Fault }
const steps: Step[] = [
  { name: 'nothing fails' },
  { name: 'prepareRenew fails', member: 'prepareRenew' },
  {
    name: 'every push attempt answers 503',
    fault: { endpoint: 'push', kind: 'status', status: 503, times: RETRIES + 1 },
  },
  { name: 'every push attempt loses its connection', fault: { endpoint: 'push', kind: 'drop', times: RETRIES + 1 } },
  {
    name: 'every push lands but its answer is lost',
    fault: { endpoint: 'push', kind: 'drop', phase: 'after', times: RETRIES + 1 },
  },
  { name: 'renewKey fails after the push', member: 'renewKey' },
]

async function runStep(step: Step, order: 'prepared' | 'legacy') {
  // A world per step: a fresh user over real HTTP. Raw-key mode: the matrix is about the order of
  // steps, not key derivation (and stays fast).
  const world = await createTestWorld({ transport: 'http', keyMode: 'raw' })
  worlds.push(world)
  const device = (pluginOptions = {}, signedUp = false) =>
    world.device({ signedUp, pluginOptions: { retryDelayMs: 5, ...pluginOptions } })
  const owner = await device({}, true)
  const s1 = await world.startSession({ purpose: 'backup' })
  await owner.ssks2MR.saveIdentity(world.callArgs(s1))

  const renewing = await device({ renewalPushRetries: RETRIES })
  expect(typeof (renewing as { prepareRenew?: unknown }).prepareRenew).toBe('function')
  // The 0.25 order, on the same SDK: the plugin reads `prepareRenew` at call time.
  if (order === 'legacy') Object.defineProperty(renewing, 'prepareRenew', { value: undefined })
  if (step.member) renewing.cloudStandIn.failNext(step.member)
  if (step.fault) world.emulator.faults.add(step.fault)
  const s2 = await world.startSession({ purpose: 'restore' })
  const result = await renewing.ssks2MR.retrieveIdentity({ ...world.callArgs(s2), challenge: world.lastCode() })
  world.emulator.faults.clear()

  // A new device restores the backup; its own renewal is blocked so that it keeps exactly what it imported.
  const reader = await device()
  reader.cloudStandIn.failNext('prepareRenew')
  reader.cloudStandIn.failNext('renewKey')
  const s3 = await world.startSession({ purpose: 'restore' })
  await reader.ssks2MR.retrieveIdentity({ ...world.callArgs(s3), challenge: world.lastCode() })
  const restored = reader.cloudStandIn.account()!
  const current = renewing.cloudStandIn.account()!
  const readable = restored.keyVersion === current.keyVersion && restored.keyMaterial === current.keyMaterial
  return { result, readable, keyVersion: current.keyVersion }
}

describe('crash-safe renewal on SDK 0.34 (prepareRenew → push → renewKey({ preparedRenewal }))', () => {
  it.each(steps.map((step) => [step.name, step] as const))(
    '%s: the backup restores the keys in use; nothing to save again',
    async (_name, step) => {
      const { result, readable, keyVersion } = await runStep(step, 'prepared')
      expect(result.mustSaveIdentityAgain).toBe(false)
      expect(readable).toBe(true)
      // Renewed only when every step went through.
      expect(result.keysRenewed).toBe(step.name === 'nothing fails')
      expect(keyVersion).toBe(result.keysRenewed ? 2 : 1)
    },
  )

  it('matrix: 0 unreadable backups in the prepared order; the 0.25 order (control) leaves one per failed push', async () => {
    const unreadable = { prepared: 0, legacy: 0 }
    for (const order of ['prepared', 'legacy'] as const) {
      for (const step of steps) if (!(await runStep(step, order)).readable) unreadable[order]++
    }
    console.info(`renewal fault matrix (${steps.length} steps): unreadable backups ${JSON.stringify(unreadable)}`)
    expect(unreadable).toEqual({ prepared: 0, legacy: 2 })
  })
})
