import { createEmulator, type Emulator, type EmulatorOptions, type OutboxEntry } from '../../src/emulator/browser'
import { createDemoBackend } from './createDemoBackend'

/**
 * Where the live stories find SSKS and the demo back-end.
 * - `http`: `npm start` (or the end-to-end tests) runs the emulator and the demo back-end on
 *   127.0.0.1 and tells the page their URLs; every device (browser tab) shares them.
 * - `in-page`: nothing runs beside Storybook (a static build, the Vitest run): the emulator and the
 *   demo back-end run inside this page, shared by the stories until the page reloads.
 */
export interface LiveEnvironment {
  mode: 'http' | 'in-page'
  appId: string
  keyStorageURL: string
  /** The fetch the plugin uses to reach SSKS (in-page: the emulator's handler). */
  ssksFetch: typeof globalThis.fetch
  /** Calls a demo back-end route, e.g. `callBackend('/demo/sign-in', { method: 'POST', ... })`. */
  callBackend(path: string, init: RequestInit): Promise<Response>
  /** Every code the emulator "sent", oldest first. */
  readOutbox(): Promise<OutboxEntry[]>
  /** The in-page emulator, for stories that preset its state; undefined in `http` mode. */
  emulator?: Emulator
}

/** URLs handed over at run time, e.g. by an end-to-end test's init script. */
export interface LiveConfig {
  emulatorUrl: string
  /** The app's back-end, resolved against the page's URL: `/` when it is served from Storybook's own origin. */
  backendUrl: string
  appId: string
}

declare global {
  var __SSKS_LIVE_CONFIG__: LiveConfig | undefined
}

let current: LiveEnvironment | undefined

/** The page's live environment, created on first use (no module-level side effects). */
export function getLiveEnvironment(): LiveEnvironment {
  current ??= createLiveEnvironment()
  return current
}

function createLiveEnvironment(): LiveEnvironment {
  const config = readLiveConfig()
  return config ? httpEnvironment(config) : createInPageEnvironment()
}

// `npm start` bakes the URLs in through Vite `define` (.storybook/main.ts); a static build served
// by a test gets them from `globalThis.__SSKS_LIVE_CONFIG__` instead.
function readLiveConfig(): LiveConfig | undefined {
  const env = import.meta.env as Record<string, string | undefined>
  if (env.SSKS_EMULATOR_URL && env.SSKS_DEMO_BACKEND_URL && env.SSKS_APP_ID) {
    return { emulatorUrl: env.SSKS_EMULATOR_URL, backendUrl: env.SSKS_DEMO_BACKEND_URL, appId: env.SSKS_APP_ID }
  }
  return globalThis.__SSKS_LIVE_CONFIG__
}

function httpEnvironment({ emulatorUrl, backendUrl, appId }: LiveConfig): LiveEnvironment {
  return {
    mode: 'http',
    appId,
    keyStorageURL: emulatorUrl,
    ssksFetch: (input, init) => globalThis.fetch(input, init),
    // `/` (npm start): the page's own origin, proxied to the demo back-end by the dev server.
    callBackend: (path, init) => globalThis.fetch(new URL(path, new URL(backendUrl, globalThis.location.href)), init),
    readOutbox: async () => {
      const response = await globalThis.fetch(new URL('__dev/outbox', emulatorUrl), { cache: 'no-store' })
      if (!response.ok) throw new Error(`Outbox answered ${response.status}`)
      return (await response.json()) as OutboxEntry[]
    },
  }
}

/**
 * A private emulator and demo back-end inside this page: the live stories share one (see
 * getLiveEnvironment); the component state stories each make their own with preset state.
 */
export function createInPageEnvironment(options: EmulatorOptions = {}): LiveEnvironment & { emulator: Emulator } {
  // A made-up origin: requests to it never leave the page, the emulator's handler answers them.
  const keyStorageURL = 'https://ssks.in-page.invalid/'
  const emulator = createEmulator({ appId: globalThis.crypto.randomUUID(), ...options })
  const ssksFetch: typeof globalThis.fetch = (input, init) => emulator.fetch(new Request(input, init))
  const backend = createDemoBackend({ keyStorageURL, appId: emulator.appId, apiKey: emulator.apiKey, fetch: ssksFetch })
  return {
    mode: 'in-page',
    appId: emulator.appId,
    keyStorageURL,
    ssksFetch,
    callBackend: (path, init) =>
      backend(sameOriginRequest(new URL(path, 'https://demo-backend.in-page.invalid/'), init)),
    readOutbox: async () => emulator.outbox(),
    emulator,
  }
}

/**
 * In-page, the "back-end" runs in the page itself, so no browser labels the request: label it as
 * the browser labels a page's fetch to its own origin, which is what the session route requires.
 * A page cannot set `Sec-Fetch-Site` on a real request (the name is forbidden), hence the own
 * `headers` property; a standalone `Headers` has no such guard.
 */
function sameOriginRequest(url: URL, init: RequestInit): Request {
  const request = new Request(url, init)
  const headers = new Headers(request.headers)
  headers.set('sec-fetch-site', 'same-origin')
  return Object.defineProperty(request, 'headers', { value: headers })
}
