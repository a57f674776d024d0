import { useMemo, useState } from 'react'
import { IdentityBackup, SSKS2MRProvider, type StartSession } from '../../src/react'
import { createDemoDevice, type DemoDevice } from './createDemoDevice'
import { DemoSignInForm, type DemoSignInValues } from './DemoSignInForm'
import { demoSignIn, demoStartSession } from './demoClient'
import type { DemoAccount } from './DemoAccount'
import { getLiveEnvironment } from './liveEnvironment'
import { LiveModeNote } from './LiveModeNote'
import { OutboxPanel } from './OutboxPanel'
import type { StoryLocale } from '../support/storyMessages'

interface SignedUp {
  account: DemoAccount
  sdk: DemoDevice
  startSession: StartSession
  factor: DemoSignInValues['factor']
}

/**
 * "Back up after sign-up": the app's sign-up form, then `IdentityBackup` right after the account
 * (the Seald identity) is created. First backup for this email or phone: saved without a code.
 */
export function LiveBackupDemo({ locale, defaults }: { locale: StoryLocale; defaults: DemoSignInValues }) {
  const env = useMemo(() => getLiveEnvironment(), [])
  const [signedUp, setSignedUp] = useState<SignedUp | null>(null)
  const [done, setDone] = useState(false)

  const signUp = async ({ email, phone, factor }: DemoSignInValues) => {
    const account = await demoSignIn(env, email, phone)
    // Creating the account: `sdk.initiateIdentity()` in a real app (Seald cloud), the stand-in here.
    const sdk = createDemoDevice(env, account)
    setSignedUp({ account, sdk, factor, startSession: demoStartSession(env, account, factor) })
  }

  return (
    <div className="live-demo">
      <LiveModeNote env={env} />
      <div>
        <h1>Sign up</h1>
        {signedUp ? (
          <>
            <p>
              Signed up as <strong>{signedUp.account.email}</strong>. Backing up the new Seald identity…
            </p>
            <SSKS2MRProvider sdk={signedUp.sdk} startSession={signedUp.startSession} locale={locale}>
              <IdentityBackup resendCooldownSeconds={5} onDone={() => setDone(true)} />
            </SSKS2MRProvider>
            {done && (
              <p className="live-result" data-testid="backup-result">
                Backup saved on SSKS for {signedUp.factor === 'SMS' ? signedUp.account.phone : signedUp.account.email}.
                Now open “Restore on a new device” and sign in with the same email.
              </p>
            )}
          </>
        ) : (
          <DemoSignInForm submitLabel="Sign up" askPhone defaults={defaults} onSubmit={signUp} />
        )}
      </div>
      <OutboxPanel readOutbox={env.readOutbox} userId={signedUp?.account.userId} />
    </div>
  )
}
