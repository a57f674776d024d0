#!/usr/bin/env node
// `node scripts/lock-examples.mjs`: refresh examples/*/package-lock.json after changing an example's
// dependencies (or the kit's own). Packs dist/ first (run `npm run build` before). The kit's entry is
// left without an integrity hash: the tarball changes with every build, and with a hash npm would
// install a stale copy from its cache instead of the fresh tarball.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

const apps = ['next-app', 'vite-app', 'express-backend', 'tester', 'typescript-5.9']
const sh = (cmd, args, cwd) => {
  const { status, stdout } = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  if (status !== 0) process.exit(status ?? 1)
  return stdout
}

mkdirSync('examples/.packed', { recursive: true })
const [{ filename }] = JSON.parse(
  sh('npm', ['pack', '--pack-destination', 'examples/.packed', '--json', '--silent'], '.'),
)
renameSync(`examples/.packed/${filename}`, 'examples/.packed/ssks-2mr-kit.tgz')
for (const app of apps) {
  const cwd = `examples/${app}`
  sh('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--silent'], cwd)
  const lockPath = `${cwd}/package-lock.json`
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
  if (lock.packages['node_modules/ssks-2mr-kit']) delete lock.packages['node_modules/ssks-2mr-kit'].integrity
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(`${lockPath}: updated`)
}
