import type { Decorator } from '@storybook/react-vite'
import type { StartSession } from '../../src/react'
import type { FlowFixture } from './createFlowFixture'
import { FlowHarness } from './FlowHarness'
import { storyLocale } from './storyMessages'

/** Story parameters read by {@link withFlowProvider}. */
export interface FlowStoryParameters {
  /** Replaces the fixture's back-end call, e.g. one that never answers (the "Starting" state). */
  startSession?: StartSession
}

/**
 * Wraps a flow story in the provider an app renders, wired to the fixture its loader made.
 * A decorator, not the story's `render`: Storybook's docs build "Show code" by walking what
 * `render` returns, and a Seald SDK instance among those props throws from its getters
 * ("This SDK instance is not initialized"). The story itself renders only the component.
 */
export const withFlowProvider: Decorator = (Story, { loaded, globals, parameters }) => {
  const { startSession } = (parameters.flow ?? {}) as FlowStoryParameters
  return (
    <FlowHarness
      fixture={loaded.fixture as FlowFixture}
      locale={storyLocale(globals)}
      {...(startSession ? { startSession } : {})}
    >
      <Story />
    </FlowHarness>
  )
}
