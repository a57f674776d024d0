import { afterEach, describe, expect, it } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

const emulate = (features: { name: string; value: string }[]) => cdp().send('Emulation.setEmulatedMedia', { features })

afterEach(async () => {
  cleanup()
  await emulate([])
})

const slotBackground = (root: HTMLElement) => getComputedStyle(root.querySelector('[data-ssks-slot]')!).backgroundColor
const LIGHT_SURFACE = 'rgb(255, 255, 255)'
const DARK_SURFACE = 'rgb(23, 26, 33)'

describe('styles.css themes and motion (real Chromium)', () => {
  it('is light by default and follows prefers-color-scheme: dark', async () => {
    const view = renderChallengeEntry()
    expect(slotBackground(view.root)).toBe(LIGHT_SURFACE)
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
    expect(slotBackground(view.root)).toBe(DARK_SURFACE)
  })

  it('lets data-theme on an ancestor force either theme', async () => {
    const dark = renderChallengeEntry({}, (node) => <div data-theme="dark">{node}</div>)
    expect(slotBackground(dark.root)).toBe(DARK_SURFACE)
    cleanup()
    await emulate([{ name: 'prefers-color-scheme', value: 'dark' }])
    const light = renderChallengeEntry({}, (node) => <div data-theme="light">{node}</div>)
    expect(slotBackground(light.root)).toBe(LIGHT_SURFACE)
  })

  it('stops the caret blinking under prefers-reduced-motion', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await settle(30)
    const caret = () => view.root.querySelector('[data-ssks-caret]')!
    expect(getComputedStyle(caret()).animationName).toBe('ssks-caret-blink')
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }])
    expect(getComputedStyle(caret()).animationName).toBe('none')
  })

  it('unstyled leaves out every built-in class but keeps the data attributes', async () => {
    const view = renderChallengeEntry({ unstyled: true, classNames: { slot: 'my-slot' } })
    const classes = Array.from(view.root.querySelectorAll('[class]'), (el) => el.getAttribute('class')!).join(' ')
    expect(classes).not.toMatch(/ssks-/)
    expect(view.root.querySelectorAll('.my-slot')).toHaveLength(8)
    expect(view.root.querySelectorAll('[data-ssks-slot][data-state="empty"]')).toHaveLength(8)
  })
})
