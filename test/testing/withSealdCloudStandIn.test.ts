import { describe, expect, it } from 'vitest'
import SealdSDKModule from '@seald-io/sdk'
import { decodeStandInIdentity, withSealdCloudStandIn } from '../../src/testing/index'

// @seald-io/sdk is CJS with exports.default; depending on interop the default import is the function or the exports
// object.
const SealdSDK = ((SealdSDKModule as unknown as { default?: unknown }).default ?? SealdSDKModule) as (o: {
  appId: string
}) => Record<string, any>
const appId = '00000000-0000-4000-8000-000000000001'

const realSdk = () => SealdSDK({ appId })

describe('withSealdCloudStandIn', () => {
  it('keeps the real SDK and replaces only the cloud members', () => {
    const sdk = realSdk()
    const realScrypt = sdk.utils.scrypt
    const realInitialize = sdk.initialize
    expect(() => sdk.goatee).toThrow(/not initialized/) // the real getter, before the stand-in
    const standIn = withSealdCloudStandIn(sdk, { userId: 'alice' })

    expect(standIn).toBe(sdk)
    expect(sdk.utils.scrypt).toBe(realScrypt)
    expect(sdk.initialize).toBe(realInitialize)
    expect(typeof sdk.goatee.account.exportBackupKey).toBe('function')
  })

  it('exports an identity another instance imports, as SDK Buffers', async () => {
    const source = withSealdCloudStandIn(realSdk(), { userId: 'alice' })
    const bytes = await source.goatee.account.exportBackupKey()
    expect(Buffer.isBuffer(bytes)).toBe(true)
    const account = source.cloudStandIn.account()!

    const target = withSealdCloudStandIn(realSdk())
    expect(target.cloudStandIn.account()).toBeNull()
    const info = await target.importIdentity(bytes)
    expect(info).toEqual({ userId: 'alice', sealdId: account.sealdId, deviceId: account.deviceId })
    expect(await target.getCurrentAccountInfo()).toEqual(info)
    expect(target.cloudStandIn.calls).toEqual(['importIdentity', 'getCurrentAccountInfo'])
  })

  it('refuses what the real importIdentity refuses', async () => {
    const source = withSealdCloudStandIn(realSdk(), { userId: 'alice' })
    const bytes: Buffer = await source.exportIdentity()

    const target = withSealdCloudStandIn(realSdk())
    await expect(target.importIdentity(new Uint8Array(bytes))).rejects.toThrow('"identity" must be a buffer')
    await expect(target.importIdentity(Buffer.from('definitely not an identity'))).rejects.toThrow(
      /Unable to load identity/,
    )
    await target.importIdentity(bytes)
    await expect(target.importIdentity(bytes)).rejects.toThrow('Already registered')
  })

  it('renewKey bumps the key version and changes the exported bytes', async () => {
    const sdk = withSealdCloudStandIn(realSdk(), { userId: 'bob' })
    const before = await sdk.goatee.account.exportBackupKey()
    await sdk.renewKey()
    const after = await sdk.goatee.account.exportBackupKey()

    expect(Buffer.compare(before, after)).not.toBe(0)
    expect(decodeStandInIdentity(before)!.keyVersion).toBe(1)
    expect(decodeStandInIdentity(after)).toMatchObject({ userId: 'bob', keyVersion: 2 })
    expect(decodeStandInIdentity(after)!.keyMaterial).not.toBe(decodeStandInIdentity(before)!.keyMaterial)
    expect(sdk.cloudStandIn.calls).toEqual(['exportBackupKey', 'renewKey', 'exportBackupKey'])
  })

  it('without an account, exports and renewals fail as on an unregistered SDK', async () => {
    const sdk = withSealdCloudStandIn(realSdk())
    await expect(sdk.goatee.account.exportBackupKey()).rejects.toThrow()
    await expect(sdk.exportIdentity()).rejects.toThrow(/Not fully registered/)
    await expect(sdk.renewKey()).rejects.toThrow()
    await expect(sdk.getCurrentAccountInfo()).rejects.toThrow()
  })

  it('failNext makes exactly the next call of a member fail', async () => {
    const sdk = withSealdCloudStandIn(realSdk(), { userId: 'carol' })
    sdk.cloudStandIn.failNext('renewKey', new Error('Seald API unreachable'))
    await expect(sdk.renewKey()).rejects.toThrow('Seald API unreachable')
    expect(sdk.cloudStandIn.account()!.keyVersion).toBe(1)
    await sdk.renewKey()
    expect(sdk.cloudStandIn.account()!.keyVersion).toBe(2)
  })

  it('decodes nothing but stand-in identities', () => {
    expect(decodeStandInIdentity(new Uint8Array([0xff, 0xfe, 0x00]))).toBeUndefined()
    expect(
      decodeStandInIdentity(new TextEncoder().encode('ssks-2mr-kit:stand-in-identity:v1\n{"userId":1}')),
    ).toBeUndefined()
  })
})
