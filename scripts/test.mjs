#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find.
// Lint and format check (seconds, no build needed), type check, build (the package checks and the e2e
// read dist/), then every Vitest project.
import { spawnSync } from 'node:child_process'

const steps = [
  ['npm', ['run', 'lint', '--silent']],
  ['tsc', ['--noEmit']],
  ['npm', ['run', 'build', '--silent']],
  ['vitest', ['run', ...process.argv.slice(2)]],
]

for (const [cmd, args] of steps) {
  const bin = cmd === 'npm' ? 'npm' : `node_modules/.bin/${cmd}`
  console.log(`\n> ${cmd} ${args.join(' ')}`)
  const { status } = spawnSync(bin, args, { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}
