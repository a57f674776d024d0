/**
 * Visual baselines: a screenshot of every component story (Components/*), light and dark, at a
 * fixed viewport, compared with the PNGs committed under __screenshots__/. The clock is fixed
 * (countdowns show the same second), animations and the caret are frozen for the shot.
 *
 * An intended change: `npm run test:visual -- --update` rewrites the baselines; review and commit them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromiumArgs, chromiumExecutable } from '../support/chromium'
import { serveStatic } from '../e2e/support/serveStatic'
import { openInStorybook, problemsOf, type IndexEntry } from '../storybook-static/support/openInStorybook'
import { compareWithBaseline } from './compareWithBaseline'

const VIEWPORT = { width: 800, height: 600 }
const FIXED_TIME = new Date('2026-06-15T09:30:00Z')
const THEMES = ['light', 'dark'] as const
const baselineDir = join('test', 'visual', '__screenshots__')
const artifactsDir = join('test-artifacts', 'visual')

const staticDir = inject('storybookStaticDir')
const update = inject('updateVisualBaselines')
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }
const componentStories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && entry.title.startsWith('Components/'),
)

let browser: Browser
let storybook: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  storybook = await serveStatic(staticDir)
  browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs, headless: true })
})

afterAll(async () => {
  await browser?.close()
  await storybook?.close()
})

async function screenshot(entry: IndexEntry, theme: (typeof THEMES)[number]): Promise<Buffer> {
  const context = await browser.newContext({
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  })
  try {
    const opened = await openInStorybook(context, storybook.url, entry, {
      globals: `theme:${theme}`,
      viewport: VIEWPORT,
      // Fixed `Date.now()` with timers still running: the flows work, a countdown stays on one second.
      beforeOpen: (page) => page.clock.setFixedTime(FIXED_TIME),
    })
    expect(problemsOf(opened)).toEqual([])
    // Nothing keeps focus rings or hover states from a previous step but what the story itself did.
    await opened.page.mouse.move(0, 0)
    return await opened.page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' })
  } finally {
    await context.close()
  }
}

describe('visual baselines of the component stories', () => {
  it('covers every component story', () => {
    expect(componentStories.length).toBeGreaterThanOrEqual(50)
  })

  for (const entry of componentStories) {
    for (const theme of THEMES) {
      it.concurrent(`${entry.title} / ${entry.name} (${theme})`, async () => {
        const shot = await screenshot(entry, theme)
        const result = compareWithBaseline(shot, join(baselineDir, `${entry.id}--${theme}.png`), artifactsDir, update)
        if (result.status === 'missing')
          throw new Error(`No baseline yet: run npm run test:visual -- --update and commit ${baselineDir}/`)
        if (result.status === 'different') {
          throw new Error(
            `${result.reason} (see ${result.actualPath}${result.diffPath ? ` and ${result.diffPath}` : ''}); if intended: npm run test:visual -- --update`,
          )
        }
        expect(['same', 'written']).toContain(result.status)
      })
    }
  }
})
