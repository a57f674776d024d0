/**
 * The dev-route guards where a browser decides the outcome, in real Chromium: a page on a
 * foreign origin (CORS, simple requests), and a DNS-rebound page (same-origin to the browser,
 * foreign Host to the emulator). Foreign names resolve to 127.0.0.1 through Chromium's own
 * resolver rules, so nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index'
import { email, emulatorClient } from '../emulator/emulatorClient'
import { chromiumArgs, chromiumExecutable } from '../support/chromium'

let emulator: RunningEmulator
let pages: Server
let pagePort: number
let browser: Browser

beforeAll(async () => {
  emulator = await startEmulator()
  // Any page: what matters is the origin it is served from.
  pages = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title>'),
  )
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve))
  pagePort = (pages.address() as AddressInfo).port
  browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs, '--host-resolver-rules=MAP evil.example 127.0.0.1, MAP attacker.example 127.0.0.1'],
    headless: true,
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => pages?.close(resolve))
  await emulator?.close()
})

async function openPage(url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(url)
  return page
}

async function pendingCode(): Promise<string> {
  return (await emulatorClient(emulator).startSession(`victim-${Math.random()}`, email(), { force_auth: true }))
    .challenge!
}

/** Runs fetch in the page; a CORS refusal shows as `{ error }`, since the page cannot read the answer. */
const pageFetch = (page: Page, url: string, init: RequestInit = {}) =>
  page.evaluate(
    async ([target, options]) => {
      try {
        const response = await fetch(target, options)
        return { status: response.status, text: response.type === 'opaque' ? '' : await response.text() }
      } catch (error) {
        return { error: String(error) }
      }
    },
    [url, init] as const,
  )

describe('a page on a foreign origin (Chromium)', () => {
  it('cannot read the outbox through any encoded spelling of the dev path', async () => {
    const code = await pendingCode()
    const page = await openPage(`http://evil.example:${pagePort}/`)
    for (const path of ['/__dev/outbox', '/%5F%5Fdev/outbox', '/%5f_dev/outbox', '/__de%76/outbox']) {
      const answer = await pageFetch(page, `${emulator.url.slice(0, -1)}${path}`)
      expect([path, 'error' in answer]).toEqual([path, true])
      expect(JSON.stringify(answer)).not.toContain(code)
    }
  })

  it('cannot reset or arm faults with simple (no-preflight) requests, encoded or not', async () => {
    const code = await pendingCode()
    const page = await openPage(`http://evil.example:${pagePort}/`)
    for (const path of ['/__dev/reset', '/%5F%5Fdev/reset', '/__dev/faults', '/%5f_dev/faults']) {
      await pageFetch(page, `${emulator.url.slice(0, -1)}${path}`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' },
        body: '{"kind":"status","status":500}',
      })
    }
    // And with a JSON body, which makes Chromium ask first (the preflight is refused).
    const json = await pageFetch(page, `${emulator.url}__dev/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect('error' in json).toBe(true)
    expect(emulator.outbox().map((entry) => entry.challenge)).toContain(code)
    expect(emulator.faults.list()).toEqual([])
  })

  it('while a page served from this machine can read the outbox (the guard, not the setup, refuses)', async () => {
    const code = await pendingCode()
    const page = await openPage(`http://localhost:${pagePort}/`)
    const answer = await pageFetch(page, `${emulator.url}%5F%5Fdev/outbox`)
    expect(answer).toMatchObject({ status: 200 })
    expect(JSON.stringify(answer)).toContain(code)
  })
})

describe('a DNS-rebound page (Chromium)', () => {
  it('reads neither the outbox nor resets: same-origin to the browser, but a foreign Host to the emulator', async () => {
    const code = await pendingCode()
    // attacker.example now resolves to the emulator itself: the page and the dev routes share an origin.
    const page = await openPage(`http://attacker.example:${emulator.port}/`)
    for (const path of ['/__dev/outbox', '/%5F%5Fdev/outbox', '/__dev/requests']) {
      const answer = await pageFetch(page, path)
      expect([path, answer]).toMatchObject([path, { status: 403 }])
      expect(JSON.stringify(answer)).not.toContain(code)
    }
    const reset = await pageFetch(page, '/__dev/reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(reset).toMatchObject({ status: 403 })
    const fault = await pageFetch(page, '/__dev/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind":"drop"}',
    })
    expect(fault).toMatchObject({ status: 403 })
    expect(emulator.outbox().map((entry) => entry.challenge)).toContain(code)
    expect(emulator.faults.list()).toEqual([])
  })
})
