import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

describe('ChallengeEntry verify / wrong code / success in Chromium', () => {
  it('auto-submits exactly once, however the same code arrives again', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcdefgh')
    // The same code pasted and autofilled on top: still one submission.
    const clipboardData = new DataTransfer()
    clipboardData.setData('text/plain', 'ABCD-EFGH')
    view.input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))
    view.input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }))
    await settle(120)
    expect(onComplete).toHaveBeenCalledTimes(1)
  })

  it('while verifying: aria-busy, read-only, typing ignored, no second submit', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcdefgh')
    view.rerender({ status: 'verifying' })
    expect(view.root.getAttribute('aria-busy')).toBe('true')
    expect(view.root.getAttribute('data-state')).toBe('verifying')
    expect(view.input.readOnly).toBe(true)
    await userEvent.keyboard('{Backspace}z')
    await settle()
    expect(view.input.value).toBe('abcdefgh')
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(view.live()).toBe('Checking the code…')
  })

  it('wrong code: keeps the value, selects all of it, links and announces the error', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcdefgh')
    view.rerender({ status: 'verifying' })
    await userEvent.click(document.body)
    view.rerender({ status: 'error', error: 'This code is not valid. Check it and try again.' })
    await settle()
    expect(view.input.value).toBe('abcdefgh')
    expect(document.activeElement).toBe(view.input)
    expect([view.input.selectionStart, view.input.selectionEnd]).toEqual([0, 8])
    expect(view.root.querySelectorAll('[data-ssks-slot][data-active]')).toHaveLength(8)
    expect(view.input.getAttribute('aria-invalid')).toBe('true')
    const error = view.root.querySelector('[data-ssks-error]')!
    expect(view.input.getAttribute('aria-describedby')!.split(' ')).toContain(error.id)
    expect(view.live()).toBe('This code is not valid. Check it and try again.')
    expect(view.input.readOnly).toBe(false)

    // Typing replaces the selected code; the next complete code is submitted.
    await userEvent.keyboard('m')
    expect(view.input.value).toBe('m')
    await userEvent.keyboard('npqrstu')
    expect(onComplete.mock.calls).toEqual([['abcdefgh'], ['mnpqrstu']])
  })

  it('success: locked, success text shown and announced', async () => {
    const view = renderChallengeEntry({ defaultValue: 'abcdefgh', status: 'success' })
    await settle()
    expect(view.input.readOnly).toBe(true)
    expect(view.root.getAttribute('data-state')).toBe('success')
    expect(view.root.querySelector('[data-ssks-success]')!.textContent).toBe('Code accepted.')
    expect(view.live()).toBe('Code accepted.')
  })

  it('disabled: the input cannot be focused or typed in', async () => {
    const view = renderChallengeEntry({ disabled: true, onResend: () => {} })
    expect(view.input.disabled).toBe(true)
    expect(view.root.hasAttribute('data-disabled')).toBe(true)
    expect(view.root.querySelector<HTMLButtonElement>('[data-ssks-resend]')!.disabled).toBe(true)
    view.input.focus()
    expect(document.activeElement).not.toBe(view.input)
  })
})
