import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('[data-ssks-resend]')!

/**
 * Activates the button from the keyboard: it stays focusable while `aria-disabled`, which Playwright's click refuses.
 */
async function pressButton(root: HTMLElement): Promise<void> {
  button(root).focus()
  await userEvent.keyboard('{Enter}')
}

describe('ChallengeEntry resend in Chromium', () => {
  it('counts down, then resends: clears the code and politely announces the masked destination', async () => {
    // The caller owns the cooldown (one deadline) and moves it on each resend, as a flow does.
    const onResend = vi.fn(() => void setTimeout(() => view.rerender({ resendAvailableAt: Date.now() + 1000 })))
    const view = renderChallengeEntry({
      onResend,
      resendAvailableAt: Date.now() + 1000,
      destination: { type: 'EM', value: 'jane.doe@example.com' },
    })
    await settle(30)
    expect(button(view.root).textContent).toBe('Send a new code in 1 s')
    expect(button(view.root).getAttribute('aria-disabled')).toBe('true')
    expect(button(view.root).getAttribute('data-state')).toBe('cooldown')
    await pressButton(view.root)
    expect(onResend).not.toHaveBeenCalled()

    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    await expect.poll(() => button(view.root).textContent, { timeout: 2500 }).toBe('Send a new code')
    expect(button(view.root).hasAttribute('aria-disabled')).toBe(false)
    await userEvent.click(button(view.root))
    expect(onResend).toHaveBeenCalledTimes(1)
    expect(view.input.value).toBe('')
    expect(view.slots().join('')).toBe('')
    expect(document.activeElement).toBe(view.input)
    // The caret (drawn in the first box) is where the new code starts.
    expect([view.input.selectionStart, view.input.selectionEnd]).toEqual([0, 0])
    const slots = Array.from(view.root.querySelectorAll('[data-ssks-slot]'))
    expect(slots.map((slot) => slot.hasAttribute('data-active'))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    // FSI/PDI isolate the address so an RTL sentence cannot reorder it.
    expect(view.live()).toBe('New code sent to \u2068j•••@example.com\u2069.')
    // The cooldown starts again.
    await settle(30)
    expect(button(view.root).textContent).toBe('Send a new code in 1 s')
  })

  it('waits for a promise-returning onResend, then announces', async () => {
    let resolve!: () => void
    const onResend = vi.fn(() => new Promise<void>((r) => (resolve = r)))
    const view = renderChallengeEntry({ onResend, destination: '+33•••••00' })
    await userEvent.click(button(view.root))
    expect(button(view.root).textContent).toBe('Sending a new code…')
    expect(button(view.root).getAttribute('data-state')).toBe('sending')
    await pressButton(view.root)
    expect(onResend).toHaveBeenCalledTimes(1)
    resolve()
    await expect.poll(() => view.live()).toBe('New code sent to \u2068+33•••••00\u2069.')
    expect(button(view.root).textContent).toBe('Send a new code')
  })

  it('follows a server-given resendAvailableAt deadline', async () => {
    const view = renderChallengeEntry({ onResend: () => {}, resendAvailableAt: Date.now() + 4500 })
    // Whole seconds, rounded up, counting down from the deadline (tolerant of a slow, shared machine).
    await expect.poll(() => button(view.root).textContent).toMatch(/^Send a new code in [45] s$/)
    const first = Number(/in (\d) s/.exec(button(view.root).textContent!)![1])
    await expect.poll(() => button(view.root).textContent, { timeout: 2000 }).toBe(`Send a new code in ${first - 1} s`)
    expect(button(view.root).getAttribute('aria-disabled')).toBe('true')
  })
})
