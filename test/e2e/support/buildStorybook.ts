import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Builds the static Storybook into `outDir` — the same build a designer could host anywhere.
 * No URLs are baked in: the tests hand the live stories their emulator and back-end URLs at run
 * time (see `openDevice`).
 */
export function buildStorybook(outDir: string): string {
  const dir = resolve(outDir)
  const result = spawnSync('node_modules/.bin/storybook', ['build', '--quiet', '-o', dir], {
    encoding: 'utf8',
    // A shell that ran `npm start` must not leak its URLs into the build.
    env: { ...process.env, SSKS_EMULATOR_URL: '', SSKS_DEMO_BACKEND_URL: '', SSKS_APP_ID: '' },
  })
  if (result.status !== 0 || !existsSync(resolve(dir, 'iframe.html'))) {
    throw new Error(`storybook build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return dir
}
