import { Profiler, useState, type ReactNode } from 'react'
import { render } from '@testing-library/react'
import { ChallengeEntry } from '../../../src/react/challenge-entry/ChallengeEntry'
import type { ChallengeEntryProps } from '../../../src/react/challenge-entry/ChallengeEntryProps'
import '../../../src/react/styles.css'

export interface Rendered {
  input: HTMLInputElement
  root: HTMLElement
  container: HTMLElement
  /** Text the polite live region holds now. */
  live(): string
  /** The characters drawn in the 8 boxes ('' for an empty one). */
  slots(): string[]
  /**
   * Commits of the ChallengeEntry subtree, counted by a React Profiler: `count` all of them,
   * `withDomChanges` only those that changed the DOM (mutation records taken inside onRender,
   * which runs after the commit's DOM writes).
   */
  commits: { count: number; withDomChanges: number }
  rerender(props: Partial<ChallengeEntryProps>): void
  unmount(): void
}

/** Renders ChallengeEntry (inside `wrap`, e.g. an RTL page) with a Profiler counting commits. */
export function renderChallengeEntry(
  props: ChallengeEntryProps = {},
  wrap: (node: ReactNode) => ReactNode = (node) => node,
): Rendered {
  const commits = { count: 0, withDomChanges: 0 }
  const observer = new MutationObserver(() => {})
  const onRender = () => {
    commits.count += 1
    if (observer.takeRecords().length > 0) commits.withDomChanges += 1
  }
  const tree = (p: ChallengeEntryProps) =>
    wrap(
      <Profiler id="challenge-entry" onRender={onRender}>
        <ChallengeEntry {...p} />
      </Profiler>,
    )
  let current = props
  const result = render(tree(current))
  const root = result.container.querySelector<HTMLElement>('[data-ssks-challenge]')!
  const input = root.querySelector<HTMLInputElement>('input')!
  observer.observe(result.container, { subtree: true, childList: true, attributes: true, characterData: true })
  return {
    input,
    root,
    container: result.container,
    live: () => root.querySelector('[data-ssks-live]')?.textContent ?? '',
    slots: () => Array.from(root.querySelectorAll('[data-ssks-slot]'), (slot) => slot.textContent ?? ''),
    commits,
    rerender(next) {
      current = { ...current, ...next }
      result.rerender(tree(current))
    },
    unmount: () => {
      observer.disconnect()
      result.unmount()
    },
  }
}

/** A parent that owns the value, as an app using the controlled API would. */
export function ControlledChallengeEntry(
  props: Omit<ChallengeEntryProps, 'value' | 'onChange'> & { onValue?: (v: string) => void },
) {
  const [value, setValue] = useState('')
  return (
    <ChallengeEntry
      {...props}
      value={value}
      onChange={(next) => {
        setValue(next)
        props.onValue?.(next)
      }}
    />
  )
}

/** Waits for the next frames, letting selectionchange and other deferred events arrive. */
export async function settle(ms = 80): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms))
}
