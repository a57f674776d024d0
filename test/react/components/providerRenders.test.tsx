import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import { useSSKS2MR } from '../../../src/react/useSSKS2MR'
import { backupWithCode, createTestWorld, wrongCode, type TestWorld } from '../../../src/testing/index'
import { newQueryClient } from '../support/worldWrapper'

let harness: TestWorld | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

function Sibling() {
  return <p>app content</p>
}
function ContextConsumer() {
  const { messages } = useSSKS2MR()
  return <p>{messages.retry}</p>
}

describe('render counts (React Profiler)', () => {
  it("a flow's state changes do not re-render the provider's other children, even context consumers", async () => {
    harness = await createTestWorld()
    const h = harness
    // A backup saved without a code: the restore goes through key renewal.
    await backupWithCode(h, await h.device({ signedUp: true }))

    const commits: Record<string, number> = {}
    const onRender: ProfilerOnRenderCallback = (id) => {
      commits[id] = (commits[id] ?? 0) + 1
    }
    const { container } = render(
      <QueryClientProvider client={newQueryClient()}>
        <SSKS2MRProvider sdk={await h.device()} startSession={h.startSession}>
          <Profiler id="sibling" onRender={onRender}>
            <Sibling />
          </Profiler>
          <Profiler id="consumer" onRender={onRender}>
            <ContextConsumer />
          </Profiler>
          <Profiler id="flow" onRender={onRender}>
            <IdentityRestore />
          </Profiler>
        </SSKS2MRProvider>
      </QueryClientProvider>,
    )
    const input = await screen.findByRole('textbox')
    fireEvent.input(input, { target: { value: wrongCode(h.lastCode()) } })
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'))
    fireEvent.input(input, { target: { value: h.lastCode() } })
    // Restore, key renewal and re-push each derive a key (scrypt): slow on a loaded machine.
    await waitFor(() => expect(container.querySelector('[data-ssks-flow]')).toHaveAttribute('data-state', 'done'), {
      timeout: 10_000,
    })

    // The flow went idle → starting → codeRequired → verifying → codeRequired(error) → verifying → done.
    expect(commits.flow).toBeGreaterThanOrEqual(6)
    expect(commits.sibling).toBe(1)
    expect(commits.consumer).toBe(1)
    console.info(
      `[render counts] flow commits: ${commits.flow}, sibling: ${commits.sibling}, context consumer: ${commits.consumer}`,
    )
  })
})
