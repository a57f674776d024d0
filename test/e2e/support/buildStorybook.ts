import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Builds the Storybook once per run into test-artifacts/ (gitignored) — the same static build a
 * designer could host anywhere. No URLs are baked in: the tests hand the live stories their
 * emulator and back-end URLs at run time (see `openDevice`).
 */
export function buildStorybook(): string {
  const outDir = resolve('test-artifacts/storybook-static')
  const result = spawnSync('node_modules/.bin/storybook', ['build', '--quiet', '-o', outDir], {
    encoding: 'utf8',
    // A shell that ran `npm start` must not leak its URLs into the build.
    env: { ...process.env, SSKS_EMULATOR_URL: '', SSKS_DEMO_BACKEND_URL: '', SSKS_APP_ID: '' },
  })
  if (result.status !== 0 || !existsSync(resolve(outDir, 'iframe.html'))) {
    throw new Error(`storybook build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return outDir
}
