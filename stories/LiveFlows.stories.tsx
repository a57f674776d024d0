import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { LiveBackupDemo } from './live/LiveBackupDemo'
import { LiveRestoreDemo } from './live/LiveRestoreDemo'
import { getLiveEnvironment } from './live/liveEnvironment'
import { seedBackup } from './live/seedBackup'
import type { DemoSignInValues } from './live/DemoSignInForm'
import { flowSource } from './support/flowSourceCode'
import { storyLocale } from './support/storyMessages'
import './live/live.css'

const JANE: DemoSignInValues = { email: 'jane@example.com', phone: '+33 6 12 34 56 78', factor: 'EM' }

const meta = {
  title: 'Live flows',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component: `
The real thing, end to end: the kit's plugin on the real \`@seald-io/sdk\` browser build, talking to the
SSKS emulator through the demo app's back-end route (built with \`ssks-2mr-kit/server\`). Only Seald's
cloud calls (account creation, importIdentity, renewKey) are played by the stand-in from \`ssks-2mr-kit/testing\`:
they need Seald's servers.

**With \`npm start\`** the emulator and the demo back-end run on 127.0.0.1 and every tab shares them: back up
in one tab, restore in another (or a private window) as a new device. **In a static build** (or the test run)
both run inside the page; the two stories share them until the page reloads.

Codes are not emailed: read them in the **Emulator outbox** beside the form (also printed in the
\`npm start\` terminal and at \`GET <emulator>/__dev/outbox\`). The resend cooldown is 5 s here (30 s by default).
`,
      },
    },
  },
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

/** Sign up, and the new identity is backed up at once: first backup, no code needed. */
export const BackUpAfterSignUp: Story = {
  name: 'Back up after sign-up',
  parameters: flowSource('IdentityBackup', ['resendCooldownSeconds={5}']),
  render: (_args, { globals }) => <LiveBackupDemo locale={storyLocale(globals)} defaults={JANE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Sign up' })).toBeVisible()
    await expect(canvas.getByRole('heading', { name: 'Emulator outbox' })).toBeVisible()
    await expect(canvas.getByTestId('live-mode')).toHaveAttribute(
      'data-mode',
      expect.stringMatching(/^(http|in-page)$/),
    )
  },
}

/** Sign in on a device without the identity: code from the outbox → restored (keys renewed the first time). */
export const RestoreOnANewDevice: Story = {
  name: 'Restore on a new device',
  parameters: flowSource('IdentityRestore', ['resendCooldownSeconds={5}']),
  render: (_args, { globals }) => <LiveRestoreDemo locale={storyLocale(globals)} defaults={JANE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expect(canvas.getByRole('heading', { name: 'Emulator outbox' })).toBeVisible()
  },
}

const uniqueEmail = (prefix: string) => `${prefix}-${globalThis.crypto.randomUUID().slice(0, 8)}@example.com`

async function fillEmail(canvasElement: HTMLElement, email: string) {
  const input = within(canvasElement).getByRole('textbox', { name: 'Email' })
  await userEvent.clear(input)
  await userEvent.type(input, email)
}

/** Plays "Back up after sign-up" by itself: sign up → backed up, no code sent. */
export const BackUpAfterSignUpWalkthrough: Story = {
  name: 'Back up after sign-up (walkthrough)',
  parameters: flowSource('IdentityBackup', ['resendCooldownSeconds={5}']),
  render: (_args, { globals }) => <LiveBackupDemo locale={storyLocale(globals)} defaults={JANE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await fillEmail(canvasElement, uniqueEmail('walkthrough-backup'))
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }))
    await waitFor(() => expect(canvas.getByTestId('backup-result')).toBeVisible(), { timeout: 10_000 })
    await expect(canvas.getByText('Your identity is backed up.')).toBeVisible()
    await expect(canvas.getByText('No message yet.')).toBeVisible()
  },
}

/**
 * Plays "Restore on a new device" by itself (a backup is made first, as at sign-up): wrong code →
 * error → resend → the new code from the outbox → restored with key renewal → restored again on
 * another device: the backup is now an authenticated one.
 */
export const RestoreOnANewDeviceWalkthrough: Story = {
  name: 'Restore on a new device (walkthrough)',
  parameters: flowSource('IdentityRestore', ['resendCooldownSeconds={5}']),
  render: (_args, { globals }) => <LiveRestoreDemo locale={storyLocale(globals)} defaults={JANE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const email = uniqueEmail('walkthrough-restore')
    await seedBackup(getLiveEnvironment(), email, '', 'EM')
    await fillEmail(canvasElement, email)
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))

    const code = await canvas.findByRole('textbox', { name: 'Verification code' }, { timeout: 10_000 })
    const firstCode = (await canvas.findByTestId('outbox-code', {}, { timeout: 10_000 })).textContent ?? ''
    await userEvent.type(code, firstCode === '23456789' ? '98765432' : '23456789')
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-ssks-error]')).toHaveTextContent('This code is not valid'),
    )

    await userEvent.click(await canvas.findByRole('button', { name: 'Send a new code' }, { timeout: 10_000 }))
    await waitFor(() => expect(canvas.getAllByTestId('outbox-code')).toHaveLength(2), { timeout: 10_000 })
    const newCode = canvas.getAllByTestId('outbox-code')[0]?.textContent ?? ''
    await expect(newCode).not.toBe(firstCode)
    await userEvent.type(code, newCode)
    await waitFor(() => expect(canvas.getByTestId('restore-result')).toBeVisible(), { timeout: 15_000 })
    await expect(canvas.getByTestId('result-backup')).toHaveTextContent('keys renewed')

    await userEvent.click(canvas.getByRole('button', { name: 'Restore again on another new device' }))
    const again = await canvas.findByRole('textbox', { name: 'Verification code' }, { timeout: 10_000 })
    await waitFor(() => expect(canvas.getAllByTestId('outbox-code')).toHaveLength(3), { timeout: 10_000 })
    await userEvent.type(again, canvas.getAllByTestId('outbox-code')[0]?.textContent ?? '')
    await waitFor(() => expect(canvas.getByTestId('result-backup')).toHaveTextContent('authenticated'), {
      timeout: 15_000,
    })
  },
}
