'use client'
import { useEffect, useRef } from 'react'

/** A ref that always holds the latest `value` (for callbacks that must not change identity). */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  // Updated after commit, not during render (render may be thrown away in concurrent mode).
  useEffect(() => {
    ref.current = value
  })
  return ref
}
