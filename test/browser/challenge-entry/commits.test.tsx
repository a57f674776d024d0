import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

// Counts how often ChallengeEntry and the drawn boxes actually render, through the helper every
// part calls once per render with its built-in class name.
const renders = vi.hoisted(() => ({ entry: 0, slots: 0 }))
vi.mock('../../../src/react/classNameFor', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/react/classNameFor')>()
  return {
    classNameFor: (builtIn: string, unstyled: boolean | undefined, extra: string | undefined) => {
      if (builtIn === 'ssks-challenge') renders.entry += 1
      if (builtIn === 'ssks-challenge__slots') renders.slots += 1
      return original.classNameFor(builtIn, unstyled, extra)
    },
  }
})

afterEach(() => cleanup())

describe('ChallengeEntry commits while typing (React Profiler, real Chromium)', () => {
  it('renders and writes the DOM at most once per keystroke', async () => {
    const view = renderChallengeEntry()
    await userEvent.click(view.input)
    await settle(200)
    const before = { ...view.commits, ...renders }
    for (const key of 'abcdefgh') {
      await userEvent.keyboard(key)
      // Lets the browser's selectionchange and keyup (which the boxes follow) arrive between keys.
      await settle(80)
    }
    const counts = {
      profilerCommits: view.commits.count - before.count,
      commitsWithDomChanges: view.commits.withDomChanges - before.withDomChanges,
      entryRenders: renders.entry - before.entry,
      slotRenders: renders.slots - before.slots,
    }
    console.log(`8 keystrokes → ${JSON.stringify(counts)}`)
    expect(view.input.value).toBe('abcdefgh')
    expect(counts.entryRenders).toBeLessThanOrEqual(8)
    expect(counts.commitsWithDomChanges).toBeLessThanOrEqual(8)
    // The selection arrives in the same commit as the value; the later selectionchange/keyup see
    // the same selection and set no state, so not even a bail-out pass is counted.
    expect(counts.profilerCommits).toBeLessThanOrEqual(8)
  })
})
