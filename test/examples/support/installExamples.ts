/**
 * Vitest global setup of the `examples` project: pack this repository as it would be published
 * (`npm pack` of the dist/ that `npm test` just built), then `npm ci` every example app from its
 * committed lockfile — in parallel, nothing cached between runs beyond what npm itself does in one.
 * The kit's lock entries carry no integrity hash, on purpose: the tarball changes with every build,
 * and a hash would make npm reuse a stale copy from its cache.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { EXAMPLE_APPS, appDir, packedTarball, repoRoot } from './paths'
import { run } from './run'

export default async function installExamples(): Promise<void> {
  if (!existsSync(join(repoRoot, 'dist/react.js')))
    throw new Error('examples: dist/ is missing — run `npm run build` first (npm test does)')
  const started = performance.now()
  mkdirSync(dirname(packedTarball), { recursive: true })
  rmSync(packedTarball, { force: true })
  const { output } = await run('npm', ['pack', '--pack-destination', dirname(packedTarball), '--json', '--silent'], {
    cwd: repoRoot,
  })
  const [{ filename }] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string }]
  renameSync(join(dirname(packedTarball), filename), packedTarball)
  const installs = await Promise.all(
    EXAMPLE_APPS.map(
      async (app) =>
        [app, (await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: appDir(app) })).seconds] as const,
    ),
  )
  const total = (performance.now() - started) / 1000
  console.log(
    `examples: packed and installed in ${total.toFixed(1)} s (${installs.map(([app, s]) => `${app} ${s.toFixed(1)} s`).join(', ')})`,
  )
}
