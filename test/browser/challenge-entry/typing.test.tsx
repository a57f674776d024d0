import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup } from '@testing-library/react'
import { renderChallengeEntry, settle } from './renderChallengeEntry'

afterEach(() => cleanup())

describe('ChallengeEntry typing in Chromium', () => {
  it('types a code into the one real input and draws it in 8 boxes', async () => {
    const onComplete = vi.fn()
    const view = renderChallengeEntry({ onComplete })
    await userEvent.click(view.input)
    await userEvent.keyboard('abcd')
    expect(view.input.value).toBe('abcd')
    expect(view.slots()).toEqual(['a', 'b', 'c', 'd', '', '', '', ''])
    await userEvent.keyboard('efgh')
    expect(view.input.value).toBe('abcdefgh')
    expect(onComplete).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith('abcdefgh')
  })
})
