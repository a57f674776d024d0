/**
 * The README's code examples are real files under stories/examples/ (type-checked by `tsc`, the
 * tester's one also runnable): this checks the README still shows them verbatim, with the
 * repository's relative imports spelled as the published package names.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const PACKAGE_IMPORTS: Array<[string, string]> = [
  ["'../../src/index'", "'ssks-2mr-kit'"],
  ["'../../src/react/styles.css'", "'ssks-2mr-kit/react/styles.css'"],
  ["'../../src/react'", "'ssks-2mr-kit/react'"],
  ["'../../src/server'", "'ssks-2mr-kit/server'"],
  ["'../../src/testing'", "'ssks-2mr-kit/testing'"],
]

const readme = readFileSync('README.md', 'utf8')
const examples = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map(([, path, code]) => ({ path: path!, code: code! }))

describe('README examples', () => {
  it('are all present', () => {
    expect(examples.map((example) => example.path)).toEqual([
      'stories/examples/RestorePage.tsx',
      'stories/examples/sessionRoute.ts',
      'stories/examples/restoreOnNewDevice.test-example.tsx',
    ])
  })

  for (const { path, code } of examples) {
    it(`${path} matches the README`, () => {
      let source = readFileSync(path, 'utf8')
      for (const [relative, published] of PACKAGE_IMPORTS) source = source.split(relative).join(published)
      expect(code).toBe(source)
    })
  }
})
