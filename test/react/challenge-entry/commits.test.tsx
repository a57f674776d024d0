import { describe, expect, it, vi } from 'vitest'
import { Profiler, useState, type ReactNode } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ChallengeEntry } from '../../../src/react/challenge-entry/ChallengeEntry'

// Counts ChallengeEntry's own renders through the helper it calls once per render for its root class.
const renders = vi.hoisted(() => ({ entry: 0 }))
vi.mock('../../../src/react/classNameFor', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/react/classNameFor')>()
  return {
    classNameFor: (builtIn: string, unstyled: boolean | undefined, extra: string | undefined) => {
      if (builtIn === 'ssks-challenge') renders.entry += 1
      return original.classNameFor(builtIn, unstyled, extra)
    },
  }
})

function renderProfiled(tree: (wrap: (node: ReactNode) => ReactNode) => ReactNode) {
  const commits = { count: 0 }
  render(
    <>
      {tree((node) => (
        <Profiler id="challenge-entry" onRender={() => void (commits.count += 1)}>
          {node}
        </Profiler>
      ))}
    </>,
  )
  return commits
}

async function typeEightCharacters(commits: { count: number }) {
  const user = userEvent.setup()
  await user.click(screen.getByRole('textbox'))
  await new Promise((resolve) => setTimeout(resolve, 100))
  const before = { commits: commits.count, renders: renders.entry }
  for (const key of 'abcdefgh') {
    await user.keyboard(key)
    // Pauses as a human typist makes, so any deferred work (timers, selectionchange) would show up.
    await new Promise((resolve) => setTimeout(resolve, 70))
  }
  return { profilerCommits: commits.count - before.commits, entryRenders: renders.entry - before.renders }
}

describe('ChallengeEntry commits while typing (React Profiler, jsdom)', () => {
  it('uncontrolled: ChallengeEntry renders once per keystroke', async () => {
    const commits = renderProfiled((wrap) => wrap(<ChallengeEntry />))
    const counts = await typeEightCharacters(commits)
    console.log(`jsdom uncontrolled, 8 keystrokes → ${JSON.stringify(counts)}`)
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('abcdefgh')
    // Value and selection (the active box) change in the same commit: one per keystroke.
    expect(counts.entryRenders).toBeLessThanOrEqual(8)
    expect(counts.profilerCommits).toBeLessThanOrEqual(8)
  })

  it('controlled by a parent: ChallengeEntry still renders once per keystroke', async () => {
    function Parent({ wrap }: { wrap: (node: ReactNode) => ReactNode }) {
      const [code, setCode] = useState('')
      return wrap(<ChallengeEntry value={code} onChange={setCode} />)
    }
    const commits = renderProfiled((wrap) => <Parent wrap={wrap} />)
    const counts = await typeEightCharacters(commits)
    console.log(`jsdom controlled, 8 keystrokes → ${JSON.stringify(counts)}`)
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('abcdefgh')
    expect(counts.entryRenders).toBeLessThanOrEqual(8)
    expect(counts.profilerCommits).toBeLessThanOrEqual(8)
  })
})
