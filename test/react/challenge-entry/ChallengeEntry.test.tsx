import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderToString } from 'react-dom/server'
import { useState } from 'react'
import { ChallengeEntry } from '../../../src/react/challenge-entry/ChallengeEntry'
import { useResendCooldown } from '../../../src/react/hooks/useResendCooldown'
import { challengeEntryMessagesEn, challengeEntryMessagesFr } from '../../../src/react/messages/challengeEntry'

const root = () => document.querySelector<HTMLElement>('[data-ssks-challenge]')!
const input = () => root().querySelector('input')!
const describedBy = () => input().getAttribute('aria-describedby')!.split(' ')
const byId = (id: string) => document.getElementById(id)

describe('ChallengeEntry (jsdom)', () => {
  it('is one real, labelled input with the attributes code entry needs', () => {
    render(<ChallengeEntry name="code" />)
    const field = screen.getByRole('textbox', { name: 'Verification code' }) as HTMLInputElement
    expect(root().querySelectorAll('input')).toHaveLength(1)
    expect(field).toBe(input())
    expect(field.getAttribute('autocomplete')).toBe('one-time-code')
    expect(field.getAttribute('inputmode')).toBe('text')
    expect(field.getAttribute('autocapitalize')).toBe('none')
    expect(field.getAttribute('autocorrect')).toBe('off')
    expect(field.getAttribute('spellcheck')).toBe('false')
    expect(field.getAttribute('dir')).toBe('ltr')
    expect(field.getAttribute('translate')).toBe('no')
    // No maxlength: it would cut an autofilled "ABCD-EFGH" before any event; 8 is enforced on input (below).
    expect(field.hasAttribute('maxlength')).toBe(false)
    expect(field.name).toBe('code')
    const box = root().querySelector('[data-ssks-field]')!
    expect(box.getAttribute('dir')).toBe('ltr')
    expect(box.getAttribute('translate')).toBe('no')
    expect(box.classList.contains('notranslate')).toBe(true)
    // The drawn boxes are decoration over the input.
    const slots = root().querySelector('[data-ssks-slots]')!
    expect(slots.getAttribute('aria-hidden')).toBe('true')
    expect(slots.querySelectorAll('[data-ssks-slot]')).toHaveLength(8)
    expect(slots.querySelectorAll('[data-ssks-separator]')).toHaveLength(1)
    expect(root().querySelector('noscript')).toBeNull()
  })

  it('takes every visible and accessible string from messages (French)', () => {
    render(
      <ChallengeEntry
        messages={challengeEntryMessagesFr}
        destination={{ type: 'EM', value: 'jean@exemple.fr' }}
        onResend={() => {}}
      />,
    )
    expect(screen.getByRole('textbox', { name: 'Code de vérification' })).toBe(input())
    expect(root().textContent).toContain(challengeEntryMessagesFr.hint)
    expect(root().querySelector('[data-ssks-destination]')!.textContent).toBe(
      'Nous avons envoyé un code à \u2068j•••@exemple.fr\u2069.',
    )
    expect(screen.getByRole('button').textContent).toBe('Envoyer un nouveau code')
    // No English left anywhere in the markup.
    for (const english of Object.values(challengeEntryMessagesEn)) {
      if (!english.includes('{')) expect(root().textContent).not.toContain(english)
    }
  })

  it('overrides single strings', () => {
    render(<ChallengeEntry messages={{ label: 'Code from your email' }} />)
    expect(screen.getByRole('textbox', { name: 'Code from your email' })).toBeTruthy()
    expect(root().textContent).toContain(challengeEntryMessagesEn.hint)
  })

  it('links hint, destination and error through aria-describedby, in that order', () => {
    const { rerender } = render(<ChallengeEntry />)
    expect(describedBy()).toHaveLength(1)
    expect(byId(describedBy()[0]!)!.textContent).toBe(challengeEntryMessagesEn.hint)
    rerender(
      <ChallengeEntry destination={{ type: 'SMS', value: '+33 6 12 34 56 78' }} status="error" error="Wrong code" />,
    )
    const [hint, destination, error] = describedBy().map((id) => byId(id)!)
    expect(hint!.hasAttribute('data-ssks-hint')).toBe(true)
    expect(destination!.textContent).toBe('We sent a code to \u2068+33•••••••78\u2069.')
    expect(error!.textContent).toBe('Wrong code')
    expect(input().getAttribute('aria-invalid')).toBe('true')
  })

  it('shows a ready-made destination hint as given', () => {
    render(<ChallengeEntry destination="the number ending in 42" />)
    expect(root().querySelector('[data-ssks-destination]')!.textContent).toContain('the number ending in 42')
  })

  it('maps status to data-state, aria-busy and a locked input', () => {
    const { rerender } = render(<ChallengeEntry defaultValue="abcdefgh" />)
    expect(root().dataset.state).toBe('idle')
    expect(root().hasAttribute('aria-busy')).toBe(false)
    expect(root().hasAttribute('data-complete')).toBe(true)
    rerender(<ChallengeEntry defaultValue="abcdefgh" status="verifying" />)
    expect(root().dataset.state).toBe('verifying')
    expect(root().getAttribute('aria-busy')).toBe('true')
    expect(input().readOnly).toBe(true)
    rerender(<ChallengeEntry defaultValue="abcdefgh" status="success" />)
    expect(root().dataset.state).toBe('success')
    expect(input().readOnly).toBe(true)
    expect(root().querySelector('[data-ssks-success]')!.textContent).toBe('Code accepted.')
    rerender(<ChallengeEntry defaultValue="abcdefgh" status="error" error="Expired" />)
    expect(root().dataset.state).toBe('error')
    expect(input().readOnly).toBe(false)
    expect(input().value).toBe('abcdefgh')
  })

  it('marks slots empty / filled / active for styling', async () => {
    render(<ChallengeEntry defaultValue="ab" />)
    const states = () => Array.from(root().querySelectorAll<HTMLElement>('[data-ssks-slot]'), (s) => s.dataset.state)
    expect(states()).toEqual(['filled', 'filled', 'empty', 'empty', 'empty', 'empty', 'empty', 'empty'])
    await userEvent.setup().click(input())
    expect(states()[2]).toBe('active')
  })

  it('calls onComplete once per completed code, with the normalised value', async () => {
    const onComplete = vi.fn()
    const onChange = vi.fn()
    render(<ChallengeEntry onComplete={onComplete} onChange={onChange} />)
    const user = userEvent.setup()
    await user.click(input())
    await user.keyboard('ABCD-efgh')
    expect(onChange).toHaveBeenLastCalledWith('abcdefgh')
    expect(onComplete.mock.calls).toEqual([['abcdefgh']])
    await user.paste('abcdefgh')
    expect(onComplete).toHaveBeenCalledTimes(1)
  })

  it('ignores a 9th typed character as maxlength would, but still reports a refused one', async () => {
    const onChange = vi.fn()
    render(<ChallengeEntry defaultValue="abcdefgh" onChange={onChange} />)
    const user = userEvent.setup()
    await user.click(input())
    input().setSelectionRange(8, 8)
    await user.keyboard('z')
    expect(input().value).toBe('abcdefgh')
    expect(onChange).not.toHaveBeenCalled()
    expect(root().querySelector('[data-ssks-hint]')!.getAttribute('data-state')).toBe('default')
    input().setSelectionRange(8, 8)
    await user.keyboard('0')
    expect(input().value).toBe('abcdefgh')
    expect(root().querySelector('[data-ssks-hint]')!.getAttribute('data-state')).toBe('refused')
    expect(root().querySelector('[data-ssks-live]')!.textContent).toContain('“0”')
  })

  it('does not submit while verifying or disabled', async () => {
    const onComplete = vi.fn()
    render(<ChallengeEntry defaultValue="abcdefg" status="verifying" onComplete={onComplete} />)
    const user = userEvent.setup()
    await user.click(input())
    await user.keyboard('h')
    expect(onComplete).not.toHaveBeenCalled()
  })

  it('works controlled, normalising what the parent passes', async () => {
    const seen: string[] = []
    function Parent() {
      const [code, setCode] = useState('AB')
      return (
        <ChallengeEntry
          value={code}
          onChange={(next) => {
            seen.push(next)
            setCode(next)
          }}
        />
      )
    }
    render(<Parent />)
    expect(input().value).toBe('ab')
    const user = userEvent.setup()
    await user.click(input())
    await user.keyboard('c')
    expect(seen).toEqual(['abc'])
    expect(input().value).toBe('abc')
  })

  it('announces refused characters in a polite live region', async () => {
    render(<ChallengeEntry />)
    const user = userEvent.setup()
    await user.click(input())
    await user.keyboard('a1')
    const live = root().querySelector('[data-ssks-live]')!
    expect(live.getAttribute('aria-live')).toBe('polite')
    expect(live.textContent).toBe(
      'Not entered: “1”. Codes only use letters and the digits 2 to 9, never 0, 1, i, l or o.',
    )
    expect(input().value).toBe('a')
  })

  it('applies classNames per part, and none of its own when unstyled', () => {
    const { rerender } = render(<ChallengeEntry classNames={{ root: 'mine', slot: 'box', input: 'code-input' }} />)
    expect(root().className).toBe('ssks-challenge mine')
    expect(input().className).toBe('ssks-challenge__input code-input')
    expect(root().querySelectorAll('.box.ssks-challenge__slot')).toHaveLength(8)
    rerender(<ChallengeEntry unstyled classNames={{ root: 'mine' }} />)
    expect(root().className).toBe('mine')
    expect(root().querySelector('[class*="ssks-"]')).toBeNull()
  })

  it('forwards its ref to the real input', () => {
    let element: HTMLInputElement | null = null
    render(<ChallengeEntry ref={(node) => void (element = node)} />)
    expect(element).toBe(input())
  })
})

describe('ChallengeEntry styles and SSR', () => {
  it('injects no <style> anywhere (strict CSP)', async () => {
    const styleTags = () => document.querySelectorAll('style').length
    const before = styleTags()
    render(<ChallengeEntry />)
    const user = userEvent.setup()
    await user.click(input())
    await user.keyboard('abcd')
    expect(styleTags()).toBe(before)
    expect(document.querySelector('[nonce]')).toBeNull()
  })

  it("needs no layout APIs: works in a DOM without elementFromPoint (users' own jsdom tests)", async () => {
    const elementFromPoint = document.elementFromPoint
    // The jsdom setup may polyfill it for other components; this test takes it away again.
    Object.defineProperty(document, 'elementFromPoint', { value: undefined, configurable: true, writable: true })
    try {
      const onComplete = vi.fn()
      render(<ChallengeEntry onComplete={onComplete} />)
      const user = userEvent.setup()
      await user.click(input())
      await user.keyboard('abcdefgh')
      // Any timer-driven layout probing would throw after focus; give timers a chance to run.
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(onComplete).toHaveBeenCalledWith('abcdefgh')
    } finally {
      Object.defineProperty(document, 'elementFromPoint', {
        value: elementFromPoint,
        configurable: true,
        writable: true,
      })
    }
  })

  it('renders on a server without touching the DOM', () => {
    const html = (() => {
      vi.stubGlobal('document', undefined)
      vi.stubGlobal('window', undefined)
      try {
        return renderToString(
          <ChallengeEntry
            destination={{ type: 'EM', value: 'jane@example.com' }}
            onResend={() => {}}
            resendAvailableAt={Date.now() + 30_000}
          />,
        )
      } finally {
        vi.unstubAllGlobals()
      }
    })()
    expect(html).toContain('Verification code')
    expect(html).toMatch(/<input[^>]*autocomplete="one-time-code"/i)
    // The clock is not read on the server: waiting, without a number, until the first tick.
    expect(html).toMatch(/<button[^>]*data-state="cooldown"[^>]*aria-disabled="true"/)
  })

  it("marks every component file 'use client'", () => {
    const folder = resolve('src/react/challenge-entry') + '/'
    const components = readdirSync(folder).filter((file) => file.endsWith('.tsx'))
    expect(components.length).toBeGreaterThanOrEqual(3)
    for (const file of components) expect(readFileSync(folder + file, 'utf8').startsWith("'use client'")).toBe(true)
  })
})

describe('ChallengeEntry resend countdown (fake timers)', () => {
  it('counts down once a second, then resends and starts again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    try {
      const onResend = vi.fn()
      // The caller restarts its cooldown on resend: the entry only counts down to the deadline it is given.
      function WithCooldown() {
        const cooldown = useResendCooldown(3)
        const handleResend = () => {
          onResend()
          cooldown.restart()
        }
        return (
          <ChallengeEntry
            onResend={handleResend}
            resendAvailableAt={cooldown.availableAt}
            destination={{ type: 'EM', value: 'jane@example.com' }}
            defaultValue="abcd"
          />
        )
      }
      render(<WithCooldown />)
      const button = screen.getByRole('button')
      expect(button.textContent).toBe('Send a new code in 3 s')
      act(() => void vi.advanceTimersByTime(1000))
      expect(button.textContent).toBe('Send a new code in 2 s')
      act(() => void vi.advanceTimersByTime(1000))
      expect(button.textContent).toBe('Send a new code in 1 s')
      act(() => button.click())
      expect(onResend).not.toHaveBeenCalled()
      act(() => void vi.advanceTimersByTime(1000))
      expect(button.textContent).toBe('Send a new code')
      expect(button.hasAttribute('aria-disabled')).toBe(false)
      await act(async () => button.click())
      expect(onResend).toHaveBeenCalledTimes(1)
      expect(input().value).toBe('')
      expect(root().querySelector('[data-ssks-live]')!.textContent).toBe(
        'New code sent to \u2068j•••@example.com\u2069.',
      )
      expect(button.textContent).toBe('Send a new code in 3 s')
    } finally {
      vi.useRealTimers()
    }
  })
})
