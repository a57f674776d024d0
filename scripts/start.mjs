#!/usr/bin/env node
// `npm start`: the local playground on a fresh clone, nothing from outside the machine needed.
//   1. the SSKS emulator (src/emulator) on 127.0.0.1, printing every code it "sends";
//   2. the demo app's back-end (scripts/demo-backend.ts), which starts 2MR sessions with the
//      emulator's API key, as an app's server would;
//   3. Storybook's dev server, told both URLs so the live stories talk to them over HTTP. The demo
//      back-end is the app's own server, so the page reaches it on Storybook's origin (`/demo/…`,
//      the dev server's proxy): the session route only answers same-origin callers.
// Ctrl-C stops all three. Ports: SSKS_EMULATOR_PORT, SSKS_DEMO_BACKEND_PORT (default: free ports),
// STORYBOOK_PORT (default 6006).
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { tsImport } from 'tsx/esm/api'

const host = '127.0.0.1'
const storybookPort = Number(process.env.STORYBOOK_PORT ?? 6006)

// TypeScript sources run through tsx, so `npm start` needs no build step.
const { startEmulator } = await tsImport('../src/emulator/index.ts', import.meta.url)
const { startDemoBackend } = await tsImport('./demo-backend.ts', import.meta.url)
const { storybookUrl } = await tsImport('./storybookUrl.ts', import.meta.url)
const storybook = storybookUrl(storybookPort)

const emulator = await startEmulator({
  host,
  port: Number(process.env.SSKS_EMULATOR_PORT ?? 0),
  // The Seald SDK only accepts v4 UUIDs as app ids.
  appId: process.env.SSKS_APP_ID ?? randomUUID(),
  printOutbox: (line) => console.log(`[emulator outbox] ${line}`),
  corsOrigin: '*',
})
const backend = await startDemoBackend({
  host,
  port: Number(process.env.SSKS_DEMO_BACKEND_PORT ?? 0),
  keyStorageURL: emulator.url,
  appId: emulator.appId,
  apiKey: emulator.apiKey,
  corsOrigin: '*',
})

const storybookProcess = spawn(
  'node_modules/.bin/storybook',
  ['dev', '-p', String(storybookPort), '--no-open', '--ci', '--quiet'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      SSKS_EMULATOR_URL: emulator.url,
      SSKS_DEMO_BACKEND_URL: backend.url,
      SSKS_APP_ID: emulator.appId,
    },
  },
)

console.log(`
  ssks-2mr-kit playground
  ───────────────────────
  SSKS emulator     ${emulator.url}   (appId ${emulator.appId})
  Outbox (codes)    ${emulator.url}__dev/outbox
  Demo back-end     ${storybook}demo/session   (proxied to ${backend.url})
  Storybook         ${storybook}
  Live stories      ${storybook}?path=/story/live-flows--back-up-after-sign-up
                    ${storybook}?path=/story/live-flows--restore-on-a-new-device

  Codes sent by the emulator appear beside the live forms and here. Ctrl-C stops everything.
`)

let stopping = false
async function stop(exitCode) {
  if (stopping) return
  stopping = true
  // Storybook by its own PID (never a process-name match): `npx storybook` would leave its node
  // child running (npx does not pass the signal on), so it was started from node_modules/.bin directly.
  if (storybookProcess.exitCode === null && storybookProcess.pid !== undefined) {
    try {
      process.kill(storybookProcess.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  await Promise.allSettled([backend.close(), emulator.close()])
  process.exit(exitCode)
}

process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
storybookProcess.on('exit', (code) => void stop(code ?? 0))
