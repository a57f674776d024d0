/**
 * Two tabs of one origin restoring the same backup, the email spelled differently in each: the
 * in-page queue cannot see the other tab, so only the Web Lock (same name for both spellings)
 * keeps the two renewals apart. Real Chromium, real SDK (browser build), real HTTP to the emulator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startEmulator } from '../../src/emulator/index'
import type { RunningEmulator } from '../../src/emulator/types'
import { createSSKSBackend } from '../../src/server/index'
import { sdkWithPlugin } from '../core/support/plugins'
import { launchChromium, servePageWithKit } from './support/chromium'

let browser: Browser
let emulator: RunningEmulator
let page: Awaited<ReturnType<typeof servePageWithKit>>
beforeAll(async () => {
  ;[browser, emulator, page] = await Promise.all([
    launchChromium(),
    startEmulator({ printOutbox: false, singleSessionPerUser: false }),
    servePageWithKit(),
  ])
}, 60_000)
afterAll(async () => {
  await Promise.allSettled([browser?.close(), emulator?.close(), page?.close()])
})

interface TabArgs {
  keyStorageURL: string
  appId: string
  retrieve: { userId: string; sessionId: string; authFactor: { type: 'EM'; value: string }; twoManRuleKey: string }
}

it('two tabs, two spellings of one email: one renewal, one push, both tabs hold the stored keys', async () => {
  const userId = `bob-${crypto.randomUUID()}`
  const twoManRuleKey = 'bob-2mr-key'
  const spellings = ['bob@example.com', 'BOB@Example.COM']
  const backend = createSSKSBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
  const owner = sdkWithPlugin(emulator.url, {}, { userId }, emulator.appId)
  const first = await backend.challengeSend({
    userId,
    authFactor: { type: 'EM', value: spellings[0]! },
    createUser: true,
  })
  await owner.api.saveIdentity({
    userId,
    sessionId: first.sessionId,
    authFactor: { type: 'EM', value: spellings[0]! },
    twoManRuleKey,
  })
  // One validated session per tab (each tab typed its own code).
  const sessions: string[] = []
  for (const value of spellings) {
    const { sessionId } = await backend.challengeSend({ userId, authFactor: { type: 'EM', value } })
    const challenge = emulator.outbox().find((entry) => entry.sessionId === sessionId)!.challenge
    sessions.push(
      (await owner.api.keyStore.challengeValidate({ sessionId, challenge, authFactor: { type: 'EM', value } }))
        .newSessionId,
    )
  }
  const before = emulator.requests().length
  emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 300, times: 2 })

  const context = await browser.newContext()
  const tabs = await Promise.all(spellings.map(() => context.newPage()))
  await Promise.all(tabs.map((tab) => tab.goto(page.url).then(() => tab.waitForFunction(() => 'kit' in globalThis))))
  const results = await Promise.all(
    tabs.map((tab, i) =>
      tab.evaluate(
        async ({ keyStorageURL, appId, retrieve }: TabArgs) => {
          const { kit } = globalThis as unknown as { kit: { createTestSealdSDK: (o: object) => Promise<any> } }
          const sdk = await kit.createTestSealdSDK({ keyStorageURL, appId })
          const result = await sdk.ssks2MR.retrieveIdentity(retrieve)
          return {
            keysRenewed: result.keysRenewed as boolean,
            keyVersion: sdk.cloudStandIn.account().keyVersion as number,
            webLocks: typeof navigator.locks?.request,
          }
        },
        {
          keyStorageURL: emulator.url,
          appId: emulator.appId,
          retrieve: {
            userId,
            sessionId: sessions[i]!,
            authFactor: { type: 'EM' as const, value: spellings[i]! },
            twoManRuleKey,
          },
        },
      ),
    ),
  )
  await context.close()

  expect(results.map((r) => r.webLocks)).toEqual(['function', 'function'])
  expect(results.filter((r) => r.keysRenewed)).toHaveLength(1)
  expect(results.map((r) => r.keyVersion)).toEqual([2, 2])
  expect(
    emulator
      .requests()
      .slice(before)
      .filter((r) => r.method === 'POST' && r.path === '/tmr/front/push/'),
  ).toHaveLength(1)
}, 60_000)
