/**
 * The README's code examples are real files of the example apps under examples/ (built, type-checked
 * and driven in Chromium by the `examples` project): this checks the README still shows them verbatim.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const readme = readFileSync('README.md', 'utf8')
const examples = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map(([, path, code]) => ({
  path: path!,
  code: code!,
}))

describe('README examples', () => {
  it('are all present, each a file of an example app', () => {
    expect(examples.map((example) => example.path)).toEqual([
      'examples/next-app/app/ssks.ts',
      'examples/next-app/app/RestoreScreen.tsx',
      'examples/next-app/app/api/ssks-session/route.ts',
      'examples/express-backend/src/ssksSession.ts',
      'examples/express-backend/src/server.ts',
      'examples/express-backend/src/nodeServer.ts',
      'examples/vite-app/vite.config.ts',
      'examples/vite-app/src/App.tsx',
      'examples/vite-app/.env.development',
      'examples/vite-app/src/ssks.ts',
      'examples/tester/package.json',
      'examples/tester/vitest.config.ts',
      'examples/tester/restoreOnNewDevice.test.tsx',
    ])
  })

  for (const { path, code } of examples) {
    it(`${path} matches the README`, () => {
      expect(code).toBe(readFileSync(path, 'utf8'))
    })
  }

  it('every code block that imports the package is one of those files', () => {
    const blocks = [...readme.matchAll(/```(?:ts|tsx)\n([\s\S]*?)```/g)].map(([, code]) => code!)
    const unchecked = blocks.filter(
      (code) => /from 'ssks-2mr-kit/.test(code) && !examples.some((example) => example.code === code),
    )
    expect(unchecked).toEqual([])
  })
})
