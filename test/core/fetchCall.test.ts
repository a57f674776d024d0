import { describe, expect, it } from 'vitest'
import { AUTH_FACTOR, CHALLENGE, NEW_SESSION, RAW_KEY, SESSION, sdkWithPlugin } from './support/plugins'

/**
 * A custom `options.fetch` is called as the official plugin calls the SDK's fetch:
 * `fetch(url, init)` with the JSON body as a string (no Request, no body stream to clone).
 */
describe('options.fetch call shape', () => {
  it('gets the endpoint URL, a string JSON body, credentials omitted and the protocol headers', async () => {
    const calls: Array<[unknown, RequestInit | undefined]> = []
    const fetchSpy = async (input: unknown, init?: RequestInit) => {
      calls.push([input, init])
      return new Response(JSON.stringify(calls.length === 1 ? { new_id: NEW_SESSION } : { id: 'tmr-1' }))
    }
    const { api } = sdkWithPlugin('http://127.0.0.1:9/base/', { fetch: fetchSpy as typeof fetch })
    const args = {
      userId: 'user-1',
      sessionId: SESSION,
      authFactor: AUTH_FACTOR,
      challenge: CHALLENGE,
      rawTwoManRuleKey: RAW_KEY,
    }
    const result = await api.saveIdentity({ ...args, identity: new Uint8Array([1, 2, 3]) })
    expect(result).toEqual({ ssksId: 'tmr-1', id: 'tmr-1', authenticatedSessionId: NEW_SESSION })
    expect(calls.map(([url]) => url)).toEqual([
      'http://127.0.0.1:9/tmr/front/challenge_validate/',
      'http://127.0.0.1:9/tmr/front/push/',
    ])
    const [, init] = calls[0]!
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('omit')
    expect(JSON.parse(init?.body as string)).toEqual({ challenge: CHALLENGE, auth_factor: AUTH_FACTOR })
    const headers = new Headers(init?.headers)
    expect(headers.get('X-SEALD-SESSION')).toBe(SESSION)
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(new Headers(calls[1]![1]?.headers).get('X-SEALD-SESSION')).toBe(NEW_SESSION)
    expect(Object.keys(JSON.parse(calls[1]![1]?.body as string))).toEqual(['data_b64', 'auth_factor'])
    expect(init?.signal).toBeInstanceOf(AbortSignal)
  })

  it('a custom fetch that throws its own request data: NETWORK, and the thrown value is not kept as cause', async () => {
    const leaky = async (_input: unknown, init?: RequestInit) => {
      throw Object.assign(new Error('proxy refused'), { init })
    }
    const { api } = sdkWithPlugin('http://127.0.0.1:9/', { fetch: leaky as typeof fetch, retries: 0 })
    const error = await api
      .retrieveIdentity({
        userId: 'user-1',
        sessionId: SESSION,
        authFactor: AUTH_FACTOR,
        challenge: CHALLENGE,
        rawTwoManRuleKey: RAW_KEY,
      })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'NETWORK' })
    expect((error as Error).cause).toBeUndefined()
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(CHALLENGE)
  })
})
