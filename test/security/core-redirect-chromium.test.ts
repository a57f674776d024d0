/**
 * In a browser, a redirect on a CORS request is followed when both origins allow it: a 302 turns
 * the push into a GET that "succeeds", a 307 re-posts `data_b64` and the session id to the other
 * origin. The plugin refuses to follow any redirect, so the other origin hears nothing and the
 * save fails. Real Chromium, real SDK (browser build), real HTTP.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { RAW_KEY } from '../core/support/plugins'
import { launchChromium, servePageWithKit } from './support/chromium'
import { startRawServer, type RawRequest } from './support/rawServer'

/** Lets any page call it, as SSKS does (custom headers need a preflight). */
function withCors(res: ServerResponse, req: RawRequest | IncomingMessage): boolean {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Headers', 'content-type, x-seald-session, x-seald-appid, x-seald-version')
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET')
  if (req.method !== 'OPTIONS') return false
  res.writeHead(204).end()
  return true
}

let browser: Browser
let page: Awaited<ReturnType<typeof servePageWithKit>>
beforeAll(async () => {
  ;[browser, page] = await Promise.all([launchChromium(), servePageWithKit()])
}, 60_000)
afterAll(async () => {
  await Promise.allSettled([browser?.close(), page?.close()])
})

describe('a redirect on push, in Chromium', () => {
  it.each([302, 307])(
    '%i to another origin: saveIdentity fails and the other origin receives nothing',
    async (status) => {
      const other = await startRawServer(
        (req, res) =>
          withCors(res, req) || res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"stolen"}'),
      )
      const ssks = await startRawServer((req, res) => {
        if (withCors(res, req)) return
        if (req.path.endsWith('challenge_validate/'))
          return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"new_id":"validated-session"}')
        res.writeHead(status, { Location: `${other.url}tmr/front/push/` }).end()
      })
      const tab = await browser.newPage()
      try {
        await tab.goto(page.url)
        await tab.waitForFunction(() => 'kit' in globalThis)
        const outcome = await tab.evaluate(
          async ({ keyStorageURL, rawTwoManRuleKey }) => {
            const { kit } = globalThis as unknown as { kit: { createTestSealdSDK: (o: object) => Promise<any> } }
            const sdk = await kit.createTestSealdSDK({ keyStorageURL, userId: 'user-1' })
            const authFactor = { type: 'EM', value: 'alice@example.com' }
            return sdk.ssks2MR
              .saveIdentity({
                userId: 'user-1',
                sessionId: 'session-1',
                authFactor,
                challenge: 'abcdefgh',
                rawTwoManRuleKey,
              })
              .then(
                (result: unknown) => ({ saved: result }),
                (error: { code?: string }) => ({ code: error.code }),
              )
          },
          { keyStorageURL: ssks.url, rawTwoManRuleKey: RAW_KEY },
        )
        expect(outcome).toMatchObject({ code: expect.stringMatching(/^(NETWORK|SERVER)$/) })
        expect(ssks.requests.filter((r) => r.method === 'POST' && r.path.endsWith('push/'))).toHaveLength(1)
        expect(other.requests).toHaveLength(0)
      } finally {
        await Promise.allSettled([tab.close(), other.close(), ssks.close()])
      }
    },
    60_000,
  )
})
