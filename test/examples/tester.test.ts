/**
 * examples/tester: the README's component test in a project with exactly the dependencies the README
 * lists (its package.json) and its vitest config (jsdom), run by that project's own Vitest.
 */
import { describe, expect, it } from 'vitest'
import { appBin, appDir } from './support/paths'
import { run } from './support/run'

describe('examples/tester', () => {
  it('the README tester example passes under its own vitest run', async () => {
    const { output } = await run(appBin('tester', 'vitest'), ['run'], {
      cwd: appDir('tester'),
      env: { CI: 'true', NO_COLOR: '1' },
    })
    expect(output).toMatch(/1 passed/)
    expect(output).toContain('restores the identity on a new device with the emailed code')
  }, 120_000)
})
