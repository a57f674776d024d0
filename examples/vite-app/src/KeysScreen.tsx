import { IdentityBackup, IdentityRestore, SSKS2MRProvider } from 'ssks-2mr-kit/react'
import 'ssks-2mr-kit/react/styles.css'
import { createSealdSDK, startSession } from './ssks.js'

export interface KeysScreenProps {
  userId: string
  /** A new account backs its keys up; a known one on this new device restores them. */
  isNew: boolean
  onDone: (message: string) => void
}

/** Everything that needs the Seald SDK, in one module that App loads only when it is shown. */
export default function KeysScreen({ userId, isNew, onDone }: KeysScreenProps) {
  return (
    <SSKS2MRProvider sdk={() => createSealdSDK(isNew ? userId : undefined)} startSession={startSession}>
      {isNew ? (
        <IdentityBackup onDone={() => onDone('Your keys are backed up.')} />
      ) : (
        <IdentityRestore onDone={() => onDone('Your keys are restored on this device.')} />
      )}
    </SSKS2MRProvider>
  )
}
