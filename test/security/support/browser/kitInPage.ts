/** What the Chromium security tests run inside a page: real SDK (browser build) + our plugin + cloud stand-in. */
import { createTestSealdSDK } from '../../../../src/testing/browser'

;(globalThis as { kit?: unknown }).kit = { createTestSealdSDK }
