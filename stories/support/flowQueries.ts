import { expect, userEvent, waitFor, within } from 'storybook/test'

/** The flow card rendered by IdentityBackup / IdentityRestore. */
export const flowRoot = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-ssks-flow]') as HTMLElement

/** Waits until the flow's `data-state` is `status` (real crypto and scrypt run in between). */
export async function waitForFlowState(canvasElement: HTMLElement, status: string, timeout = 20_000): Promise<void> {
  await waitFor(() => expect(flowRoot(canvasElement)).toHaveAttribute('data-state', status), { timeout })
}

/** Types a code into the flow's code field, as a user would, replacing whatever was there. */
export async function typeCode(canvasElement: HTMLElement, code: string): Promise<HTMLInputElement> {
  const input = (await within(canvasElement).findByRole('textbox', {}, { timeout: 10_000 })) as HTMLInputElement
  await userEvent.clear(input)
  await userEvent.keyboard(code)
  return input
}

/** The flow's polite status line (progress, then the result). */
export const flowStatus = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-ssks-flow-status]') as HTMLElement
