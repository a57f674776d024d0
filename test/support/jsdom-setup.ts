import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Without Vitest globals, Testing Library does not clean up by itself (TOOLCHAIN.md gotcha 12).
afterEach(() => cleanup())
