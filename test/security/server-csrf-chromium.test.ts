/**
 * Forged POSTs to the session route as Chromium really sends them (Fetch-Metadata, Origin,
 * simple-request content types), from a cross-site page (localhost vs 127.0.0.1) and from a
 * same-site page on another port (a sibling subdomain's position): none reaches resolveUser or
 * SSKS. The app's own page still starts a session.
 */
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSSKSBackend, type SessionUser } from '../../src/server/index'
import { json, startCaptureServer } from '../support/startCaptureServer'
import { launchChromium } from './support/chromium'
import { startRawServer, type RawServer } from './support/rawServer'

const user: SessionUser = {
  userId: 'victim',
  authFactor: { type: 'EM', value: 'victim@example.com' },
  twoManRuleKey: 'victim-key',
}
const PAGE = '<!doctype html><title>page</title><iframe name="sink"></iframe>'

let browser: Browser
let ssks: Awaited<ReturnType<typeof startCaptureServer>>
let app: { url: string; close(): Promise<void> }
let evil: RawServer
let sibling: RawServer
const seen: Array<{ site: string | null; origin: string | null; type: string | null }> = []
let resolved = 0

beforeAll(async () => {
  ssks = await startCaptureServer(json(200, { session_id: 'sess-1', must_authenticate: true }))
  const route = createSSKSBackend({ keyStorageURL: ssks.url, appId: 'app', apiKey: 'key' }).createSessionHandler({
    resolveUser: () => (resolved++, user), // as if the victim's cookie came along
  })
  const server = createAdaptorServer({
    hostname: '127.0.0.1',
    fetch: (request: Request) => {
      if (new URL(request.url).pathname !== '/api/2mr-session')
        return new Response(PAGE, { headers: { 'Content-Type': 'text/html' } })
      const h = request.headers
      if (request.method === 'POST')
        seen.push({ site: h.get('sec-fetch-site'), origin: h.get('origin'), type: h.get('content-type') })
      return route(request)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  app = { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
  const attackerPage = (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE)
  ;[evil, sibling, browser] = await Promise.all([
    startRawServer(attackerPage),
    startRawServer(attackerPage),
    launchChromium(),
  ])
}, 60_000)
afterAll(async () => {
  await Promise.allSettled([browser?.close(), ssks?.close(), app?.close(), evil?.close(), sibling?.close()])
})

/** Runs `attack` in a fresh page at `pageUrl`, then lets the request land. */
async function from(pageUrl: string, attack: (page: Page, route: string) => Promise<unknown>) {
  const page = await browser.newPage()
  try {
    await page.goto(pageUrl)
    await attack(page, `${app.url}api/2mr-session`)
    await page.waitForTimeout(300)
  } finally {
    await page.close()
  }
}

const formPost = (enctype: string) => (page: Page, route: string) =>
  page.evaluate(
    ([action, type]) => {
      const form = Object.assign(document.createElement('form'), {
        method: 'POST',
        action,
        enctype: type,
        target: 'sink',
      })
      form.append(Object.assign(document.createElement('input'), { name: '{"factor":"SMS","x":"', value: '"}' }))
      document.body.append(form)
      form.submit()
    },
    [route, enctype],
  )
const noCorsFetch = (contentType: string) => (page: Page, route: string) =>
  page.evaluate(
    ([url, type]) =>
      fetch(url!, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': type! },
        body: '{"factor":"SMS"}',
      }).catch(() => null),
    [route, contentType],
  )
const corsJsonFetch = (page: Page, route: string) =>
  page.evaluate(
    (url) =>
      fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }).catch(() => null),
    route,
  )

describe('forged requests from Chromium never reach resolveUser or SSKS', () => {
  // [name, attack, POSTs that reach the route]: the browser blocks the JSON one at its preflight.
  const attacks: Array<[string, (page: Page, route: string) => Promise<unknown>, number]> = [
    ['a form POST (urlencoded)', formPost('application/x-www-form-urlencoded'), 1],
    ['a form POST (text/plain, JSON-looking body)', formPost('text/plain'), 1],
    ['a form POST (multipart)', formPost('multipart/form-data'), 1],
    ['a no-cors fetch with text/plain', noCorsFetch('text/plain'), 1],
    ['a no-cors fetch claiming application/json (the browser drops the type)', noCorsFetch('application/json'), 1],
    ['a CORS fetch with application/json (preflight)', corsJsonFetch, 0],
  ]
  it.each(attacks)(
    'cross-site page: %s',
    async (_name, attack, posts) => {
      const before = { resolved, ssks: ssks.requests.length, seen: seen.length }
      await from(evil.url.replace('127.0.0.1', 'localhost'), attack)
      expect(seen.length - before.seen).toBe(posts)
      expect(resolved).toBe(before.resolved)
      expect(ssks.requests.length).toBe(before.ssks)
      for (const request of seen.slice(before.seen)) expect(request.site).toBe('cross-site')
    },
    30_000,
  )

  it.each(attacks)(
    'same-site page on another port (a sibling subdomain): %s',
    async (_name, attack, posts) => {
      const before = { resolved, ssks: ssks.requests.length, seen: seen.length }
      await from(sibling.url, attack)
      expect(seen.length - before.seen).toBe(posts)
      expect(resolved).toBe(before.resolved)
      expect(ssks.requests.length).toBe(before.ssks)
      for (const request of seen.slice(before.seen)) expect(request.site).toBe('same-site')
    },
    30_000,
  )

  it('the app’s own page posting a form is refused too (not JSON)', async () => {
    const before = { resolved, ssks: ssks.requests.length, seen: seen.length }
    await from(app.url, formPost('application/x-www-form-urlencoded'))
    expect(seen.slice(before.seen)).toEqual([expect.objectContaining({ site: 'same-origin' })])
    expect(resolved).toBe(before.resolved)
    expect(ssks.requests.length).toBe(before.ssks)
  }, 30_000)
})

it('the app’s own page starts a session with a JSON fetch (Sec-Fetch-Site: same-origin)', async () => {
  const before = { resolved, ssks: ssks.requests.length, seen: seen.length }
  const page = await browser.newPage()
  await page.goto(app.url)
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/2mr-session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    return { status: response.status, body: await response.json() }
  })
  await page.close()
  expect(answer).toMatchObject({ status: 200, body: { sessionId: 'sess-1', userId: 'victim' } })
  expect(seen.slice(before.seen)).toEqual([
    { site: 'same-origin', origin: new URL(app.url).origin, type: 'application/json' },
  ])
  expect(resolved).toBe(before.resolved + 1)
  expect(ssks.requests.length).toBe(before.ssks + 1)
}, 30_000)
