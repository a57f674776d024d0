import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Without Vitest globals, Testing Library does not clean up by itself (it registers its own afterEach only when
// `afterEach` is a global).
afterEach(() => cleanup())
