/**
 * Runs in the preview iframe before Storybook's own code (a Playwright init script): records what
 * Storybook's channel says about the story or docs page, the way its manager UI hears it.
 * Storybook installs its channel by assigning `globalThis.__STORYBOOK_ADDONS_CHANNEL__`; a setter
 * on that name subscribes before the first event is sent.
 */
export interface ChannelRecord {
  event: string
  /** What came with the event, made printable (an error's message, a story id). */
  detail: string
}

export interface ProbeState {
  records: ChannelRecord[]
  /** The prepared story's parameters and globals (the story's own `globals` included). */
  parameters?: Record<string, unknown>
  storyGlobals?: Record<string, unknown>
}

declare global {
   
  var __STORY_PROBE__: ProbeState | undefined
}

export const WATCHED_EVENTS = [
  'storyPrepared',
  'globalsUpdated',
  'storyRendered',
  'storyFinished',
  'storyThrewException',
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
  'storyErrored',
  'storyMissing',
  'docsRendered',
] as const

/** Serialised into the page by Playwright: it must not close over anything. */
export function installChannelProbe(events: readonly string[]): void {
  const state: ProbeState = { records: [] }
  globalThis.__STORY_PROBE__ = state
  const describe = (value: unknown): string => {
    if (value instanceof Error) return `${value.name}: ${value.message}`
    if (value && typeof value === 'object') {
      const { message, name, id, storyId, status } = value as Record<string, unknown>
      if (typeof message === 'string') return `${String(name ?? 'Error')}: ${message}`
      return String(storyId ?? id ?? status ?? '')
    }
    return String(value ?? '')
  }
  let channel: { on(event: string, listener: (...args: unknown[]) => void): void } | undefined
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next
      if (!next) return
      for (const event of events) {
        next.on(event, (...args: unknown[]) => {
          if (event === 'storyPrepared') state.parameters = (args[0] as { parameters?: Record<string, unknown> })?.parameters
          if (event === 'globalsUpdated') {
            state.storyGlobals = (args[0] as { storyGlobals?: Record<string, unknown> })?.storyGlobals
            return
          }
          if (event === 'storyFinished') {
            // `status` is 'error' when an afterEach report failed, e.g. the a11y addon's axe run.
            type Finished = { status?: string; reporters?: Array<Record<string, unknown>> }
            const { status, reporters = [] } = args[0] as Finished
            const failed = reporters
              .filter((report) => report.status === 'failed')
              .map((report) => {
                const result = (report.result ?? {}) as { violations?: Array<{ id: string }>; error?: unknown }
                // The a11y addon reports axe's own failure (not a violation) as `result.error`.
                if (result.error !== undefined) return `${String(report.type)}(error: ${describe(result.error)})`
                return `${String(report.type)}(${(result.violations ?? []).map((violation) => violation.id).join(',')})`
              })
            state.records.push({ event, detail: [status, ...failed].join(' ') })
            return
          }
          state.records.push({ event, detail: args.map(describe).join(' ') })
        })
      }
    },
  })
}
