'use client'
import { IdentityRestore, SSKS2MRProvider } from 'ssks-2mr-kit/react'
import 'ssks-2mr-kit/react/styles.css'
import { createSealdSDK, startSession } from './ssks'

/** On a new device: asks for the emailed code, then restores the user's Seald identity. */
export function RestoreScreen({ onRestored }: { onRestored?: () => void }) {
  return (
    <SSKS2MRProvider sdk={() => createSealdSDK()} startSession={startSession}>
      <IdentityRestore onDone={onRestored} />
    </SSKS2MRProvider>
  )
}
