/**
 * The drawn boxes never take a pointer event from the real input: a test (Playwright's actionability
 * check) or a user clicking the code field reaches the input in every state, the active box included.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'
import type { ChallengeEntryProps } from '../../../src/react/challenge-entry/ChallengeEntryProps'

afterEach(() => cleanup())

/** What a click at the centre of each box would hit. */
function hitTargets(root: HTMLElement): Element[] {
  return Array.from(root.querySelectorAll('[data-ssks-slot]'), (slot) => {
    const box = slot.getBoundingClientRect()
    return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)!
  })
}

const states: Array<[string, ChallengeEntryProps, string]> = [
  ['empty', {}, ''],
  ['partly typed', {}, 'abcd'],
  ['all 8 typed', {}, 'abcdefgh'],
  ['wrong code', { status: 'error', error: 'Wrong code' }, 'abcdefgh'],
  ['verifying', { status: 'verifying' }, ''],
]

describe('ChallengeEntry pointer events in Chromium', () => {
  for (const [name, props, typed] of states) {
    it(`${name}: every box passes clicks to the input, and getByRole(textbox).click() works`, async () => {
      const view = renderChallengeEntry({ defaultValue: props.status ? 'abcdefgh' : undefined, ...props })
      if (typed) {
        view.input.focus()
        await userEvent.keyboard(typed)
        await settle()
      }
      expect(hitTargets(view.root).every((target) => target === view.input)).toBe(true)
      // Playwright refuses to click when another element would receive it ("… intercepts pointer events").
      await page.getByRole('textbox', { name: 'Verification code' }).click({ timeout: 2_000 })
      expect(document.activeElement).toBe(view.input)
    })
  }
})
