import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry } from './renderChallengeEntry'

afterEach(() => cleanup())

describe('ChallengeEntry typing in Chromium', () => {
  it('types a code into the one real input and draws it in 8 boxes, 4 + 4', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    expect(view.root.querySelectorAll('input')).toHaveLength(1)
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    expect(view.input.value).toBe('abcd')
    expect(view.slots()).toEqual(['a', 'b', 'c', 'd', '', '', '', ''])
    const row = view.root.querySelector('[data-ssks-slots]')!
    expect(Array.from(row.children, (child) => (child.hasAttribute('data-ssks-separator') ? '-' : 'x')).join('')).toBe(
      'xxxx-xxxx',
    )
    expect(onComplete).not.toHaveBeenCalled()
    await userEvent.keyboard('efgh')
    expect(view.input.value).toBe('abcdefgh')
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith('abcdefgh')
  })

  it('lower-cases upper-case letters', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    await userEvent.keyboard('ABcD')
    expect(view.input.value).toBe('abcd')
    expect(onChange).toHaveBeenLastCalledWith('abcd')
    expect(view.root.querySelector('[data-ssks-hint]')!.getAttribute('data-state')).toBe('default')
  })

  it('folds full-width characters (inserted as text, as a CJK keyboard does) to ASCII', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    // Not on a US keyboard: Playwright inserts these with Input.insertText, one at a time.
    await userEvent.keyboard('ＡＢ２３')
    expect(view.input.value).toBe('ab23')
    expect(view.slots().slice(0, 4)).toEqual(['a', 'b', '2', '3'])
  })

  it('ignores separators typed between the halves, without a warning', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd- efgh')
    expect(view.input.value).toBe('abcdefgh')
    expect(view.live()).toBe('')
  })

  it('refuses 0 1 i l o and symbols visibly and in the polite live region, keeping the rest', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    await userEvent.keyboard('ab0')
    expect(view.input.value).toBe('ab')
    const hint = view.root.querySelector('[data-ssks-hint]')!
    expect(hint.getAttribute('data-state')).toBe('refused')
    expect(hint.textContent).toContain('“0”')
    const live = view.root.querySelector('[data-ssks-live]')!
    expect(live.getAttribute('aria-live')).toBe('polite')
    expect(view.live()).toContain('Not entered: “0”')
    await userEvent.keyboard('O')
    expect(view.live()).toContain('“o”')
    await userEvent.keyboard('!')
    expect(view.live()).toContain('“!”')
    expect(view.input.value).toBe('ab')
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/[01ilo!]/))
    // The next accepted character clears the notice.
    await userEvent.keyboard('c')
    expect(view.input.value).toBe('abc')
    expect(hint.getAttribute('data-state')).toBe('default')
  })

  it('deletes with Backspace and can complete again with a different code', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcdefgh')
    await userEvent.keyboard('{Backspace}')
    expect(view.input.value).toBe('abcdefg')
    await userEvent.keyboard('j')
    expect(view.input.value).toBe('abcdefgj')
    expect(onComplete.mock.calls).toEqual([['abcdefgh'], ['abcdefgj']])
  })
})
