import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import axe from 'axe-core'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityBackup } from '../../../src/react/components/IdentityBackup'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import '../../../src/react/styles.css'
import { createTestWorld, type TestWorldOptions } from '../../../src/testing/browser'

// The address the flows' texts are checked against (masked: j•••@example.com).
const JANE: TestWorldOptions = { factor: { type: 'EM', value: 'jane.doe@example.com' } }

afterEach(() => cleanup())

async function violations(container: HTMLElement): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 60))
  const result = await axe.run(container, { resultTypes: ['violations'] })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('flows have no axe violations in Chromium', () => {
  it.each([
    ['idle (start button)', { forceAuth: false }, 'backup', 'idle', false],
    ['code required', { forceAuth: true }, 'backup', 'codeRequired', true],
    ['done', { forceAuth: false }, 'backup', 'done', true],
    ['error (nothing to restore)', { forceAuth: false }, 'restore', 'error', true],
  ] as const)('%s, light and dark', async (_name, options, purpose, expected, autoStart) => {
    for (const theme of ['light', 'dark'] as const) {
      const h = await createTestWorld({ ...JANE, ...options })
      const Flow = purpose === 'backup' ? IdentityBackup : IdentityRestore
      const view = render(
        <QueryClientProvider client={new QueryClient()}>
          <SSKS2MRProvider
            sdk={await h.device({ signedUp: purpose === 'backup' })}
            startSession={h.startSession}
            locale={theme === 'dark' ? 'fr' : 'en'}
          >
            <main
              data-theme={theme}
              lang={theme === 'dark' ? 'fr' : 'en'}
              style={
                theme === 'dark'
                  ? { background: '#0f1115', color: '#e8eaf0', padding: 16 }
                  : { background: '#ffffff', color: '#16181d', padding: 16 }
              }
            >
              <h1>Account</h1>
              <Flow autoStart={autoStart} />
            </main>
          </SSKS2MRProvider>
        </QueryClientProvider>,
      )
      // Saving derives a key with scrypt: give a loaded CI machine time (waitFor's default is 1 s).
      await waitFor(
        () => expect(view.container.querySelector('[data-ssks-flow]')).toHaveAttribute('data-state', expected),
        { timeout: 15_000 },
      )
      expect(await violations(view.container)).toEqual([])
      view.unmount()
    }
  })
})
