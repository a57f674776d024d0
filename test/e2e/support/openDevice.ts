import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs, chromiumExecutable } from '../../support/chromium'
import type { LiveConfig } from '../../../stories/live/liveEnvironment'

export interface Device {
  page: Page
  close(): Promise<void>
}

/**
 * A "device": Chromium with its own fresh profile directory (no shared storage, cookies or
 * IndexedDB with any other device), told where the emulator and demo back-end are.
 */
export async function openDevice(liveConfig: LiveConfig): Promise<Device> {
  const profile = await mkdtemp(join(tmpdir(), 'ssks-e2e-device-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1100, height: 800 },
  })
  await context.addInitScript((config) => {
    ;(globalThis as { __SSKS_LIVE_CONFIG__?: unknown }).__SSKS_LIVE_CONFIG__ = config
  }, liveConfig)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    page,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
