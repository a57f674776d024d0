import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { IdentityBackup, type IdentityFlowProps } from '../src/react'
import { createFlowFixture, type FlowFixture, type FlowFixtureOptions } from './support/createFlowFixture'
import { flowRoot, flowStatus, typeCode, waitForFlowState } from './support/flowQueries'
import { flowSource } from './support/flowSourceCode'
import { withFlowProvider } from './support/withFlowProvider'

/**
 * Each story gets its own in-page SSKS emulator and demo back-end, preset by a loader, and a
 * signed-up "device" (it holds the account's identity): the real plugin on the real Seald SDK.
 */
const withFixture = (options: Omit<FlowFixtureOptions, 'device'>) => [
  async () => ({ fixture: await createFlowFixture({ device: 'signedUp', ...options }) }),
]
const fixtureOf = (loaded: Record<string, unknown>) => loaded.fixture as FlowFixture

const meta = {
  title: 'Components/IdentityBackup',
  component: IdentityBackup,
  args: { onDone: fn(), onError: fn(), resendCooldownSeconds: 30 },
  loaders: withFixture({ stored: 'nothing' }),
  decorators: [withFlowProvider],
  render: (args) => <IdentityBackup {...args} />,
  parameters: {
    docs: {
      source: flowSource('IdentityBackup').docs.source,
      description: {
        component: `
Drop-in backup of the user's Seald identity on SSKS, typically right after sign-up. When nothing is
stored yet for the user's email or phone, SSKS needs no code and the backup is saved at once; otherwise
SSKS sends a code and the component asks for it. Needs \`SSKS2MRProvider\` above it.

\`\`\`tsx
// right after sdk.initiateIdentity() on sign-up
<IdentityBackup onDone={() => navigate('/welcome')} onError={(code) => track(code)} />
\`\`\`

The first backup is saved without a code; the first restore of it renews the account's keys and saves
the backup again, this time authenticated (see IdentityRestore).
`,
      },
    },
  },
} satisfies Meta<IdentityFlowProps>

export default meta
type Story = StoryObj<typeof meta>

/** First backup after sign-up: no code needed, saved at once. */
export const SavedWithoutCode: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    await waitForFlowState(canvasElement, 'done')
    await expect(flowStatus(canvasElement)).toHaveTextContent('Your identity is backed up.')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
    await expect(args.onDone).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'backup' }))
    await expect(within(canvasElement).queryByRole('textbox')).toBeNull()
    await expect(fixtureOf(loaded).emulator.outbox()).toHaveLength(0)
  },
}

/** A backup already exists for this email: SSKS sent a code, the field asks for it. */
export const CodeRequired: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  play: async ({ canvasElement, args }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(canvasElement.querySelector('[data-ssks-destination]')?.textContent).toContain('j•••@example.com')
    await expect(within(canvasElement).getByRole('textbox', { name: 'Verification code' })).toHaveValue('')
    await expect(args.onDone).not.toHaveBeenCalled()
  },
}

/** The code from the email, typed: the backup is saved. */
export const CodeRequiredThenSaved: Story = {
  name: 'Code required → code typed, saved',
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  play: async ({ canvasElement, args, loaded }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await typeCode(canvasElement, fixtureOf(loaded).latestCode() ?? '')
    await waitForFlowState(canvasElement, 'done')
    await expect(flowStatus(canvasElement)).toHaveTextContent('Your identity is backed up.')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** A wrong code: the message by the field, the code kept for correction. */
export const WrongCode: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  play: async ({ canvasElement, args }) => {
    const input = await typeCode(canvasElement, '23456789')
    await waitFor(
      () => expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('This code is not valid'),
      { timeout: 10_000 },
    )
    await expect(input).toHaveValue('23456789')
    await expect(args.onError).toHaveBeenCalledWith('INVALID_CHALLENGE', expect.anything())
    await expect(args.onDone).not.toHaveBeenCalled()
  },
}

/** Saving is under way: a busy card with a polite progress line. */
export const Saving: Story = {
  loaders: [
    async () => {
      const fixture = await createFlowFixture({ device: 'signedUp' })
      // The push answers after a minute: long enough to look at the pending state.
      fixture.emulator.faults.add({ endpoint: 'push', kind: 'latency', delayMs: 60_000 })
      return { fixture }
    },
  ],
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'saving')
    await expect(flowRoot(canvasElement)).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(flowStatus(canvasElement)).toHaveTextContent('Saving your backup…'), { timeout: 10_000 })
  },
}

/** SSKS fails while saving: a plain message and "Try again". */
export const ServerError: Story = {
  loaders: [
    async () => {
      const fixture = await createFlowFixture({ device: 'signedUp' })
      fixture.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
      return { fixture }
    },
  ],
  play: async ({ canvasElement, args }) => {
    await waitForFlowState(canvasElement, 'error')
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('Something went wrong on our side.')
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeVisible()
    await expect(args.onError).toHaveBeenCalledWith('SERVER', expect.anything())
  },
}

/** After the failure SSKS answers again: "Try again" saves the backup. */
export const ServerErrorThenRetry: Story = {
  name: 'Server error → Try again saves it',
  loaders: [
    async () => {
      const fixture = await createFlowFixture({ device: 'signedUp' })
      fixture.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503, times: 1 })
      return { fixture }
    },
  ],
  play: async ({ canvasElement, args }) => {
    await waitForFlowState(canvasElement, 'error')
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }))
    await waitForFlowState(canvasElement, 'done')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** `autoStart={false}`: a "Back up now" button first, nothing saved until it is pressed. */
export const ManualStart: Story = {
  args: { autoStart: false },
  parameters: flowSource('IdentityBackup', ['autoStart={false}']),
  play: async ({ canvasElement, args, loaded }) => {
    await expect(flowRoot(canvasElement)).toHaveAttribute('data-state', 'idle')
    await expect(within(canvasElement).getByRole('button', { name: 'Back up now' })).toBeVisible()
    await expect(args.onDone).not.toHaveBeenCalled()
    await expect(fixtureOf(loaded).emulator.outbox()).toHaveLength(0)
  },
}

/** "Back up now" pressed: saved. */
export const ManualStartThenBackUp: Story = {
  name: 'Manual start → Back up now',
  args: { autoStart: false },
  parameters: flowSource('IdentityBackup', ['autoStart={false}']),
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Back up now' }))
    await waitForFlowState(canvasElement, 'done')
    await expect(args.onDone).toHaveBeenCalledTimes(1)
  },
}

/** Backing up to a phone number that already has a backup: the code goes by SMS, masked. */
export const SmsDestination: Story = {
  loaders: withFixture({ stored: 'backupWithoutCode', factor: 'SMS' }),
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(canvasElement.querySelector('[data-ssks-destination]')?.textContent).toMatch(/\+33•+78/)
  },
}

/** French strings. */
export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'done')
    await expect(
      within(canvasElement).getByRole('heading', { name: 'Sauvegarder votre identité sécurisée' }),
    ).toBeVisible()
  },
}

/** Dark theme, with the code field showing (axe checks the contrast of every part). */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(getComputedStyle(flowRoot(canvasElement)).colorScheme).toBe('dark')
  },
}

/** Right-to-left page: the card mirrors, the code boxes still read left to right. */
export const RightToLeftPage: Story = {
  globals: { dir: 'rtl' },
  loaders: withFixture({ stored: 'backupWithoutCode' }),
  play: async ({ canvasElement }) => {
    await waitForFlowState(canvasElement, 'codeRequired')
    await expect(getComputedStyle(flowRoot(canvasElement)).direction).toBe('rtl')
    await expect(canvasElement.querySelector('[data-ssks-field]')).toHaveAttribute('dir', 'ltr')
  },
}
