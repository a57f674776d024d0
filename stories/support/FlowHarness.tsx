import type { ReactNode } from 'react'
import { SSKS2MRProvider, type StartSession } from '../../src/react'
import type { FlowFixture } from './createFlowFixture'
import type { StoryLocale } from './storyMessages'

/** The provider an app would render, wired to a story's fixture (SDK + back-end session route). */
export function FlowHarness({
  fixture,
  locale,
  startSession,
  children,
}: {
  fixture: FlowFixture
  locale: StoryLocale
  /** Replaces the fixture's back-end call (e.g. one that never answers). */
  startSession?: StartSession
  children: ReactNode
}) {
  return (
    <SSKS2MRProvider
      sdk={fixture.sdk}
      startSession={startSession ?? fixture.startSession}
      queryClient={fixture.queryClient}
      locale={locale}
    >
      {children}
    </SSKS2MRProvider>
  )
}
