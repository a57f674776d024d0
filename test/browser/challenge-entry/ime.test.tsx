import { afterEach, describe, expect, it, vi } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

const setNativeValue = (input: HTMLInputElement, value: string) =>
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)

describe('ChallengeEntry with an IME (composition) in Chromium', () => {
  it('commits each composed character once (Chromium IME via DevTools protocol)', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    const seen: string[] = []
    view.input.addEventListener('compositionstart', () => seen.push('start'))
    view.input.addEventListener('compositionend', () => seen.push('end'))
    const session = cdp()
    for (const character of ['ａ', 'ｂ', 'ｃ']) {
      // A Japanese IME in full-width mode: the character is composed, shown underlined, then committed.
      await session.send('Input.imeSetComposition', { text: character, selectionStart: 1, selectionEnd: 1 })
      await session.send('Input.insertText', { text: character })
    }
    await settle()
    expect(seen).toEqual(['start', 'end', 'start', 'end', 'start', 'end'])
    expect(view.input.value).toBe('abc')
    expect(view.slots().slice(0, 4)).toEqual(['a', 'b', 'c', ''])
    // Nothing half-composed or doubled was ever reported.
    expect(onChange.mock.calls.map(([value]) => value)).toEqual(['a', 'ab', 'abc'])
  })

  it('leaves the text alone while composing, then normalises once (compositionstart → update → end)', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    await userEvent.keyboard('ab')
    onChange.mockClear()
    const input = view.input
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }))
    for (const step of ['ｋ', 'ｋｍ']) {
      input.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: step }))
      setNativeValue(input, `ab${step}`)
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: step }),
      )
      await settle(20)
      // Mid-composition the raw text stays as the IME wrote it: rewriting it here is what doubles characters.
      expect(input.value).toBe(`ab${step}`)
    }
    expect(onChange).not.toHaveBeenCalled()
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'ｋｍ' }))
    // Safari then sends one more, non-composing input event with the same text.
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromComposition', data: 'ｋｍ' }))
    await settle()
    expect(input.value).toBe('abkm')
    expect(onChange.mock.calls).toEqual([['abkm']])
  })
})
