import { readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestWorld, type TestWorld } from '../../src/testing/index'
import { realSDK } from '../core/support/realSDK'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * The official plugin 0.25.0 as an app that installed @seald-io/sdk 0.34 gets it: its
 * `require('@seald-io/sdk/lib/utils.js')` finds 0.34. (In this repository npm hoists the plugin
 * to the root, beside the SDK 0.25.0 dev dependency, so it is loaded here with this folder's
 * module paths, where the SDK is 0.34.)
 */
function officialPluginBesideSdk034(): (url: string) => (sdk: unknown) => void {
  const main = createRequire(join(here, '..', '..', 'package.json')).resolve('@seald-io/sdk-plugin-ssks-2mr')
  const ModuleClass = Module as unknown as { _nodeModulePaths(from: string): string[]; _cache: Record<string, unknown> }
  const load = (file: string) => {
    const loaded = new Module(file) as Module & { _compile(source: string, filename: string): void }
    loaded.filename = file
    loaded.paths = ModuleClass._nodeModulePaths(here)
    // In the cache first, so that main.js's require('./keyStorage') gets this copy.
    ModuleClass._cache[file] = loaded
    loaded._compile(readFileSync(file, 'utf8'), file)
    loaded.loaded = true
    return loaded.exports as { default: (url: string) => (sdk: unknown) => void }
  }
  const keyStorage = join(dirname(main), 'keyStorage.js')
  const previous = ModuleClass._cache[keyStorage]
  load(keyStorage)
  try {
    return load(main).default
  } finally {
    // Leave the root suites' copy of the plugin (beside SDK 0.25) as it was.
    delete ModuleClass._cache[main]
    if (previous) ModuleClass._cache[keyStorage] = previous
    else delete ModuleClass._cache[keyStorage]
  }
}

let world: TestWorld
beforeAll(async () => {
  world = await createTestWorld({ transport: 'http', keyMode: 'raw', forceAuth: true })
})
afterAll(async () => {
  await world.close()
})

describe('on SDK 0.34, ours is the only 2MR plugin that runs', () => {
  it("the official plugin 0.25 crashes SealdSDK({...}): the SDK's utils lost validateBuffer", () => {
    const utils034 = createRequire(join(here, 'package.json'))('@seald-io/sdk/lib/utils.js') as Record<string, unknown>
    expect(utils034.validateBuffer).toBeUndefined()
    const OfficialSSKS2MR = officialPluginBesideSdk034()
    expect(() => realSDK([OfficialSSKS2MR(world.keyStorageURL) as never], world.emulator.appId)).toThrow(
      'Method must be a function',
    )
  })

  it('ours installs on the same SDK and saves then restores an identity', async () => {
    const owner = await world.device({ signedUp: true, pluginOptions: { retryDelayMs: 5 } })
    expect(owner.version).toBe('sdk-js/node/0.34.0-beta.7')
    const s1 = await world.startSession({ purpose: 'backup' })
    const saved = await owner.ssks2MR.saveIdentity({ ...world.callArgs(s1), challenge: world.lastCode() })
    expect(saved.id).toBe(saved.ssksId)
    world.setForceAuth(false)
    const device = await world.device({ pluginOptions: { retryDelayMs: 5 } })
    const s2 = await world.startSession({ purpose: 'restore' })
    const restored = await device.ssks2MR.retrieveIdentity({ ...world.callArgs(s2), challenge: world.lastCode() })
    expect(restored.sealdId).toBe(owner.cloudStandIn.account()!.sealdId)
    // The protocol headers carry 0.34's version string (sent from extraHeaders: test/core/wire.test.ts).
    expect(device.ssks2MR.keyStore.extraHeaders['X-SEALD-VERSION']).toBe('sdk-js/node/0.34.0-beta.7')
  })
})
