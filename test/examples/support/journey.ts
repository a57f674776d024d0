import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHALLENGE_ALPHABET } from '../../../src/core/protocol/constants'
import { enterCode, readLatestCode } from '../../../src/testing/playwright/index'
import { chromiumLaunchOptions } from '../../support/chromium'
import { artifactsDir } from './paths'

export interface JourneyResult {
  userId: string
  screenshots: string[]
  /** Codes sent to the user over the whole journey (the backup at sign-up needs none). */
  codesSent: number
  pageErrors: string[]
}

/**
 * What a user of the example app does, in real Chromium: sign up (→ backup without a code), then on a
 * new device (a fresh browser context: no cookies, no storage) sign in with the same email and restore
 * with the emailed code, read from the emulator's outbox — a wrong code first, then the right one.
 * A screenshot of every step goes to test-artifacts/examples/<name>/.
 */
export async function runSignUpThenRestoreJourney({
  name,
  appURL,
  emulatorURL,
}: {
  name: string
  appURL: string
  emulatorURL: string
}): Promise<JourneyResult> {
  const dir = join(artifactsDir, name)
  mkdirSync(dir, { recursive: true })
  const screenshots: string[] = []
  const pageErrors: string[] = []
  const shot = async (page: Page, step: string) => {
    const path = join(dir, `${String(screenshots.length + 1).padStart(2, '0')}-${step}.png`)
    await page.screenshot({ path, fullPage: true })
    screenshots.push(path)
  }
  const email = `jane+${Date.now()}@example.com`
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  try {
    const signIn = async (page: Page) => {
      page.on('pageerror', (error) => pageErrors.push(error.message))
      await page.goto(appURL)
      await page.getByLabel('Email').fill(email)
      const response = page.waitForResponse((r) => r.url().endsWith('/api/sign-in'))
      await page.getByRole('button', { name: 'Continue' }).click()
      return ((await (await response).json()) as { userId: string }).userId
    }

    // Device 1: sign up, then the backup runs by itself, with no code.
    const first = await (await browser.newContext()).newPage()
    await first.goto(appURL)
    await shot(first, 'sign-up')
    const userId = await signIn(first)
    await first.getByText('Your keys are backed up.').waitFor({ timeout: 30_000 })
    await shot(first, 'backed-up-without-code')
    const codesAtSignUp = await outboxCount(emulatorURL, userId)

    // Device 2: a new browser context signs in with the same email and restores.
    const second = await (await browser.newContext()).newPage()
    await signIn(second)
    await second.getByRole('textbox', { name: 'Verification code' }).waitFor({ timeout: 30_000 })
    await shot(second, 'restore-asks-for-code')
    const code = await readLatestCode({ emulatorURL, userId })
    await enterCode(second, wrongCodeFor(code))
    await second.locator('[data-ssks-error]').waitFor({ timeout: 30_000 })
    await shot(second, 'wrong-code')
    await enterCode(second, code)
    await second.getByText('Your keys are restored on this device.').waitFor({ timeout: 30_000 })
    await shot(second, 'restored')
    if (codesAtSignUp !== 0) throw new Error(`the backup at sign-up sent ${codesAtSignUp} code(s); it needs none`)
    return { userId, screenshots, codesSent: await outboxCount(emulatorURL, userId), pageErrors }
  } finally {
    await browser.close()
  }
}

async function outboxCount(emulatorURL: string, userId: string): Promise<number> {
  const outbox = (await (await fetch(new URL('/__dev/outbox', emulatorURL))).json()) as Array<{ userId: string }>
  return outbox.filter((entry) => entry.userId === userId).length
}

// A well-formed code that is not the one sent: each character moved to the next one of the alphabet.
function wrongCodeFor(code: string): string {
  return [...code]
    .map((c) => CHALLENGE_ALPHABET[(CHALLENGE_ALPHABET.indexOf(c) + 1) % CHALLENGE_ALPHABET.length])
    .join('')
}
