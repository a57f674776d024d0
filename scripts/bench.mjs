#!/usr/bin/env node
// `npm run bench [section...]`: build (the size benchmark bundles dist/ the way an app does),
// then run bench/index.ts with tsx. Sections: size, "http calls", latency, throughput, chromium, examples.
// BENCH_SKIP_BUILD=1 reuses an existing dist/. The Seald SDK's own logs are silenced.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!process.env.BENCH_SKIP_BUILD || !existsSync('dist/core.js')) {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? '*:none' }
const { status } = spawnSync('node_modules/.bin/tsx', ['bench/index.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
})
process.exit(status ?? 1)
