/**
 * examples/next-app, as its developer ships it: `next build` (App Router, prerendering the page on the
 * server) then `next start`, against the `ssks-emulator` CLI; then the sign-up → restore journey in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_KEY, APP_ID, appBin, appDir } from './support/paths'
import { run } from './support/run'
import { freePort, startProcess, waitForHTTP, type RunningProcess } from './support/startProcess'
import { startExampleEmulator } from './support/startEmulator'
import { runSignUpThenRestoreJourney } from './support/journey'

const cwd = appDir('next-app')
let emulator: RunningProcess & { url: string }
let app: RunningProcess
let appURL: string
let buildOutput = ''

beforeAll(async () => {
  emulator = await startExampleEmulator('next-app')
  const env = {
    NEXT_TELEMETRY_DISABLED: '1',
    // Public (inlined into the browser bundle) ...
    NEXT_PUBLIC_SEALD_APP_ID: APP_ID,
    NEXT_PUBLIC_SSKS_URL: emulator.url,
    NEXT_PUBLIC_SEALD_CLOUD_STAND_IN: 'true',
    // ... and server-only.
    SSKS_URL: emulator.url,
    SSKS_API_KEY: API_KEY,
  }
  buildOutput = (await run(appBin('next-app', 'next'), ['build'], { cwd, env })).output
  const port = await freePort()
  appURL = `http://127.0.0.1:${port}/`
  app = await startProcess(appBin('next-app', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env,
    ready: /Ready|started server/i,
  })
  await waitForHTTP(appURL)
}, 300_000)

afterAll(async () => {
  await app?.stop()
  await emulator?.stop()
})

describe('examples/next-app (next build + next start)', () => {
  it('prerenders the page at build time (the kit renders on the server without window/document)', () => {
    expect(buildOutput).toMatch(/○ \/\s/)
    expect(buildOutput).not.toMatch(/window is not defined|document is not defined/)
  })

  it('the server-rendered HTML has the sign-in form and none of the server-only settings', async () => {
    const html = await (await fetch(appURL)).text()
    expect(html).toContain('Continue')
    expect(html).not.toContain(API_KEY)
  })

  it('sign up → backup without a code → new browser context → wrong code → right code → restored', async () => {
    const result = await runSignUpThenRestoreJourney({ name: 'next-app', appURL, emulatorURL: emulator.url })
    expect(result.codesSent).toBe(1)
    expect(result.screenshots).toHaveLength(5)
    expect(result.pageErrors).toEqual([])
  })
})
