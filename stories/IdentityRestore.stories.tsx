import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { IdentityRestore, type IdentityFlowProps } from '../src/react'
import { createFlowFixture, type FlowFixture, type FlowFixtureOptions } from './support/createFlowFixture'
import { flowRoot, flowStatus, typeCode, waitForFlowState } from './support/flowQueries'
import { flowSource } from './support/flowSourceCode'
import type { FlowStoryParameters } from './support/withFlowProvider'
import { withFlowProvider } from './support/withFlowProvider'

/**
 * Each story gets its own in-page SSKS emulator and demo back-end, preset by a loader, and a new
 * "device": the real plugin on the real Seald SDK, with only Seald's cloud calls stood in.
 */
const withFixture = (options: Omit<FlowFixtureOptions, 'device'>) => [
  async () => ({ fixture: await createFlowFixture({ device: 'new', ...options }) }),
]
const fixtureOf = (loaded: Record<string, unknown>) => loaded.fixture as FlowFixture

const meta = {
  title: 'Components/IdentityRestore',
  component: IdentityRestore,
  args: { onDone: fn(), onError: fn(), resendCooldownSeconds: 30 },
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  decorators: [withFlowProvider],
  render: (args) => <IdentityRestore {...args} />,
  parameters: {
    docs: {
      source: flowSource('IdentityRestore').docs.source,
      description: {
        component: `
Drop-in restore of the user's Seald identity on a new device: asks the app's back-end for a session,
takes the code SSKS sent, restores the identity, and — when the backup had been saved without a code —
lets the SDK renew the keys and saves the renewed backup again. Needs \`SSKS2MRProvider\` above it.

\`\`\`tsx
<SSKS2MRProvider sdk={sdk} startSession={() => fetch('/api/ssks-session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json())}>
  <IdentityRestore onDone={(result) => navigate('/inbox')} onError={(code) => track(code)} />
</SSKS2MRProvider>
\`\`\`

\`onDone\` gets \`{ accountInfo, keysRenewed, resaved, mustSaveIdentityAgain }\` (nothing secret). Errors are shown from
the core error \`code\` (\`messages.flowErrors\`), never a raw message. \`autoStart={false}\` shows a button first.
`,
      },
    },
  },
} satisfies Meta<IdentityFlowProps>

export default meta
type Story = StoryObj<typeof meta>

/** SSKS sent a code: the field appears with the masked email it went to. */
export const CodeRequested: Story = {
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(within(canvasElement).getByRole('heading', { name: 'Restore your secure identity' })).toBeVisible()
    await expect(within(canvasElement).getByRole('textbox', { name: 'Verification code' })).toBeVisible()
    await expect(canvasElement.querySelector('[data-ssks-destination]')?.textContent).toContain('j•••@example.com')
  },
}

/** A wrong code: the message shows, the code stays selected, `onError` gets `INVALID_CHALLENGE`. */
export const WrongCode: Story = {
  play: async ({ canvasElement, args }) => {
    const input = await typeCode(canvasElement, 'zzzzzzzz')
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('This code is not valid'),
      { timeout: 10_000 },
    )
    await expect(args.onError).toHaveBeenCalledWith('INVALID_CHALLENGE', expect.anything())
    await expect(input).toHaveValue('zzzzzzzz')
    await expect(args.onDone).not.toHaveBeenCalled()
  },
}

/** First restore of a backup saved at sign-up (no code then): restored, keys renewed, backup saved again. */
export const RestoredWithKeyRenewal: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    await typeCode(canvasElement, fixture.latestCode() ?? '')
    await waitForFlowState(canvasElement, 'done')
    await expect(flowStatus(canvasElement)).toHaveTextContent('Your identity is restored on this device.')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
    await expect(args.onDone).toHaveBeenCalledWith(
      expect.objectContaining({
        purpose: 'restore',
        keysRenewed: true,
        mustSaveIdentityAgain: false,
        accountInfo: expect.objectContaining({ userId: fixture.userId }),
      }),
    )
    await expect(fixture.sdk.cloudStandIn.calls).toEqual(expect.arrayContaining(['importIdentity', 'renewKey']))
  },
}

/** A backup saved after a code check: restored as is, no key renewal. */
export const RestoredAuthenticatedBackup: Story = {
  loaders: withFixture({ stored: 'authenticatedBackup' }),
  play: async ({ canvasElement, args, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    await typeCode(canvasElement, fixture.latestCode() ?? '')
    await waitForFlowState(canvasElement, 'done')
    await expect(args.onDone).toHaveBeenCalledWith(
      expect.objectContaining({ keysRenewed: false, mustSaveIdentityAgain: false }),
    )
    await expect(fixture.sdk.cloudStandIn.calls).not.toContain('renewKey')
  },
}

/** The session expired before the code was typed: the code stays, the message says to ask for a new one. */
export const ExpiredSession: Story = {
  // Every code is `aaaaaaaa` here, so the code left in the field is the same on every run.
  loaders: withFixture({ stored: 'backupWithoutCode', emulator: { fakeOtp: 'always' } }),
  args: { resendCooldownSeconds: 0 },
  parameters: flowSource('IdentityRestore', ['resendCooldownSeconds={0}']),
  play: async ({ canvasElement, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    fixture.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'status', status: 404 })
    await typeCode(canvasElement, fixture.latestCode() ?? '')
    await waitFor(
      () =>
        expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent(
          'This code has expired. Ask for a new one.',
        ),
      { timeout: 10_000 },
    )
    await expect(within(canvasElement).getByRole('button', { name: 'Send a new code' })).toBeVisible()
  },
}

/** Expired, then "Send a new code": the new code restores the identity. */
export const ExpiredSessionThenResend: Story = {
  name: 'Expired session → new code sent, restored',
  args: { resendCooldownSeconds: 0 },
  parameters: flowSource('IdentityRestore', ['resendCooldownSeconds={0}']),
  play: async ({ canvasElement, args, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    const firstCode = fixture.latestCode()
    fixture.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'status', status: 404 })
    await typeCode(canvasElement, firstCode ?? '')
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('This code has expired.'),
      { timeout: 10_000 },
    )
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send a new code' }))
    await waitFor(() => expect(fixture.latestCode()).not.toBe(firstCode), { timeout: 10_000 })
    await typeCode(canvasElement, fixture.latestCode() ?? '')
    await waitForFlowState(canvasElement, 'done')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** Nothing was ever backed up for this account: a clear message and a retry button. */
export const IdentityNotFound: Story = {
  loaders: withFixture({ stored: 'nothing' }),
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'error')
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('No backup was found for this account.')
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}

/** The app's SSKS quota of text messages is used up: the back-end's `SMS_QUOTA` is shown plainly. */
export const SmsQuota: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode', factor: 'SMS', emulator: { smsQuota: 0 } }),
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'error')
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'No more text messages can be sent right now.',
    )
  },
}

/** Sent by SMS: the phone number is masked to its country code and last two digits. */
export const SmsDestination: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode', factor: 'SMS' }),
  play: async ({ canvasElement, loaded }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(canvasElement.querySelector('[data-ssks-destination]')?.textContent).toMatch(/\+33•+78/)
    await expect(fixtureOf(loaded).emulator.outbox().at(-1)?.authFactor.type).toBe('SMS')
  },
}

/**
 * The connection drops while fetching the backup: an "offline" message by the field, the code kept, "Try again"
 * offered.
 */
export const NetworkFailure: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode', emulator: { fakeOtp: 'always' } }),
  play: async ({ canvasElement, args, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    // More drops than the plugin's retries of a search (2), so the failure reaches the user.
    fixture.emulator.faults.add({ endpoint: 'search', kind: 'drop', times: 5 })
    const code = fixture.latestCode() ?? ''
    await typeCode(canvasElement, code)
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('You seem to be offline.'),
      { timeout: 10_000 },
    )
    await expect(args.onError).toHaveBeenCalledWith('NETWORK', expect.objectContaining({ code: 'NETWORK' }))
    await expect(within(canvasElement).getByRole('textbox', { name: 'Verification code' })).toHaveValue(code)
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible()
  },
}

/** Back online: "Try again" sends the kept code again and the identity is restored. */
export const NetworkFailureThenRetry: Story = {
  name: 'Network failure → Try again restores',
  play: async ({ canvasElement, args, loaded }) => {
    const fixture = fixtureOf(loaded)
    await waitForFlowState(canvasElement, 'codeRequired')
    fixture.emulator.faults.add({ endpoint: 'search', kind: 'drop', times: 5 })
    await typeCode(canvasElement, fixture.latestCode() ?? '')
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('You seem to be offline.'),
      { timeout: 10_000 },
    )
    fixture.emulator.faults.clear()
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }))
    await waitForFlowState(canvasElement, 'done')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
    await expect(args.onError).toHaveBeenCalledTimes(1)
  },
}

/** Waiting for the app's back-end: a busy card with a polite "Preparing…". */
export const Starting: Story = {
  parameters: { flow: { startSession: () => new Promise(() => {}) } satisfies FlowStoryParameters },
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'starting')
    await expect(flowRoot(canvasElement)).toHaveAttribute('aria-busy', 'true')
    await expect(flowStatus(canvasElement)).toHaveTextContent('Preparing…')
  },
}

/** `autoStart={false}`: nothing is sent until the user asks (e.g. to avoid an unasked SMS). */
export const ManualStart: Story = {
  args: { autoStart: false },
  parameters: flowSource('IdentityRestore', ['autoStart={false}']),
  play: async ({ canvasElement, loaded }) => {
    const fixture = fixtureOf(loaded)
    const sentBefore = fixture.emulator.outbox().length
    await expect(within(canvasElement).getByRole('button', { name: 'Send me a code' })).toBeVisible()
    await expect(flowRoot(canvasElement)).toHaveAttribute('data-state', 'idle')
    // Nothing sent by showing the button: the outbox holds only what the loader's backup sent.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(fixture.emulator.outbox()).toHaveLength(sentBefore)
  },
}

/** "Send me a code" pressed: SSKS sends one, the field appears. */
export const ManualStartThenSend: Story = {
  name: 'Manual start → Send me a code',
  args: { autoStart: false },
  parameters: flowSource('IdentityRestore', ['autoStart={false}']),
  play: async ({ canvasElement, loaded }) => {
    const fixture = fixtureOf(loaded)
    const before = fixture.emulator.outbox().length
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send me a code' }))
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(fixture.emulator.outbox()).toHaveLength(before + 1)
  },
}

/** French (toolbar "Locale"): title, field and messages from `messages.fr`. */
export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(
      within(canvasElement).getByRole('heading', { name: 'Restaurer votre identité sécurisée' }),
    ).toBeVisible()
    await expect(within(canvasElement).getByRole('textbox', { name: 'Code de vérification' })).toBeVisible()
  },
}

/** Dark theme: the card and field follow `data-theme="dark"`; axe checks the contrast. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(getComputedStyle(flowRoot(canvasElement)).colorScheme).toBe('dark')
  },
}

/** A small phone: the card fits the width, nothing scrolls sideways. */
export const MobileViewport: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(flowRoot(canvasElement).getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth)
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth)
  },
}
