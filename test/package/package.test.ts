/**
 * The built package as users get it: publint and @arethetypeswrong/cli report nothing, and every
 * entry loads from dist/ through the package's own `exports` — `require()` (CJS) and `import()`
 * (ESM) in a plain Node child process, resolved by self-reference (`ssks-2mr-kit/...`).
 * `npm test` builds first; without dist/ the suite is skipped, saying so.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'

const root = fileURLToPath(new URL('../..', import.meta.url))
const hasDist = existsSync(join(root, 'dist/core.js')) && existsSync(join(root, 'dist/core.cjs'))
const run = promisify(execFile)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  exports: Record<string, unknown>
}

/** Entry → an export it must have, and its expected type. */
const entries: Array<[string, string, string]> = [
  ['ssks-2mr-kit', 'default', 'function'],
  ['ssks-2mr-kit/core', 'default', 'function'],
  ['ssks-2mr-kit/core', 'SSKS2MRError', 'function'],
  ['ssks-2mr-kit/core', 'toCallArgs', 'function'],
  ['ssks-2mr-kit/protocol', 'saltSuffix', 'function'],
  ['ssks-2mr-kit/protocol', 'PATHS', 'object'],
  ['ssks-2mr-kit/testing', 'createTestWorld', 'function'],
  ['ssks-2mr-kit/server', 'createSSKSBackend', 'function'],
  ['ssks-2mr-kit/server', 'generateRawTwoManRuleKey', 'function'],
  ['ssks-2mr-kit/emulator', 'startEmulator', 'function'],
  ['ssks-2mr-kit/emulator', 'createEmulator', 'function'],
  ['ssks-2mr-kit/testing', 'withSealdCloudStandIn', 'function'],
  ['ssks-2mr-kit/testing', 'createTestSealdSDK', 'function'],
  ['ssks-2mr-kit/testing/playwright', 'readLatestCode', 'function'],
  ['ssks-2mr-kit/testing/playwright', 'enterCode', 'function'],
  ['ssks-2mr-kit/testing/msw', 'createSSKSHandlers', 'function'],
  ['ssks-2mr-kit/server', 'toNodeHandler', 'function'],
  ...(existsSync(join(root, 'dist/react.js'))
    ? [['ssks-2mr-kit/react', 'SSKS2MRProvider', 'function'] as [string, string, string]]
    : []),
]

async function node(args: string[]) {
  return run(process.execPath, args, { cwd: root, timeout: 60_000 })
}

describe.skipIf(!hasDist)('built package (dist/)', () => {
  it('publint reports nothing', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'suggestion', strict: true })
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([])
  })

  it('@arethetypeswrong/cli --pack reports no problem', async () => {
    // A stylesheet has no types by nature; attw would report it as "no resolution".
    const cssEntries = Object.keys(pkg.exports).filter((subpath) => subpath.endsWith('.css'))
    const args = [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), '--pack', '.', '--format', 'json']
    if (cssEntries.length) args.push('--exclude-entrypoints', ...cssEntries)
    const output = await node(args).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    )
    const { analysis } = JSON.parse(output) as {
      analysis: { problems: Array<{ kind: string; entrypoint: string; resolutionKind: string }> }
    }
    expect(analysis.problems.map((p) => `${p.kind} ${p.entrypoint} (${p.resolutionKind})`)).toEqual([])
  }, 120_000)

  it('every entry works with require() (CJS)', async () => {
    const script = `
      const checks = ${JSON.stringify(entries)}
      const out = checks.map(([id, name]) => [id, name, typeof require(id)[name]])
      const core = require('ssks-2mr-kit/core'), server = require('ssks-2mr-kit/server')
      out.push(['same SSKS2MRError class in core and server', '', String(core.SSKS2MRError === server.SSKS2MRError)])
      console.log(JSON.stringify(out))`
    const { stdout } = await node(['-e', script])
    const results = JSON.parse(stdout.trim().split('\n').at(-1)!) as string[][]
    expect(results).toEqual([...entries, ['same SSKS2MRError class in core and server', '', 'true']])
  })

  it('every entry works with import() (ESM)', async () => {
    const script = `
      const checks = ${JSON.stringify(entries)}
      const out = []
      for (const [id, name] of checks) out.push([id, name, typeof (await import(id))[name]])
      const core = await import('ssks-2mr-kit/core'), server = await import('ssks-2mr-kit/server')
      out.push(['same SSKS2MRError class in core and server', '', String(core.SSKS2MRError === server.SSKS2MRError)])
      console.log(JSON.stringify(out))`
    const { stdout } = await node(['--input-type=module', '-e', script])
    const results = JSON.parse(stdout.trim().split('\n').at(-1)!) as string[][]
    expect(results).toEqual([...entries, ['same SSKS2MRError class in core and server', '', 'true']])
  })

  it('the CJS build installs sdk.ssks2MR on a real SealdSDK', async () => {
    const script = `
      const SealdSDK = require('@seald-io/sdk').default
      const SSKS2MR = require('ssks-2mr-kit/core').default
      const sdk = SealdSDK({ appId: '00000000-0000-4000-8000-000000000000', plugins: [SSKS2MR('http://127.0.0.1:1/')] })
      console.log(JSON.stringify([sdk.ssks2MR.keyStorageURL, typeof sdk.ssks2MR.saveIdentity, typeof sdk.ssks2MR.retrieveIdentity]))`
    const { stdout } = await node(['-e', script])
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(['http://127.0.0.1:1/', 'function', 'function'])
  })
})

if (!hasDist) {
  describe('built package', () => {
    it.skip('skipped: dist/ is missing — run `npm run build` (npm test builds first)', () => {})
  })
}
