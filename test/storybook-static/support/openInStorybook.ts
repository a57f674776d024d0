import type { BrowserContext, Page } from 'playwright-core'
import { MINIMAL_VIEWPORTS } from 'storybook/viewport'
import { installChannelProbe, WATCHED_EVENTS, type ChannelRecord, type ProbeState } from './channelProbe'

/** A story or docs entry of the static build's index.json. */
export interface IndexEntry {
  id: string
  title: string
  name: string
  type: 'story' | 'docs'
  tags?: string[]
}

/** What a designer would have seen opening one entry, and what Storybook's channel said. */
export interface OpenedEntry {
  page: Page
  records: ChannelRecord[]
  pageErrors: string[]
  consoleErrors: string[]
  /** Console errors the story declares in `parameters.expectedConsoleErrors` (substrings). */
  expectedConsoleErrors: string[]
  /** `body.sb-show-errordisplay`: Storybook's red error screen. */
  errorDisplay: boolean
  /** Text of the error screen, when shown. */
  errorText: string
  /** The story root (or docs root) rendered nothing. */
  emptyRoot: boolean
}

export const DEFAULT_VIEWPORT = { width: 1100, height: 800 }

/** Events that mean the entry failed, whatever the page looks like. */
export const FAILURE_EVENTS = new Set(['storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying', 'storyErrored', 'storyMissing'])

/**
 * Opens `iframe.html?id=…&viewMode=story|docs` in a new page, as a designer's link would, and
 * waits until Storybook says the story finished (render, play function, axe) or the docs page
 * rendered — then a short settle, because an error thrown in an effect arrives after that.
 */
export async function openInStorybook(
  context: BrowserContext,
  baseUrl: string,
  entry: Pick<IndexEntry, 'id' | 'type'>,
  {
    globals = '',
    settleMs = 200,
    timeoutMs = 45_000,
    viewport = DEFAULT_VIEWPORT,
    beforeOpen,
  }: {
    /** Storybook's URL form, e.g. `theme:dark`. */
    globals?: string
    settleMs?: number
    timeoutMs?: number
    viewport?: { width: number; height: number }
    /** Runs on the new page before it loads, e.g. to freeze the clock. */
    beforeOpen?: (page: Page) => Promise<void>
  } = {},
): Promise<OpenedEntry> {
  const page = await context.newPage()
  await page.setViewportSize(viewport)
  await beforeOpen?.(page)
  await page.addInitScript(installChannelProbe, WATCHED_EVENTS)
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`))
  page.on('console', (message) => {
    // A failed load logs only its status: add the URL so the report says what was missing.
    const where = message.location().url
    if (message.type() === 'error') consoleErrors.push(where && !message.text().includes(where) ? `${message.text()} (${where})` : message.text())
  })

  const url = `${baseUrl}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}${globals ? `&globals=${globals}` : ''}`
  const done = entry.type === 'docs' ? ['docsRendered'] : ['storyFinished']
  const settled = async () => {
    await page.goto(url)
    await page.waitForFunction(
      (events) => globalThis.__STORY_PROBE__?.records.some((record) => events.includes(record.event)),
      [...done, ...FAILURE_EVENTS],
      { timeout: timeoutMs },
    )
    await page.waitForTimeout(settleMs)
  }
  await settled()

  // A story made for a viewport pins it in its `globals`; the manager would resize the iframe,
  // a directly opened link cannot: size the page the same way and open it again.
  const probe = (await page.evaluate(() => globalThis.__STORY_PROBE__)) as ProbeState
  const pinned = viewportOf(probe.storyGlobals)
  if (pinned) {
    await page.setViewportSize(pinned)
    pageErrors.length = 0
    consoleErrors.length = 0
    await settled()
  }

  const final = (await page.evaluate(() => globalThis.__STORY_PROBE__)) as ProbeState
  const expected = final.parameters?.expectedConsoleErrors
  const shown = await page.evaluate((type) => {
    const root = document.getElementById(type === 'docs' ? 'storybook-docs' : 'storybook-root')
    return {
      errorDisplay: document.body.classList.contains('sb-show-errordisplay'),
      errorText: document.getElementById('error-message')?.textContent ?? '',
      emptyRoot: !root || (root.childElementCount === 0 && (root.textContent ?? '').trim() === ''),
    }
  }, entry.type)
  return {
    page,
    records: final.records,
    pageErrors,
    consoleErrors,
    expectedConsoleErrors: Array.isArray(expected) ? expected.map(String) : [],
    ...shown,
  }
}

/** Everything wrong with an opened entry, one line each; empty when a designer saw it work. */
export function problemsOf(opened: OpenedEntry): string[] {
  const problems: string[] = []
  for (const record of opened.records) {
    if (FAILURE_EVENTS.has(record.event)) problems.push(`${record.event}: ${record.detail}`)
    if (record.event === 'storyFinished' && !record.detail.startsWith('success')) problems.push(`storyFinished: ${record.detail}`)
  }
  for (const error of opened.pageErrors) problems.push(`page error: ${error}`)
  for (const error of opened.consoleErrors) {
    // Chromium asks every new origin for /favicon.ico on its own; iframe.html links none.
    if (/\(http:\/\/[^/]+\/favicon\.ico\)$/.test(error)) continue
    if (!opened.expectedConsoleErrors.some((expected) => error.includes(expected))) problems.push(`console error: ${error}`)
  }
  if (opened.errorDisplay) problems.push(`error display: ${opened.errorText.trim().slice(0, 300)}`)
  if (opened.emptyRoot) problems.push('empty root')
  return problems
}

function viewportOf(storyGlobals: Record<string, unknown> | undefined): { width: number; height: number } | undefined {
  const value = (storyGlobals?.viewport as { value?: string } | undefined)?.value
  const viewports: Record<string, { styles?: unknown }> = MINIMAL_VIEWPORTS
  const styles = (value ? viewports[value]?.styles : undefined) as { width?: string; height?: string } | undefined
  if (!styles?.width || !styles.height) return undefined
  return { width: Number.parseInt(String(styles.width), 10), height: Number.parseInt(String(styles.height), 10) }
}
