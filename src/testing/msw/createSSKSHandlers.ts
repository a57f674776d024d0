import { http, type HttpHandler } from 'msw'
import { createEmulator } from '../../emulator/browser'
import type { Emulator, EmulatorOptions } from '../../emulator/types'
import { createSSKSBackend } from '../../server/createSSKSBackend'
import type { SessionHandlerOptions } from '../../server/types'

export interface SSKSHandlersOptions {
  /** The SSKS URL the app's plugin is configured with. Default `https://ssks.seald.io/`. */
  keyStorageURL?: string
  /** An emulator to answer with; default: a new in-process one made with `emulatorOptions`. */
  emulator?: Emulator
  emulatorOptions?: EmulatorOptions
  /**
   * Also answer the app's "start 2MR session" route (POST `path`, same origin as the page), as
   * `createSSKSBackend(…).createSessionHandler({ resolveUser })` would, against the same emulator.
   */
  sessionRoute?: SessionHandlerOptions & { path: string }
}

export interface SSKSHandlers {
  /**
   * Pass them to `setupServer(...)` (msw/node) or `setupWorker(...)` (msw/browser), or a story's
   * `parameters.msw.handlers`.
   */
  handlers: HttpHandler[]
  /** The emulator behind them: `outbox()` holds the codes it "sent", `faults` and `reset()` as usual. */
  emulator: Emulator
}

/**
 * msw 2.x request handlers backed by the in-process SSKS emulator: every request to `keyStorageURL`
 * (and, optionally, the app's session route) is answered by the real protocol implementation — for
 * Storybook and jsdom tests, with no server to start.
 */
export function createSSKSHandlers(options: SSKSHandlersOptions = {}): SSKSHandlers {
  const keyStorageURL = new URL(options.keyStorageURL ?? 'https://ssks.seald.io/')
  const emulator = options.emulator ?? createEmulator(options.emulatorOptions)
  const handlers: HttpHandler[] = [http.all(`${keyStorageURL.origin}/*`, ({ request }) => emulator.fetch(request))]
  if (options.sessionRoute) {
    const { path, ...routeOptions } = options.sessionRoute
    const backend = createSSKSBackend({
      keyStorageURL: keyStorageURL.href,
      appId: emulator.appId,
      apiKey: emulator.apiKey,
      // Straight to the emulator: a request made inside a handler would not go through msw again.
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    })
    const route = backend.createSessionHandler(routeOptions)
    handlers.push(http.post(path, ({ request }) => route(asFromPageUnderTest(request))))
  }
  return { handlers, emulator }
}

/**
 * The route accepts only requests proven same-origin (`Sec-Fetch-Site`, else `Origin`). A browser adds
 * those headers on the network, after a service worker or Node's fetch has handed the request to msw, so
 * msw never sees them: a request msw intercepts comes from the page under test, and is marked so. One that
 * already says where it comes from (a test forging a cross-site call) keeps its own header.
 */
function asFromPageUnderTest(request: Request): Request {
  if (request.headers.has('sec-fetch-site')) return request
  const headers = new Headers(request.headers)
  headers.set('sec-fetch-site', 'same-origin')
  return new Request(request, { headers })
}
