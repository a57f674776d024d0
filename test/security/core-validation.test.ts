/**
 * Bad input is refused before any request, and set-up refuses what would fail every call later.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { validateKeyStorageURL } from '../../src/core/validation/validateKeyStorageURL'
import { createSSKSBackend } from '../../src/server/index'
import { AUTH_FACTOR, RAW_KEY, SESSION, sdkWithPlugin } from '../core/support/plugins'
import { startCaptureServer, type CaptureServer } from '../support/startCaptureServer'

let server: CaptureServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const saveArgs = { userId: 'user-1', sessionId: SESSION, authFactor: AUTH_FACTOR, rawTwoManRuleKey: RAW_KEY }

async function refusedBeforeAnyRequest(identity: unknown) {
  server = await startCaptureServer(() => ({ status: 200, json: { id: 'tmr-1' } }))
  const error = await sdkWithPlugin(server.url)
    .api.saveIdentity({ ...saveArgs, identity: identity as Uint8Array })
    .catch((e: unknown) => e)
  expect(server.requests).toHaveLength(0)
  return error
}

describe('identity must be real, non-empty bytes', () => {
  it('an object that only claims to be a Uint8Array (Symbol.toStringTag) is refused', async () => {
    const fake = { [Symbol.toStringTag]: 'Uint8Array', length: 3, 0: 1, 1: 2, 2: 3 }
    expect(await refusedBeforeAnyRequest(fake)).toMatchObject({ code: 'VALIDATION', path: 'identity' })
  })

  it.each([
    [
      'a Uint8Array subclass instance with a forged tag of another kind',
      Object.defineProperty(new Uint16Array(2), Symbol.toStringTag, { value: 'Uint8Array' }),
    ],
    ['a DataView', new DataView(new ArrayBuffer(4))],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['an array of numbers', [1, 2, 3]],
  ])('%s is refused', async (_name, value) => {
    expect(await refusedBeforeAnyRequest(value)).toMatchObject({ code: 'VALIDATION', path: 'identity' })
  })

  it.each([
    ['an empty Uint8Array', new Uint8Array(0)],
    ['an empty Buffer', Buffer.alloc(0)],
  ])('%s is refused (nothing to back up)', async (_name, value) => {
    expect(await refusedBeforeAnyRequest(value)).toMatchObject({
      code: 'VALIDATION',
      path: 'identity',
      message: '"identity" is not allowed to be empty',
    })
  })

  it('a Buffer and a Uint8Array from another realm still pass', async () => {
    const { runInNewContext } = await import('node:vm')
    const foreign = runInNewContext('new Uint8Array([1, 2, 3])') as Uint8Array
    server = await startCaptureServer((r) => ({ status: 200, json: r.path.endsWith('push/') ? { id: 'tmr-1' } : {} }))
    const { api } = sdkWithPlugin(server.url)
    await expect(api.saveIdentity({ ...saveArgs, identity: foreign })).resolves.toMatchObject({ ssksId: 'tmr-1' })
    await expect(api.saveIdentity({ ...saveArgs, identity: Buffer.from([1, 2, 3]) })).resolves.toMatchObject({
      ssksId: 'tmr-1',
    })
  })
})

describe('keyStorageURL', () => {
  it.each([
    ['user and password', 'https://u:p@ssks.example/'],
    ['a user name only', 'https://admin@ssks.example/'],
    ['an empty user info', 'https://@ssks.example/'],
  ])('a URL with %s is refused at set-up (plugin and back-end)', (_name, url) => {
    expect(() => validateKeyStorageURL(url)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', path: 'keyStorageURL' }),
    )
    expect(() => createSSKSBackend({ keyStorageURL: url, appId: 'app', apiKey: 'key' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', path: 'keyStorageURL' }),
    )
  })

  it('the error never quotes the user info', () => {
    const error = (() => {
      try {
        validateKeyStorageURL('https://admin:s3cret-pass@ssks.example/')
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).not.toContain('s3cret')
  })

  it('a 20,000-character invalid URL is refused with the usual message (linear check; timing: npm run bench)', () => {
    const long = `https://${'a'.repeat(20_000)} `
    expect(() => validateKeyStorageURL(long)).toThrow(
      '"keyStorageURL" must be a valid uri with a scheme matching the http|https pattern',
    )
  })
})
