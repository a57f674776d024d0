import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { useResendCooldown } from '../../../src/react/hooks/useResendCooldown'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useResendCooldown', () => {
  it('counts down once a second from mount, then is ready and stops its interval', () => {
    const { result } = renderHook(() => useResendCooldown(3))
    expect(result.current).toMatchObject({ remaining: 3, ready: false })
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(1000))
    expect(result.current.remaining).toBe(2)
    act(() => vi.advanceTimersByTime(2000))
    expect(result.current).toMatchObject({ remaining: 0, ready: true })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('restart() starts again from the full count with a single interval', () => {
    const { result } = renderHook(() => useResendCooldown(5))
    act(() => vi.advanceTimersByTime(4000))
    expect(result.current.remaining).toBe(1)
    act(() => result.current.restart())
    expect(result.current.remaining).toBe(5)
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(1000))
    expect(result.current.remaining).toBe(4)
  })

  it('follows the clock, not the number of ticks (a throttled tab catches up)', () => {
    const { result } = renderHook(() => useResendCooldown(10))
    vi.setSystemTime(Date.now() + 7000) // the tab slept: no tick ran
    act(() => vi.advanceTimersByTime(1000))
    expect(result.current.remaining).toBe(2)
  })

  it('autoStart: false is ready until the first restart()', () => {
    const { result } = renderHook(() => useResendCooldown(30, { autoStart: false }))
    expect(result.current).toMatchObject({ remaining: 0, ready: true })
    expect(vi.getTimerCount()).toBe(0)
    act(() => result.current.restart())
    expect(result.current).toMatchObject({ remaining: 30, ready: false })
  })

  it('clears its interval on unmount', () => {
    const { unmount } = renderHook(() => useResendCooldown(30))
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('renders on the server with the full count and no timer', () => {
    function Probe() {
      const { remaining } = useResendCooldown(30)
      return <span>{remaining}</span>
    }
    expect(renderToString(<Probe />)).toBe('<span>30</span>')
    expect(vi.getTimerCount()).toBe(0)
  })
})
