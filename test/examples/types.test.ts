/**
 * The README's code, as files of the example apps, type-checked against the INSTALLED TARBALL's
 * declarations with the TypeScript an app may use (5.9 and this repository's 6.0) under each module
 * resolution its setup allows (next-app is CommonJS-format, as create-next-app makes it; the others are ESM). Browser
 * files that import `@seald-io/sdk` are checked under `bundler`
 * only (what Next.js and Vite use): the SDK's own declarations give a CommonJS-style default export
 * that node16/nodenext ESM code cannot call — that is the SDK's typing, not the kit's.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appDir, repoRoot, type ExampleApp } from './support/paths'
import { run } from './support/run'

type Resolution = 'bundler' | 'node16' | 'nodenext'
const ALL: Resolution[] = ['bundler', 'node16', 'nodenext']

const checks: Array<{ app: ExampleApp; files: string[]; resolutions: Resolution[] }> = [
  {
    app: 'next-app',
    files: ['app/ssks.ts', 'app/RestoreScreen.tsx', 'app/BackupScreen.tsx', 'app/api/ssks-session/route.ts'],
    resolutions: ['bundler'],
  },
  { app: 'next-app', files: ['app/api/ssks-session/route.ts'], resolutions: ['node16', 'nodenext'] },
  {
    app: 'vite-app',
    files: ['src/ssks.ts', 'src/KeysScreen.tsx', 'src/App.tsx', 'vite.config.ts'],
    resolutions: ['bundler'],
  },
  { app: 'express-backend', files: ['src/server.ts', 'src/nodeServer.ts', 'src/ssksSession.ts'], resolutions: ALL },
  { app: 'tester', files: ['restoreOnNewDevice.test.tsx', 'vitest.config.ts'], resolutions: ALL },
]

// Run on each app's own tsconfig and node_modules (what TypeScript resolves against): this repository's
// TypeScript, and 5.9 from its own little project (a second `typescript` beside the first would fight over `.bin/tsc`).
const compilers = [
  ['TypeScript 6.0', join(repoRoot, 'node_modules/typescript/bin/tsc')],
  ['TypeScript 5.9', join(appDir('typescript-5.9'), 'node_modules/typescript/bin/tsc')],
] as const

describe('README code type-checks in the example apps (installed tarball)', () => {
  for (const { app, files, resolutions } of checks) {
    for (const resolution of resolutions) {
      it(`${app}: ${files.join(', ')} — moduleResolution ${resolution}`, async () => {
        const cwd = appDir(app)
        const config = `.tsconfig.check-${resolution}-${files.length}-${files[0]!.replace(/\W/g, '_')}.json`
        const module = resolution === 'bundler' ? 'esnext' : resolution
        writeFileSync(
          join(cwd, config),
          JSON.stringify({
            extends: './tsconfig.json',
            compilerOptions: { module, moduleResolution: resolution, noEmit: true, incremental: false, plugins: [] },
            include: files,
            files: [],
          }),
        )
        try {
          // Both compilers at once: each is mostly waiting on one core for its own program.
          const results = await Promise.all(
            compilers.map(async ([compiler, tsc]) => {
              const { code, output } = await run('node', [tsc, '-p', config], { cwd, allowFailure: true })
              return { compiler, code, output }
            }),
          )
          expect(results).toEqual(compilers.map(([compiler]) => ({ compiler, code: 0, output: '' })))
        } finally {
          rmSync(join(cwd, config), { force: true })
        }
      }, 300_000)
    }
  }
})
