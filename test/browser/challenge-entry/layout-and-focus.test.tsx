import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

const slotBoxes = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('[data-ssks-slot]'), (slot) => slot.getBoundingClientRect())

describe('ChallengeEntry focus order in Chromium', () => {
  it('tabs page → code → resend → page, and back; the label focuses the code', async () => {
    const view = renderChallengeEntry({ onResend: () => {}, resendAvailableAt: Date.now() + 30_000 }, (node) => (
      <>
        <button type="button">before</button>
        {node}
        <button type="button">after</button>
      </>
    ))
    const [before, after] = Array.from(view.container.querySelectorAll<HTMLButtonElement>(':scope > button'))
    const resend = view.root.querySelector<HTMLButtonElement>('[data-ssks-resend]')!
    before!.focus()
    await userEvent.tab()
    expect(document.activeElement).toBe(view.input)
    await userEvent.tab()
    // Focusable during its cooldown, so its remaining time can be read.
    expect(document.activeElement).toBe(resend)
    await userEvent.tab()
    expect(document.activeElement).toBe(after)
    await userEvent.tab({ shift: true })
    await userEvent.tab({ shift: true })
    expect(document.activeElement).toBe(view.input)
    before!.focus()
    await userEvent.click(view.root.querySelector('label')!)
    expect(document.activeElement).toBe(view.input)
  })
})

describe('ChallengeEntry layout in Chromium', () => {
  it('keeps the code left to right on a right-to-left page', async () => {
    const view = renderChallengeEntry({ destination: { type: 'EM', value: 'jane@example.com' } }, (node) => (
      <div dir="rtl" lang="ar">
        {node}
      </div>
    ))
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    expect(getComputedStyle(view.root).direction).toBe('rtl')
    expect(getComputedStyle(view.input).direction).toBe('ltr')
    expect(view.input.getAttribute('dir')).toBe('ltr')
    const boxes = slotBoxes(view.root)
    for (let i = 1; i < boxes.length; i += 1) expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.left)
    expect(view.slots().slice(0, 4)).toEqual(['a', 'b', 'c', 'd'])
    // The caret box (next to fill) is the fifth from the left.
    const active = view.root.querySelector('[data-ssks-slot][data-active]')!
    expect(Array.from(view.root.querySelectorAll('[data-ssks-slot]')).indexOf(active)).toBe(4)
  })

  it('moves a password manager badge off the last box', async () => {
    // What 1Password injects next to a field it can fill. Nothing probes for it: the room is always left.
    const badge = document.createElement('com-1password-button')
    document.body.append(badge)
    try {
      const view = renderChallengeEntry({}, (node) => <div style={{ width: 320, overflow: 'hidden' }}>{node}</div>)
      await userEvent.click(view.input)
      const lastBox = slotBoxes(view.root).at(-1)!
      const input = view.input.getBoundingClientRect()
      // Badges sit inside the input's right edge (~18 px from it, ~30 px wide): all of that room is past the last box.
      expect(input.right - lastBox.right).toBeGreaterThanOrEqual(40)
      const card = view.container.firstElementChild!.getBoundingClientRect()
      expect(input.right).toBeLessThanOrEqual(card.right)
    } finally {
      badge.remove()
    }
  })

  it('fits 8 boxes in a 320 px-wide phone screen without overflowing', async () => {
    const view = renderChallengeEntry({}, (node) => <div style={{ width: 288 }}>{node}</div>)
    await settle(20)
    const field = view.root.querySelector('[data-ssks-field]')!
    expect(field.scrollWidth).toBeLessThanOrEqual(288)
    const boxes = slotBoxes(view.root)
    expect(boxes.at(-1)!.right - boxes[0]!.left).toBeLessThanOrEqual(288)
    expect(boxes[0]!.width).toBeGreaterThanOrEqual(24)
  })
})
