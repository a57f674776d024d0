import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as browser from '../../src/testing/browser'
import * as full from '../../src/testing/index'

describe('src/testing/browser.ts', () => {
  it('offers everything of the full entry except the Node server', () => {
    const missing = Object.keys(full).filter((name) => !(name in browser))
    expect(missing).toEqual(['startEmulator'])
  })

  it('imports nothing that needs Node built-ins', () => {
    const source = readFileSync(new URL('../../src/testing/browser.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/from '(node:|\.\.\/emulator\/index)/)
  })
})
