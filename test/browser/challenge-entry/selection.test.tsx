import { afterEach, describe, expect, it, vi } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

const activeSlots = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('[data-ssks-slot]'), (slot, index) =>
    slot.hasAttribute('data-active') ? index : -1,
  ).filter((i) => i >= 0)

describe('ChallengeEntry: the real input over the drawn boxes (Chromium)', () => {
  it('lays the one input, transparent, over every box, in styled and unstyled mode', async () => {
    for (const unstyled of [false, true]) {
      // Unstyled boxes have no size of their own: give them text so they take some room.
      const view = renderChallengeEntry({ unstyled, defaultValue: 'abcdefgh' })
      const style = getComputedStyle(view.input)
      expect(style.color).toBe('rgba(0, 0, 0, 0)')
      expect(style.caretColor).toBe('rgba(0, 0, 0, 0)')
      expect(style.position).toBe('absolute')
      // A tap on any box lands on the input itself.
      for (const slot of view.root.querySelectorAll('[data-ssks-slot]')) {
        const box = slot.getBoundingClientRect()
        expect(box.height, `unstyled: ${unstyled}`).toBeGreaterThan(0)
        expect(
          document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2),
          `unstyled: ${unstyled}`,
        ).toBe(view.input)
      }
      expect(document.head.querySelector('style#input-otp-style')).toBeNull()
      cleanup()
    }
  })

  it('stays invisible in forced-colors (high contrast) mode, where only the boxes draw the code', async () => {
    const view = renderChallengeEntry({ defaultValue: 'abcd' })
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] })
    try {
      expect(matchMedia('(forced-colors: active)').matches).toBe(true)
      expect(getComputedStyle(view.input).color).toBe('rgba(0, 0, 0, 0)')
      expect(getComputedStyle(view.input).backgroundColor).toBe('rgba(0, 0, 0, 0)')
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] })
    }
  })

  it('a click on a box focuses the field with the caret after the code', async () => {
    const view = renderChallengeEntry({ defaultValue: 'abc' })
    await userEvent.click(view.root.querySelectorAll<HTMLElement>('[data-ssks-slot]')[0]!, { force: true })
    expect(document.activeElement).toBe(view.input)
    expect([view.input.selectionStart, view.input.selectionEnd]).toEqual([3, 3])
    expect(activeSlots(view.root)).toEqual([3])
    expect(view.root.querySelector('[data-ssks-slot][data-active] [data-ssks-caret]')).not.toBeNull()
  })

  it('the active box follows the native caret and selection (arrows, shift+arrows, select all, blur)', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    expect(activeSlots(view.root)).toEqual([4])
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}')
    await settle(30)
    expect(activeSlots(view.root)).toEqual([2])
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}')
    await settle(30)
    expect(activeSlots(view.root)).toEqual([1])
    view.input.select()
    await settle(30)
    expect(activeSlots(view.root)).toEqual([0, 1, 2, 3])
    view.input.blur()
    await settle(30)
    expect(activeSlots(view.root)).toEqual([])
  })

  it('inserts where the caret is, as any text field does', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await userEvent.keyboard('abde{ArrowLeft}{ArrowLeft}c')
    expect(view.input.value).toBe('abcde')
    expect(view.slots().slice(0, 5)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(activeSlots(view.root)).toEqual([3])
  })

  it('ignores a 9th typed character, and refocusing a full code selects its last character so typing replaces it', async () => {
    const onChange = vi.fn()
    const view = renderChallengeEntry({ onChange })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcdefgh')
    onChange.mockClear()
    await userEvent.keyboard('z')
    expect(view.input.value).toBe('abcdefgh')
    expect(onChange).not.toHaveBeenCalled()
    expect(view.root.querySelector('[data-ssks-hint]')!.getAttribute('data-state')).toBe('default')
    view.input.blur()
    await userEvent.click(view.input)
    expect([view.input.selectionStart, view.input.selectionEnd]).toEqual([7, 8])
    expect(activeSlots(view.root)).toEqual([7])
    await userEvent.keyboard('z')
    expect(view.input.value).toBe('abcdefgz')
  })
})
