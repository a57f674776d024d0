import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import axe from 'axe-core'
import type { ReactNode } from 'react'
import { challengeEntryMessagesFr } from '../../../src/react/messages/challengeEntry'
import type { ChallengeEntryProps } from '../../../src/react/challenge-entry/ChallengeEntryProps'
import { renderChallengeEntry, settle, type Rendered } from './renderChallengeEntry'

afterEach(() => cleanup())

const themes = {
  light: { background: '#ffffff', color: '#16181d' },
  dark: { background: '#0f1115', color: '#e8eaf0' },
} as const

/** A minimal page around the field, so page-level rules (landmarks, heading) have what they need. */
const page =
  (theme: keyof typeof themes, lang = 'en') =>
  (node: ReactNode) => (
    <main data-theme={theme} lang={lang} style={{ ...themes[theme], padding: 16 }}>
      <h1>Restore</h1>
      {node}
    </main>
  )

async function violations(view: Rendered): Promise<string[]> {
  await settle(60)
  const result = await axe.run(view.container, { resultTypes: ['violations'] })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const destination = { type: 'EM', value: 'jane.doe@example.com' } as const
const states: Record<string, { props: ChallengeEntryProps; typed?: string }> = {
  empty: { props: { destination, onResend: () => {}, resendAvailableAt: Date.now() + 60_000 } },
  partial: { props: { destination, onResend: () => {} }, typed: 'abc' },
  refused: { props: { destination }, typed: 'ab0' },
  error: {
    props: {
      destination,
      defaultValue: 'abcdefgh',
      status: 'error',
      error: 'This code is not valid. Check it and try again.',
      onResend: () => {},
    },
  },
  verifying: { props: { destination, defaultValue: 'abcdefgh', status: 'verifying', onResend: () => {} } },
  success: { props: { destination, defaultValue: 'abcdefgh', status: 'success' } },
  disabled: { props: { destination, disabled: true, onResend: () => {} } },
  sms: {
    props: {
      destination: { type: 'SMS', value: '+33 6 12 34 56 78' },
      onResend: () => {},
      resendAvailableAt: Date.now() + 60_000,
    },
  },
}

describe('ChallengeEntry has no axe violations (real Chromium, shipped styles.css)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, { props, typed }] of Object.entries(states)) {
      it(`${name}, ${theme}`, async () => {
        const view = renderChallengeEntry(props, page(theme))
        if (typed) {
          await userEvent.click(view.input)
          await userEvent.keyboard(typed)
        }
        expect(await violations(view)).toEqual([])
      })
    }
  }

  it('French strings, right-to-left page', async () => {
    const view = renderChallengeEntry(
      { destination, messages: challengeEntryMessagesFr, onResend: () => {} },
      (node) => (
        <main lang="fr" dir="rtl">
          <h1>Restaurer</h1>
          {node}
        </main>
      ),
    )
    expect(await violations(view)).toEqual([])
  })

  it('does catch a violation when one is planted (the check is live)', async () => {
    const view = renderChallengeEntry({ messages: { label: '' } }, page('light'))
    expect((await violations(view)).join('\n')).toMatch(/label/)
  })
})
