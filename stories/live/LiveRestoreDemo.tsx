import { useMemo, useState } from 'react'
import { IdentityRestore, SSKS2MRProvider, type ChallengeFlowResult, type StartSession } from '../../src/react'
import { createDemoDevice, type DemoDevice } from './createDemoDevice'
import { DemoSignInForm, type DemoSignInValues } from './DemoSignInForm'
import { demoSignIn, demoStartSession } from './demoClient'
import type { DemoAccount } from './DemoAccount'
import { getLiveEnvironment } from './liveEnvironment'
import { LiveModeNote } from './LiveModeNote'
import { OutboxPanel } from './OutboxPanel'
import type { StoryLocale } from '../support/storyMessages'

interface SignedIn {
  account: DemoAccount
  /** A brand-new device: an SDK with no identity until the restore. */
  sdk: DemoDevice
  startSession: StartSession
  /** Counts devices, so "restore again" mounts a fresh flow on a fresh device. */
  device: number
}

/**
 * "Restore on a new device": the app's sign-in on a device that has no Seald identity, then
 * `IdentityRestore`: the code from the outbox, the restore, and (first time) key renewal.
 */
export function LiveRestoreDemo({ locale, defaults }: { locale: StoryLocale; defaults: DemoSignInValues }) {
  const env = useMemo(() => getLiveEnvironment(), [])
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null)
  const [result, setResult] = useState<ChallengeFlowResult | null>(null)

  const signIn = async ({ email, factor }: DemoSignInValues) => {
    const account = await demoSignIn(env, email)
    setSignedIn({
      account,
      sdk: createDemoDevice(env),
      startSession: demoStartSession(env, account, factor),
      device: 1,
    })
  }
  const anotherDevice = () => {
    if (!signedIn) return
    setResult(null)
    setSignedIn({ ...signedIn, sdk: createDemoDevice(env), device: signedIn.device + 1 })
  }

  return (
    <div className="live-demo">
      <LiveModeNote env={env} />
      <div>
        <h1>Sign in on a new device</h1>
        {signedIn ? (
          <>
            <p>
              Signed in as <strong>{signedIn.account.email}</strong> on new device #{signedIn.device}. The code is in
              the outbox.
            </p>
            <SSKS2MRProvider
              key={signedIn.device}
              sdk={signedIn.sdk}
              startSession={signedIn.startSession}
              locale={locale}
            >
              <IdentityRestore resendCooldownSeconds={5} onDone={setResult} />
            </SSKS2MRProvider>
            {result && (
              <section className="live-result" data-testid="restore-result" aria-label="Restore result">
                <dl>
                  <dt>Seald id</dt>
                  <dd data-testid="result-seald-id">{result.accountInfo?.sealdId}</dd>
                  <dt>Device id</dt>
                  <dd>{result.accountInfo?.deviceId}</dd>
                  <dt>Backup found</dt>
                  <dd data-testid="result-backup">
                    {result.keysRenewed
                      ? 'saved without a code (at sign-up): keys renewed, backup saved again, now authenticated'
                      : 'authenticated (saved after a code check): no key renewal needed'}
                  </dd>
                  <dt>Saved again</dt>
                  <dd data-testid="result-resave">
                    {result.mustSaveIdentityAgain ? 'no — will be retried next time' : 'yes'}
                  </dd>
                </dl>
                <button type="button" onClick={anotherDevice}>
                  Restore again on another new device
                </button>
              </section>
            )}
          </>
        ) : (
          <DemoSignInForm submitLabel="Sign in" askPhone={false} defaults={defaults} onSubmit={signIn} />
        )}
      </div>
      <OutboxPanel readOutbox={env.readOutbox} userId={signedIn?.account.userId} />
    </div>
  )
}
