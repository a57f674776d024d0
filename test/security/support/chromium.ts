import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium, type Browser } from 'playwright-core'
import { chromiumLaunchOptions } from '../../support/chromium'

/** Debian's Chromium, headless (see test/support/chromium.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true })
}

let bundle: Promise<string> | undefined

/** support/browser/kitInPage.ts bundled for the browser once per test file: `globalThis.kit` in the page. */
export function kitBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./browser/kitInPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text)
  return bundle
}

/**
 * A page server on `host`:0 answering `/` with a page that loads the kit bundle, and `/kit.js`
 * with the bundle: the pages' own origin for Web Locks and CORS.
 */
export async function servePageWithKit(host = '127.0.0.1') {
  const script = await kitBundle()
  const server = createServer((req, res) => {
    if (req.url === '/kit.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><title>kit</title><script type="module" src="/kit.js"></script>')
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
