/**
 * Every story and every docs page of the static Storybook build, opened as a designer opens them:
 * a link to `iframe.html?id=…` in real Chromium. Fails on what Storybook's channel reports
 * (storyThrewException, playFunctionThrewException, storyErrored, a failed axe run), any page
 * error, any console error the story does not declare in `parameters.expectedConsoleErrors`,
 * Storybook's error display, or an empty root.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromiumArgs, chromiumExecutable } from '../support/chromium'
import { serveStatic } from '../e2e/support/serveStatic'
import { openInStorybook, problemsOf, type IndexEntry } from './support/openInStorybook'

const staticDir = inject('storybookStaticDir')
/** Set to a running Storybook (e.g. `npm start`'s printed URL) to check its dev server instead of the static build. */
const devServerUrl = process.env.STORYBOOK_URL
const index = (
  devServerUrl ? await (await fetch(new URL('index.json', devServerUrl))).json() : JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'))
) as { entries: Record<string, IndexEntry> }
const entries = Object.values(index.entries)
const stories = entries.filter((entry) => entry.type === 'story')
const docsPages = entries.filter((entry) => entry.type === 'docs')

let browser: Browser
let storybook: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  storybook = devServerUrl ? { url: devServerUrl, proxied: [], close: async () => {} } : await serveStatic(staticDir)
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true })
})

afterAll(async () => {
  await browser?.close()
  await storybook?.close()
})

async function problemsOpening(entry: IndexEntry): Promise<string[]> {
  const context = await browser.newContext()
  try {
    return problemsOf(await openInStorybook(context, storybook.url, entry))
  } finally {
    await context.close()
  }
}

describe('the static Storybook, story by story', () => {
  it('has the stories and docs pages it is expected to have', () => {
    // A story file that fails to load drops out of the index: this count would show it.
    expect(stories.length).toBeGreaterThanOrEqual(48)
    expect(docsPages.map((entry) => entry.title).sort()).toEqual(
      ['Components/ChallengeEntry', 'Components/IdentityBackup', 'Components/IdentityRestore', 'Live flows'],
    )
  })

  // "Show code" is what a developer copies: the app's provider and component, not the story harness.
  for (const component of ['IdentityBackup', 'IdentityRestore'] as const) {
    it(`docs of ${component}: "Show code" shows the app's code`, async () => {
      const docs = docsPages.find((entry) => entry.title === `Components/${component}`) as IndexEntry
      const context = await browser.newContext()
      try {
        const opened = await openInStorybook(context, storybook.url, docs)
        // The primary story's block, the first on the page.
        await opened.page.locator('button', { hasText: 'Show code' }).first().click()
        // The docs page renders every flow story at once (real crypto each): on a busy machine that takes a while.
        await opened.page.locator('pre', { hasText: 'const startSession' }).first().waitFor({ timeout: 90_000 })
        const blocks = await opened.page.locator('pre').allTextContents()
        const shown = blocks.find((text) => text.includes('const startSession')) ?? ''
        expect(shown).toContain('<SSKS2MRProvider sdk={sdk} startSession={startSession}>')
        expect(shown).toContain(`<${component} onDone=`)
        expect(blocks.join('\n')).not.toMatch(/FlowHarness|fixture|loaded\./)
      } finally {
        await context.close()
      }
    })
  }

  for (const entry of [...stories, ...docsPages]) {
    // Two at a time (the e2e project's maxConcurrency): each page is its own browser context.
    it.concurrent(`${entry.type} ${entry.title} / ${entry.name} opens without an error`, async () => {
      expect(await problemsOpening(entry)).toEqual([])
    })
  }
})
