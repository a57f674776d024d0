import { afterEach, describe, expect, it, vi } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

/** A paste as the browser delivers it: a cancelable ClipboardEvent carrying the text in its DataTransfer. */
function paste(input: HTMLInputElement, text: string): ClipboardEvent {
  const clipboardData = new DataTransfer()
  clipboardData.setData('text/plain', text)
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true })
  input.dispatchEvent(event)
  return event
}

/**
 * What iOS one-time-code autofill and password managers do: set the whole value at once through
 * the native setter (bypassing React's value tracking) and fire a single `input` event.
 */
function autofill(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text)
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }))
}

describe('ChallengeEntry paste in Chromium', () => {
  it('finds the code in a pasted sentence and submits it once', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    const event = paste(view.input, 'Your code is ABCD-EFGH.')
    expect(event.defaultPrevented).toBe(true)
    await settle()
    expect(view.input.value).toBe('abcdefgh')
    expect(view.slots()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith('abcdefgh')
  })

  it('finds a code split by a space, with zero-width characters, in French', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    paste(view.input, 'Votre code\u00a0: WXYZ\u200b 2345 (valable 6 h)')
    await settle()
    expect(view.input.value).toBe('wxyz2345')
  })

  it('replaces a half-typed code with a pasted one instead of appending', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await userEvent.keyboard('zz')
    paste(view.input, 'abcd efgh')
    await settle()
    expect(view.input.value).toBe('abcdefgh')
  })

  it('pastes the second half after the first', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    paste(view.input, '-EFGH')
    await settle()
    expect(view.input.value).toBe('abcdefgh')
    expect(onComplete).toHaveBeenCalledTimes(1)
  })

  it('keeps the value and says so when the pasted text holds no code', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    await userEvent.keyboard('ab')
    onChange.mockClear()
    paste(view.input, 'hello, world')
    await settle()
    expect(view.input.value).toBe('ab')
    expect(onChange).not.toHaveBeenCalled()
    expect(view.root.querySelector('[data-ssks-hint]')!.getAttribute('data-state')).toBe('noCode')
    expect(view.live()).toBe('No 8-character code was found in the pasted text.')
  })

  it('reports refused characters in a short pasted fragment', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    paste(view.input, 'ab0c')
    await settle()
    expect(view.input.value).toBe('abc')
    expect(view.live()).toContain('“0”')
  })

  it('pastes through the real clipboard shortcut too (copy from a text field, Ctrl+V)', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    const source = document.createElement('textarea')
    source.value = 'Code: QRST-UVWX'
    document.body.append(source)
    try {
      source.select()
      await userEvent.copy()
      await userEvent.click(view.input)
      await userEvent.paste()
      await settle()
      expect(view.input.value).toBe('qrstuvwx')
      expect(onComplete).toHaveBeenCalledTimes(1)
    } finally {
      source.remove()
    }
  })
})

describe('ChallengeEntry autofill in Chromium', () => {
  it('takes a whole autofilled code arriving as one input event, separators and all', async () => {
    const onComplete = vi.fn()
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onComplete, onChange })
    await userEvent.click(view.input)
    let inputEvents = 0
    view.input.addEventListener('input', () => (inputEvents += 1), { once: true })
    autofill(view.input, 'ABCD-EFGH')
    await settle()
    expect(inputEvents).toBe(1)
    expect(view.input.value).toBe('abcdefgh')
    expect(view.slots().join('')).toBe('abcdefgh')
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith('abcdefgh')
  })

  it('replaces a partly typed value with an autofilled one (not only the first box)', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await userEvent.keyboard('zz')
    autofill(view.input, 'mnpq rstu')
    await settle()
    expect(view.input.value).toBe('mnpqrstu')
  })

  it('keeps a long multi-character insertion whole instead of letting maxlength cut it', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    // Dictation, keyboard suggestions and some autofills insert text without a paste event; the
    // browser's maxlength would turn this 9-character text into "abcdefg".
    await cdp().send('Input.insertText', { text: 'ABCD-EFGH' })
    await settle()
    expect(view.input.value).toBe('abcdefgh')
  })
})
