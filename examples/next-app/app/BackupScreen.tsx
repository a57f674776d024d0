'use client'
import { IdentityBackup, SSKS2MRProvider } from 'ssks-2mr-kit/react'
import 'ssks-2mr-kit/react/styles.css'
import { createSealdSDK, startSession } from './ssks'

/** Right after sign-up: backs the new identity up (no code needed the first time). */
export function BackupScreen({ userId, onBackedUp }: { userId: string; onBackedUp?: () => void }) {
  return (
    <SSKS2MRProvider sdk={() => createSealdSDK(userId)} startSession={startSession}>
      <IdentityBackup onDone={onBackedUp} />
    </SSKS2MRProvider>
  )
}
