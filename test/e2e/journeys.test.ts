/**
 * A new user's journey through the live stories, in real Chromium, against the real servers on
 * 127.0.0.1: the SSKS emulator over HTTP, the demo back-end (ssks-2mr-kit/server) and a static
 * Storybook build. Each "device" is a separate Chromium profile. Screenshots of every step go to
 * test-artifacts/e2e/<journey>/.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startEmulator } from '../../src/emulator'
import type { OutboxEntry } from '../../src/emulator'
import { startDemoBackend, type RunningDemoBackend } from '../../scripts/demo-backend'
import type { LiveConfig } from '../../stories/live/liveEnvironment'
import { openDevice, type Device } from './support/openDevice'
import { serveStatic, type StaticServer } from './support/serveStatic'

type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>

let emulator: RunningEmulator
let backend: RunningDemoBackend
let storybook: StaticServer
let live: LiveConfig
const devices: Device[] = []

beforeAll(async () => {
  const staticDir = inject('storybookStaticDir')
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, appId: crypto.randomUUID() })
  backend = await startDemoBackend({ keyStorageURL: emulator.url, appId: emulator.appId, apiKey: emulator.apiKey })
  // The app's back-end on Storybook's own origin, as `npm start` serves it through the dev-server proxy.
  storybook = await serveStatic(staticDir, { proxy: { prefix: '/demo/', target: backend.url } })
  live = { emulatorUrl: emulator.url, backendUrl: '/', appId: emulator.appId }
}, 180_000)

afterAll(async () => {
  await Promise.allSettled(devices.map((device) => device.close()))
  await Promise.allSettled([storybook?.close(), backend?.close(), emulator?.close()])
})

async function newDevice(): Promise<Page> {
  const device = await openDevice(live)
  devices.push(device)
  return device.page
}

async function openStory(page: Page, id: string): Promise<void> {
  await page.goto(`${storybook.url}iframe.html?id=${id}&viewMode=story`)
  await page.getByTestId('live-mode').waitFor()
  // The static build must have picked up the URLs handed over at run time, not fallen back in-page.
  expect(await page.getByTestId('live-mode').getAttribute('data-mode')).toBe('http')
}

/** The emulator's outbox for one user, read over HTTP (what the page's outbox panel shows). */
async function outboxFor(userEmailOrPhone: string): Promise<OutboxEntry[]> {
  const all = (await (await fetch(new URL('__dev/outbox', emulator.url))).json()) as OutboxEntry[]
  return all.filter((entry) => entry.authFactor.value === userEmailOrPhone)
}

function screenshotter(journey: string) {
  let step = 0
  const dir = join('test-artifacts', 'e2e', journey)
  return async (page: Page, name: string) => {
    await mkdir(dir, { recursive: true })
    step += 1
    await page.screenshot({ path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  }
}

interface Journey {
  name: string
  factor: 'EM' | 'SMS'
  enterCode: 'type' | 'paste-sentence'
}

async function signUpAndBackUp(page: Page, email: string, phone: string, factor: Journey['factor']) {
  await openStory(page, 'live-flows--back-up-after-sign-up')
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByRole('textbox', { name: /Mobile phone/ }).fill(phone)
  await page.getByRole('radio', { name: factor === 'SMS' ? 'SMS' : 'Email' }).check()
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.getByText('Your identity is backed up.').waitFor({ timeout: 20_000 })
}

async function signInOnNewDevice(page: Page, email: string, factor: Journey['factor']) {
  await openStory(page, 'live-flows--restore-on-a-new-device')
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByRole('radio', { name: factor === 'SMS' ? 'SMS' : 'Email' }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('textbox', { name: 'Verification code' }).waitFor({ timeout: 20_000 })
}

/** The newest code in the page's outbox panel ("the user's inbox"). */
async function newestCodeOnScreen(page: Page): Promise<string> {
  return (await page.locator('[data-latest] [data-testid="outbox-code"]').textContent({ timeout: 10_000 })) ?? ''
}

async function enterCode(page: Page, code: string, how: Journey['enterCode']) {
  const field = page.getByRole('textbox', { name: 'Verification code' })
  if (how === 'type') {
    await field.click()
    await field.press('ControlOrMeta+A')
    await page.keyboard.type(code, { delay: 30 })
    return
  }
  // Pasted from the message as a whole sentence, upper case and grouped as people copy it.
  const sentence = `Your verification code is ${code.slice(0, 4).toUpperCase()}-${code.slice(4).toUpperCase()}. It expires in 6 hours.`
  await page.evaluate((text) => navigator.clipboard.writeText(text), sentence)
  await field.click()
  await field.press('ControlOrMeta+A')
  await field.press('ControlOrMeta+V')
}

const journeys: Journey[] = [
  { name: 'email-typed', factor: 'EM', enterCode: 'type' },
  { name: 'email-pasted-sentence', factor: 'EM', enterCode: 'paste-sentence' },
  { name: 'sms-typed', factor: 'SMS', enterCode: 'type' },
]

describe('a new user backs up at sign-up, then restores on a new device', () => {
  for (const journey of journeys) {
    it(`${journey.name}`, async () => {
      const shot = screenshotter(journey.name)
      const pages: Page[] = []
      try {
        await walk(journey, shot, pages)
      } catch (error) {
        // What each device showed when the journey broke, for the CI artifacts.
        for (const [index, page] of pages.entries()) await shot(page, `FAILED-device-${index + 1}`).catch(() => {})
        throw error
      }
    })
  }

  // What a strict CSRF policy on the session route checks (same-origin Fetch-Metadata, Origin equal
  // to the request's own origin, a JSON body): the page's calls, as the back-end received them.
  it('called the session route same-origin, through the proxy, with a JSON body', () => {
    const sessionCalls = storybook.proxied.filter((call) => call.path === '/demo/session' && call.method === 'POST')
    // Per journey: the sign-up backup, the first code, the resend, the third device's code.
    expect(sessionCalls.length).toBeGreaterThanOrEqual(journeys.length * 4)
    for (const { headers } of sessionCalls) {
      expect(headers['sec-fetch-site']).toBe('same-origin')
      expect(headers.origin).toBe(`http://${headers.host}`)
      expect(headers.host).toBe(new URL(storybook.url).host)
      expect(headers['content-type']).toBe('application/json')
    }
  })
})

async function walk(journey: Journey, shot: ReturnType<typeof screenshotter>, pages: Page[]) {
  {
    {
      const email = `${journey.name}-${crypto.randomUUID().slice(0, 8)}@example.com`
      const phone = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
      const destination = journey.factor === 'SMS' ? phone : email

      // 1. Sign up on the first device: the first backup needs no code.
      const first = await newDevice()
      pages.push(first)
      await signUpAndBackUp(first, email, phone, journey.factor)
      await shot(first, 'signed-up-and-backed-up')
      expect(await outboxFor(destination)).toHaveLength(0)

      // 2. A new device (fresh browser profile): sign in, a code is sent.
      const second = await newDevice()
      pages.push(second)
      if (journey.enterCode === 'paste-sentence')
        await second.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await signInOnNewDevice(second, email, journey.factor)
      await expect.poll(() => outboxFor(destination).then((entries) => entries.length)).toBe(1)
      const [sent] = await outboxFor(destination)
      expect(sent?.authFactor.type).toBe(journey.factor)
      expect(await newestCodeOnScreen(second)).toBe(sent?.challenge)
      await shot(second, 'code-requested')

      // 3. A wrong code: the error shows, the session stays usable.
      const wrong = sent?.challenge === '23456789' ? '98765432' : '23456789'
      await enterCode(second, wrong, 'type')
      await second.getByText('This code is not valid. Check it and try again.').first().waitFor({ timeout: 15_000 })
      await shot(second, 'wrong-code')

      // 4. Resend (after the 5 s cooldown of the live stories): a new code arrives in the outbox.
      const resend = second.getByRole('button', { name: 'Send a new code' })
      await resend.waitFor({ timeout: 15_000 })
      await resend.click()
      await expect.poll(() => outboxFor(destination).then((entries) => entries.length), { timeout: 10_000 }).toBe(2)
      const fresh = (await outboxFor(destination)).at(-1)?.challenge ?? ''
      expect(fresh).not.toBe(sent?.challenge)
      await expect.poll(() => newestCodeOnScreen(second)).toBe(fresh)
      await expect(second.getByRole('textbox', { name: 'Verification code' }).inputValue()).resolves.toBe('')
      await shot(second, 'new-code-sent')

      // 5. The new code, read from the outbox beside the form: identity restored, keys renewed and saved again.
      await enterCode(second, await newestCodeOnScreen(second), journey.enterCode)
      await second.getByTestId('restore-result').waitFor({ timeout: 20_000 })
      await expect(second.getByTestId('result-backup').textContent()).resolves.toContain('keys renewed')
      await expect(second.getByTestId('result-resave').textContent()).resolves.toBe('yes')
      const sealdId = await second.getByTestId('result-seald-id').textContent()
      expect(sealdId).toBeTruthy()
      await shot(second, 'restored')

      // 6. The renewal was saved: a third device restores an authenticated backup of the same account.
      const third = await newDevice()
      pages.push(third)
      await signInOnNewDevice(third, email, journey.factor)
      await expect.poll(() => outboxFor(destination).then((entries) => entries.length)).toBe(3)
      const thirdCode = (await outboxFor(destination)).at(-1)?.challenge ?? ''
      // The panel polls the outbox: wait until it shows this newest code before reading it.
      await expect.poll(() => newestCodeOnScreen(third)).toBe(thirdCode)
      await enterCode(third, await newestCodeOnScreen(third), 'type')
      await third.getByTestId('restore-result').waitFor({ timeout: 20_000 })
      await expect(third.getByTestId('result-backup').textContent()).resolves.toContain('authenticated')
      await expect(third.getByTestId('result-seald-id').textContent()).resolves.toBe(sealdId)
      await shot(third, 'authenticated-backup-restored')
    }
  }
}
