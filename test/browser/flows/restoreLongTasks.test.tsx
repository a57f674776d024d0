import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup, render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import '../../../src/react/styles.css'
import { createTestWorld, type TestWorldOptions } from '../../../src/testing/browser'

// The address the flows' texts are checked against (masked: j•••@example.com).
const JANE: TestWorldOptions = { factor: { type: 'EM', value: 'jane.doe@example.com' } }

afterEach(() => cleanup())

/** Collects main-thread long tasks (> 50 ms by definition) between start() and stop(). */
function watchLongTasks() {
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration))
  })
  observer.observe({ type: 'longtask' })
  return {
    tasks,
    /** Entries are delivered asynchronously: wait a frame or two before reading. */
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 100))
      for (const entry of observer.takeRecords()) tasks.push(Math.round(entry.duration))
      observer.disconnect()
      return tasks
    },
  }
}

function busyFor(ms: number) {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // block the main thread on purpose
  }
}

describe('a full restore in Chromium', () => {
  it('the long-task observer works here (control: an 80 ms busy loop is reported)', async () => {
    expect(PerformanceObserver.supportedEntryTypes).toContain('longtask')
    const watch = watchLongTasks()
    await new Promise((resolve) => setTimeout(resolve, 20))
    busyFor(80)
    const tasks = await watch.stop()
    expect(tasks.some((duration) => duration >= 80)).toBe(true)
  })

  // A long task is wall time: when the other test projects saturate CI's 2 cores, the OS can
  // stretch one of our tasks past 50 ms. Retried so that only a repeatable long task fails.
  it('code typed → restore → key renewal → re-save: no main-thread task over 50 ms', { retry: 2 }, async () => {
    const h = await createTestWorld(JANE)
    // Saved without a code, as right after sign-up: the restore renews keys and pushes again.
    const first = await h.startSession({ purpose: 'backup' })
    await (await h.device({ signedUp: true })).ssks2MR.saveIdentity(h.callArgs(first))
    const device = await h.device()

    // Warm-up: mount the same UI once (first-time module evaluation, JIT and style work are a page
    // load cost, not the restore's), up to the code field, against a session that goes nowhere.
    const warm = render(
      <QueryClientProvider client={new QueryClient()}>
        <SSKS2MRProvider sdk={device} startSession={async () => ({ ...first, mustAuthenticate: true })}>
          <IdentityRestore />
        </SSKS2MRProvider>
      </QueryClientProvider>,
    )
    await waitFor(() => expect(warm.container.querySelector('input')).not.toBeNull())
    warm.unmount()
    await new Promise((resolve) => setTimeout(resolve, 100))

    const done: unknown[] = []
    const watch = watchLongTasks()
    const view = render(
      <QueryClientProvider client={new QueryClient()}>
        <SSKS2MRProvider sdk={device} startSession={h.startSession}>
          <IdentityRestore onDone={(result) => done.push(result)} resendCooldownSeconds={0} />
        </SSKS2MRProvider>
      </QueryClientProvider>,
    )
    const input = await waitFor(() => {
      const found = view.container.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')
      if (!found) throw new Error('no code field yet')
      return found
    })
    await userEvent.click(input)
    await userEvent.keyboard(h.lastCode().toUpperCase())
    await waitFor(
      () => expect(view.container.querySelector('[data-ssks-flow]')).toHaveAttribute('data-state', 'done'),
      { timeout: 10_000 },
    )
    const tasks = await watch.stop()

    expect(done).toEqual([expect.objectContaining({ keysRenewed: true, mustSaveIdentityAgain: false })])
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])
    console.info(`[long tasks] during the restore: ${tasks.length} over 50 ms (${tasks.join(', ')})`)
    expect(tasks).toEqual([])
  })
})
