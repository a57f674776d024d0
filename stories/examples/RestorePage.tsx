import SealdSDK from '@seald-io/sdk/browser'
import SSKS2MR from '../../src/index'
import { IdentityRestore, SSKS2MRProvider, type StartSession } from '../../src/react'
import '../../src/react/styles.css'

const sdk = SealdSDK({ appId: 'your-seald-app-id', plugins: [SSKS2MR('https://ssks.seald.io/')] })

// Your back-end's "start 2MR session" route (see below), for the signed-in user.
const startSession: StartSession = async () => {
  const response = await fetch('/api/ssks-session', { method: 'POST', credentials: 'include' })
  const body = await response.json()
  if (!response.ok) throw Object.assign(new Error(body.message), { code: body.code })
  return body
}

export function RestorePage({ onRestored }: { onRestored: () => void }) {
  return (
    <SSKS2MRProvider sdk={sdk} startSession={startSession}>
      <IdentityRestore onDone={onRestored} />
    </SSKS2MRProvider>
  )
}
