/**
 * React Server Components bundlers (Next.js App Router) treat a module as a client component only
 * when `'use client'` is its FIRST statement (before even `"use strict"`). Every built file that
 * loads React — ESM and CJS — must start with it; nothing else may (it would turn server code into client code).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../../dist', import.meta.url))
const hasDist = existsSync(join(dist, 'react.js'))
const LOADS_REACT =
  /(?:from\s*|require\(\s*|import\(\s*)['"](?:react|react\/jsx-runtime|react-dom|@tanstack\/react-query)['"]/

/** The directive prologue's first string, if the file starts with one (after comments and a hashbang). */
function firstDirective(source: string): string | null {
  const body = source.replace(/^#!.*\n/, '').replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '')
  return /^(['"])([^'"]*)\1/.exec(body)?.[2] ?? null
}

describe.skipIf(!hasDist)("'use client' in the build (dist/)", () => {
  const files = readdirSync(dist).filter((name) => /\.(?:c?js)$/.test(name))
  const reactFiles = files.filter((name) => LOADS_REACT.test(readFileSync(join(dist, name), 'utf8')))

  it('finds the React entry in both formats', () => {
    expect(reactFiles).toEqual(expect.arrayContaining(['react.js', 'react.cjs']))
  })

  it("every file that loads React starts with 'use client'", () => {
    const missing = reactFiles.filter((name) => firstDirective(readFileSync(join(dist, name), 'utf8')) !== 'use client')
    expect(missing).toEqual([])
  })

  it("no file without React says 'use client' (server, emulator, core stay server-usable)", () => {
    const extra = files.filter(
      (name) => !reactFiles.includes(name) && firstDirective(readFileSync(join(dist, name), 'utf8')) === 'use client',
    )
    expect(extra).toEqual([])
  })
})
