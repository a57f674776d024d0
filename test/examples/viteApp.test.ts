/**
 * examples/vite-app + examples/express-backend, as shipped: `vite build` then `vite preview` (proxying
 * /api same-origin to the back-end), the back-end compiled by tsc and run by node — once as Express,
 * once as plain node:http, both serving the kit's Fetch-API route through `toNodeHandler`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_KEY, APP_ID, appBin, appDir } from './support/paths'
import { run } from './support/run'
import { freePort, startProcess, waitForHTTP, type RunningProcess } from './support/startProcess'
import { startExampleEmulator } from './support/startEmulator'
import { runSignUpThenRestoreJourney } from './support/journey'

const viteDir = appDir('vite-app')
const backendDir = appDir('express-backend')
let emulator: RunningProcess & { url: string }
const running: RunningProcess[] = []

beforeAll(async () => {
  emulator = await startExampleEmulator('vite-app')
  const publicEnv = { VITE_SEALD_APP_ID: APP_ID, VITE_SSKS_URL: emulator.url, VITE_SEALD_CLOUD_STAND_IN: 'true' }
  await Promise.all([
    run(appBin('vite-app', 'vite'), ['build'], { cwd: viteDir, env: publicEnv }),
    run('npm', ['run', 'build', '--silent'], { cwd: backendDir }),
  ])
}, 300_000)

afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()))
  await emulator?.stop()
})

/** The back-end (`script`: Express or node:http) and a `vite preview` proxying /api to it. */
async function startStack(script: 'server.js' | 'nodeServer.js'): Promise<string> {
  const backendPort = await freePort()
  const backend = await startProcess('node', [join('dist', script)], {
    cwd: backendDir,
    env: { PORT: String(backendPort), SSKS_URL: emulator.url, SEALD_APP_ID: APP_ID, SSKS_API_KEY: API_KEY },
    ready: /back-end on (\S+)/,
  })
  running.push(backend)
  const port = await freePort()
  const preview = await startProcess(
    appBin('vite-app', 'vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: viteDir,
      env: { API_URL: `http://127.0.0.1:${backendPort}` },
      ready: /(http:\/\/127\.0\.0\.1:\d+\/)/,
    },
  )
  running.push(preview)
  await waitForHTTP(preview.ready)
  return preview.ready
}

describe('examples/vite-app (vite build + vite preview) with examples/express-backend', () => {
  it('the browser bundle holds none of the server-only settings', () => {
    const assets = join(viteDir, 'dist', 'assets')
    const bundle = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n')
    expect(bundle).toContain(APP_ID) // public, inlined
    expect(bundle).not.toContain(API_KEY)
  })

  for (const script of ['server.js', 'nodeServer.js'] as const) {
    it(`${script === 'server.js' ? 'Express' : 'node:http'}: sign up → backup without a code → new browser context → wrong code → right code → restored`, async () => {
      const appURL = await startStack(script)
      const name = script === 'server.js' ? 'vite-app+express' : 'vite-app+node-http'
      const result = await runSignUpThenRestoreJourney({ name, appURL, emulatorURL: emulator.url })
      expect(result.codesSent).toBe(1)
      expect(result.screenshots).toHaveLength(5)
      expect(result.pageErrors).toEqual([])
    })
  }
})
