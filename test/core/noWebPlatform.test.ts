import { describe, expect, it } from 'vitest'
import { detectPlatform } from '../../src/core/crypto/platform'
import { subtle } from '../../src/core/crypto/subtle'
import { withDeadline } from '../../src/core/signals/withDeadline'

// Runs only in the no-webcrypto project (test/support/hideWebPlatformFromCore.ts).
describe.runIf(process.env.NO_WEB_PLATFORM)(
  'core without crypto.subtle, AbortSignal.any and AbortSignal.timeout',
  () => {
    it('the core sees none of them, and takes itself for React Native', () => {
      expect(() => subtle()).toThrow('No WebCrypto')
      expect(detectPlatform()).toBe('react-native')
      // The test itself still has them: only src/core is cut off.
      expect(typeof AbortSignal.timeout).toBe('function')
    })

    it('the hand-combined deadline aborts with a TimeoutError, and follows the parent', async () => {
      const { signal, deadline } = withDeadline(new AbortController().signal, 20)
      await new Promise((resolve) => signal.addEventListener('abort', resolve))
      expect(deadline.reason).toMatchObject({ name: 'TimeoutError' })
      const parent = new AbortController()
      const linked = withDeadline(parent.signal, 60_000)
      parent.abort(new Error('caller gave up'))
      expect(linked.signal.aborted).toBe(true)
      expect(linked.signal.reason).toMatchObject({ message: 'caller gave up' })
    })
  },
)
