import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ChallengeEntry, useResendCooldown, type ChallengeEntryProps, type FlowErrorCode } from '../src/react'
import { storyMessages } from './support/storyMessages'
import { relativeLuminance } from './support/relativeLuminance'

/** Story args: the component's props, plus an error *code* so the error text follows the locale toolbar. */
type ChallengeEntryStoryArgs = ChallengeEntryProps & { errorCode?: FlowErrorCode }

const EMAIL = { type: 'EM', value: 'jane.doe@example.com' } as const
const PHONE = { type: 'SMS', value: '+33612345678' } as const

const meta = {
  title: 'Components/ChallengeEntry',
  component: ChallengeEntry,
  args: {
    destination: EMAIL,
    onChange: fn(),
    onComplete: fn(),
  },
  argTypes: {
    errorCode: {
      control: 'select',
      options: [undefined, 'INVALID_CHALLENGE', 'SESSION_NOT_FOUND', 'SMS_QUOTA', 'RATE_LIMITED', 'NETWORK'],
    },
    status: { control: 'inline-radio', options: ['idle', 'verifying', 'error', 'success'] },
  },
  render: ({ errorCode, ...args }, { globals }) => {
    const messages = storyMessages(globals)
    return (
      <ChallengeEntry {...args} messages={messages} error={errorCode ? messages.flowErrors[errorCode] : args.error} />
    )
  },
  parameters: {
    docs: {
      description: {
        component: `
The field for the 8-character code SSKS sends by email or SMS. One real \`<input>\` under 8 drawn boxes (4 + 4),
so typing, paste, SMS/email autofill (\`autocomplete="one-time-code"\`) and screen readers all see one ordinary field.

**Usage.** Most apps never render it directly: \`IdentityRestore\` and \`IdentityBackup\` do. Use it on its own with
\`useChallengeFlow\` when you build your own screen:

\`\`\`tsx
<ChallengeEntry
  destination={{ type: 'EM', value: email }}   // shown masked: j•••@example.com
  status={verifying ? 'verifying' : error ? 'error' : 'idle'}
  error={errorText}                             // already localised
  onComplete={(code) => verify(code)}           // once per complete code
  onResend={resend}                             // may return a promise
  resendAvailableAt={cooldown.availableAt}      // from useResendCooldown(30)
/>
\`\`\`

- Input is normalised (NFKC, lower case, spaces/dashes/dots dropped); \`0 1 i l o\` and symbols are refused with a visible, announced hint.
- A pasted sentence ("Your code is ABCD-EFGH.") yields its code.
- A wrong code stays in the field, selected, so typing replaces it; resend clears it.
- Style with \`styles.css\` (CSS variables, \`data-state\`), \`classNames\` per part, or \`unstyled\`.
`,
      },
    },
  },
} satisfies Meta<ChallengeEntryStoryArgs>

export default meta
type Story = StoryObj<typeof meta>

const field = (canvasElement: HTMLElement) => within(canvasElement).getByRole('textbox')
const slotTexts = (canvasElement: HTMLElement) =>
  Array.from(canvasElement.querySelectorAll('[data-ssks-slot]'), (slot) => slot.textContent ?? '')
const root = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-ssks-challenge]') as HTMLElement
const errorText = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-ssks-error]')
/** Text as read, without the Unicode bidi isolates that wrap the destination (so an RTL page keeps it intact). */
const plainText = (element: Element) => (element.textContent ?? '').replace(/[\u2066-\u2069]/g, '')
const liveRegion = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-ssks-live]') as HTMLElement
const describedTexts = (canvasElement: HTMLElement, input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => canvasElement.ownerDocument.getElementById(id)?.textContent ?? '')

/** Nothing typed yet: one labelled input set up for codes, 8 empty boxes, the hint under them. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const input = field(canvasElement)
    await expect(input).toHaveAccessibleName('Verification code')
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code')
    await expect(input).toHaveAttribute('inputmode', 'text')
    await expect(input).toHaveAttribute('autocapitalize', 'none')
    await expect(input).toHaveAttribute('spellcheck', 'false')
    await expect(input).toHaveValue('')
    await expect(slotTexts(canvasElement)).toEqual(['', '', '', '', '', '', '', ''])
    await expect(canvasElement.querySelectorAll('[data-ssks-separator]')).toHaveLength(1)
    await expect(describedTexts(canvasElement, input).join(' ')).toContain('8-character code')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'idle')
  },
}

/** Three characters in: they fill the first boxes, the rest wait. */
export const PartlyFilled: Story = {
  args: { defaultValue: 'k7m' },
  play: async ({ canvasElement, args }) => {
    await expect(slotTexts(canvasElement)).toEqual(['k', '7', 'm', '', '', '', '', ''])
    await expect(field(canvasElement)).toHaveValue('k7m')
    await expect(args.onComplete).not.toHaveBeenCalled()
  },
}

/** Typing goes on after the three characters, upper case is lowered. */
export const PartlyFilledTypingGoesOn: Story = {
  name: 'Partly filled → typing goes on',
  args: { defaultValue: 'k7m' },
  play: async ({ canvasElement, args }) => {
    const input = field(canvasElement)
    await userEvent.click(input)
    await userEvent.keyboard('{End}Q')
    await expect(input).toHaveValue('k7mq')
    await expect(slotTexts(canvasElement).slice(0, 4)).toEqual(['k', '7', 'm', 'q'])
    await expect(args.onChange).toHaveBeenLastCalledWith('k7mq')
    await expect(args.onComplete).not.toHaveBeenCalled()
  },
}

/** "ABCD-EFGH" pasted: separators and case are dropped, the code completes once. */
export const PastedWithSeparators: Story = {
  play: async ({ canvasElement, args }) => {
    const input = field(canvasElement)
    await userEvent.click(input)
    await userEvent.paste('ABCD-EFGH')
    await expect(input).toHaveValue('abcdefgh')
    await expect(slotTexts(canvasElement)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    await expect(args.onComplete).toHaveBeenCalledTimes(1)
    await expect(args.onComplete).toHaveBeenCalledWith('abcdefgh')
    await expect(root(canvasElement)).toHaveAttribute('data-complete')
  },
}

/** A sentence pasted from the email: the code is found inside it. */
export const PastedSentence: Story = {
  play: async ({ canvasElement, args }) => {
    const input = field(canvasElement)
    await userEvent.click(input)
    await userEvent.paste('Your verification code is: WXYZ 2345. It expires in 10 minutes.')
    await expect(input).toHaveValue('wxyz2345')
    await expect(args.onComplete).toHaveBeenCalledTimes(1)
    await expect(args.onComplete).toHaveBeenCalledWith('wxyz2345')
  },
}

/** Characters a code never holds (0, 1, i, l, o, symbols) are refused with a visible and announced hint. */
export const RefusedCharacterHint: Story = {
  play: async ({ canvasElement }) => {
    const input = field(canvasElement)
    await userEvent.click(input)
    await userEvent.keyboard('a0b1')
    await expect(input).toHaveValue('ab')
    const hint = canvasElement.querySelector('[data-ssks-hint]') as HTMLElement
    await expect(hint).toHaveAttribute('data-state', 'refused')
    await expect(hint).toHaveTextContent('“1”')
    await expect(hint).toHaveTextContent('never 0, 1, i, l or o')
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('Not entered'))
    await expect(describedTexts(canvasElement, input).join(' ')).toContain('Not entered')
  },
}

/** The complete code is being checked: the field is busy and locked, nothing can be typed. */
export const Verifying: Story = {
  args: { defaultValue: 'abcdefgh', status: 'verifying' },
  play: async ({ canvasElement, args }) => {
    const input = field(canvasElement)
    await expect(root(canvasElement)).toHaveAttribute('aria-busy', 'true')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'verifying')
    await expect(input).toHaveAttribute('readonly')
    await userEvent.click(input)
    await userEvent.keyboard('{Backspace}x')
    await expect(input).toHaveValue('abcdefgh')
    await expect(args.onComplete).not.toHaveBeenCalled()
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('Checking the code'))
  },
}

/** A wrong code: the message shows and is linked to the field; the code stays, selected, so typing replaces it. */
export const WrongCode: Story = {
  args: { defaultValue: 'abcdefgh', status: 'error', errorCode: 'INVALID_CHALLENGE' },
  play: async ({ canvasElement }) => {
    const input = field(canvasElement) as HTMLInputElement
    const message = 'This code is not valid. Check it and try again.'
    await expect(errorText(canvasElement)).toHaveTextContent(message)
    await expect(errorText(canvasElement)).toBeVisible()
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(describedTexts(canvasElement, input)).toContain(message)
    await expect(input).toHaveValue('abcdefgh')
    await waitFor(() => expect(input).toHaveFocus())
    await expect([input.selectionStart, input.selectionEnd]).toEqual([0, 8])
  },
}

/** The kept wrong code is selected: the first key typed replaces all of it. */
export const WrongCodeTypingReplacesIt: Story = {
  name: 'Wrong code → typing replaces it',
  args: { defaultValue: 'abcdefgh', status: 'error', errorCode: 'INVALID_CHALLENGE' },
  play: async ({ canvasElement }) => {
    const input = field(canvasElement) as HTMLInputElement
    await waitFor(() => expect(input).toHaveFocus())
    await userEvent.keyboard('z')
    await expect(input).toHaveValue('z')
    await expect(slotTexts(canvasElement)).toEqual(['z', '', '', '', '', '', '', ''])
  },
}

/** The session expired (or was replaced): the message says to ask for a new code, and resend is right there. */
export const ExpiredSession: Story = {
  args: { defaultValue: 'abcdefgh', status: 'error', errorCode: 'SESSION_NOT_FOUND', onResend: fn() },
  play: async ({ canvasElement, args }) => {
    await expect(errorText(canvasElement)).toHaveTextContent('This code has expired. Ask for a new one.')
    const resend = within(canvasElement).getByRole('button', { name: 'Send a new code' })
    await expect(resend).not.toHaveAttribute('aria-disabled')
    await expect(field(canvasElement)).toHaveValue('abcdefgh')
    await expect(args.onResend).not.toHaveBeenCalled()
  },
}

/** Resend pressed on the expired code: a new code is asked for and the field is cleared for it. */
export const ExpiredSessionResend: Story = {
  name: 'Expired session → resend clears the field',
  args: { defaultValue: 'abcdefgh', status: 'error', errorCode: 'SESSION_NOT_FOUND', onResend: fn() },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send a new code' }))
    await expect(args.onResend).toHaveBeenCalledTimes(1)
    await expect(field(canvasElement)).toHaveValue('')
  },
}

/** The back-end could not send another SMS (SSKS's SMS quota): a plain message, no raw error. */
export const SmsQuota: Story = {
  args: { destination: PHONE, status: 'error', errorCode: 'SMS_QUOTA', onResend: fn() },
  play: async ({ canvasElement }) => {
    const alertText = 'No more text messages can be sent right now. Please try again later.'
    await expect(errorText(canvasElement)).toHaveTextContent(alertText)
    await expect(errorText(canvasElement)).toBeVisible()
    await expect(canvasElement).not.toHaveTextContent('406')
    await expect(canvasElement).not.toHaveTextContent('SMSQuotaFailed')
  },
}

/** Just sent: the resend button counts down, stays focusable, and does nothing until the time is up. */
export const ResendCooldown: Story = {
  args: { onResend: fn() },
  // The deadline is taken when the story mounts, as right after a code was sent.
  render: function ResendCooldownStory({ errorCode: _errorCode, ...args }, { globals }) {
    const cooldown = useResendCooldown(30)
    return <ChallengeEntry {...args} messages={storyMessages(globals)} resendAvailableAt={cooldown.availableAt} />
  },
  play: async ({ canvasElement, args }) => {
    const resend = within(canvasElement).getByRole('button', { name: /Send a new code in \d+ s/ })
    await expect(resend).toHaveAttribute('aria-disabled', 'true')
    await expect(resend).not.toBeDisabled()
    await expect(resend).toHaveAttribute('data-state', 'cooldown')
    await userEvent.click(resend)
    await expect(args.onResend).not.toHaveBeenCalled()
  },
}

/** Cooldown over: "Send a new code" is ready to press. */
export const ResendReady: Story = {
  args: { defaultValue: 'abcd', onResend: fn(async () => undefined) },
  play: async ({ canvasElement, args }) => {
    const resend = within(canvasElement).getByRole('button', { name: 'Send a new code' })
    await expect(resend).toHaveAttribute('data-state', 'ready')
    await expect(resend).not.toHaveAttribute('aria-disabled')
    await expect(args.onResend).not.toHaveBeenCalled()
  },
}

/** Resend pressed: the field is cleared, a new code asked for, and where it went is politely announced. */
export const ResendReadyNewCodeSent: Story = {
  name: 'Resend ready → new code sent',
  args: { defaultValue: 'abcd', onResend: fn(async () => undefined) },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send a new code' }))
    await expect(args.onResend).toHaveBeenCalledTimes(1)
    await expect(field(canvasElement)).toHaveValue('')
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('New code sent to'))
    await expect(liveRegion(canvasElement)).toHaveTextContent('j•••@example.com')
    await expect(liveRegion(canvasElement)).toHaveAttribute('aria-live', 'polite')
  },
}

/** Accepted: the success line shows and is announced; the field is locked. */
export const Success: Story = {
  args: { defaultValue: 'abcdefgh', status: 'success' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-ssks-success]')).toHaveTextContent('Code accepted.')
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'success')
    await expect(field(canvasElement)).toHaveAttribute('readonly')
    await waitFor(() => expect(liveRegion(canvasElement)).toHaveTextContent('Code accepted.'))
  },
}

/** Disabled: not focusable, not editable, resend off too. */
export const Disabled: Story = {
  args: { disabled: true, onResend: fn() },
  play: async ({ canvasElement }) => {
    const input = field(canvasElement)
    await expect(input).toBeDisabled()
    await expect(root(canvasElement)).toHaveAttribute('data-disabled')
    await expect(within(canvasElement).getByRole('button', { name: /Send a new code/ })).toBeDisabled()
  },
}

/** Sent by email: the address is masked, keeping the domain the user recognises. */
export const EmailDestination: Story = {
  args: { destination: EMAIL },
  play: async ({ canvasElement }) => {
    await expect(plainText(canvasElement)).toContain('We sent a code to j•••@example.com.')
    await expect(canvasElement).not.toHaveTextContent('jane.doe')
    await expect(describedTexts(canvasElement, field(canvasElement)).join(' ')).toContain('j•••@example.com')
  },
}

/** Sent by SMS: only the country code and the last two digits show. */
export const SmsDestination: Story = {
  args: { destination: PHONE },
  play: async ({ canvasElement }) => {
    const destination = canvasElement.querySelector('[data-ssks-destination]') as HTMLElement
    await expect(destination.textContent).toMatch(/\+33•+78/)
    await expect(canvasElement).not.toHaveTextContent('612345678')
  },
}

/** A very long address in a narrow column: the destination wraps or truncates, nothing overflows. */
export const LongEmail: Story = {
  args: {
    destination: {
      type: 'EM',
      value: 'maximilian.alexander@accounts.very-long-subsidiary-name.example-corporation.co.uk',
    },
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 300 }} data-testid="column">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const column = within(canvasElement).getByTestId('column')
    const destination = canvasElement.querySelector('[data-ssks-destination]') as HTMLElement
    await expect(destination).toHaveTextContent('m•••@accounts')
    await expect(destination.getBoundingClientRect().right).toBeLessThanOrEqual(
      column.getBoundingClientRect().right + 1,
    )
    await expect(root(canvasElement).scrollWidth).toBeLessThanOrEqual(root(canvasElement).clientWidth + 1)
  },
}

/**
 * On a right-to-left page (Arabic, Hebrew) the code still reads left to right: the first character goes in the leftmost
 * box.
 */
export const RightToLeftPage: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.story-root')).toHaveAttribute('dir', 'rtl')
    const input = field(canvasElement)
    await userEvent.click(input)
    await userEvent.keyboard('abcd')
    const slots = Array.from(canvasElement.querySelectorAll<HTMLElement>('[data-ssks-slot]'))
    const first = slots[0]?.getBoundingClientRect()
    const fourth = slots[3]?.getBoundingClientRect()
    await expect(slots[0]).toHaveTextContent('a')
    await expect(first && fourth && first.left < fourth.left).toBe(true)
    await expect(canvasElement.querySelector('[data-ssks-field]')).toHaveAttribute('dir', 'ltr')
  },
}

/**
 * Dark theme (toolbar "Theme", or `data-theme="dark"` on any ancestor): dark boxes, light text, contrast checked by
 * axe.
 */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { defaultValue: 'abc' },
  play: async ({ canvasElement }) => {
    const slot = canvasElement.querySelector('[data-ssks-slot]') as HTMLElement
    await expect(getComputedStyle(root(canvasElement)).colorScheme).toBe('dark')
    const slotStyle = getComputedStyle(slot)
    await expect(relativeLuminance(slotStyle.color)).toBeGreaterThan(relativeLuminance(slotStyle.backgroundColor))
  },
}

/** French strings from the built-in `messages.fr` (toolbar "Locale"). */
export const French: Story = {
  globals: { locale: 'fr' },
  args: { onResend: fn() },
  play: async ({ canvasElement }) => {
    await expect(field(canvasElement)).toHaveAccessibleName('Code de vérification')
    await expect(plainText(canvasElement)).toContain('Nous avons envoyé un code à j•••@example.com.')
    await expect(within(canvasElement).getByRole('button', { name: 'Envoyer un nouveau code' })).toBeVisible()
  },
}

/** A small phone (320 px): the 8 boxes fit on one row without horizontal scrolling. */
export const MobileViewport: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  args: { onResend: fn() },
  play: async ({ canvasElement }) => {
    await expect(window.innerWidth).toBeLessThanOrEqual(414)
    const slots = Array.from(canvasElement.querySelectorAll<HTMLElement>('[data-ssks-slot]'))
    const tops = new Set(slots.map((slot) => Math.round(slot.getBoundingClientRect().top)))
    await expect(tops.size).toBe(1)
    await expect(Math.max(...slots.map((slot) => slot.getBoundingClientRect().right))).toBeLessThanOrEqual(
      window.innerWidth,
    )
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth)
  },
}
