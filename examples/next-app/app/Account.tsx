'use client'
import { useState, type FormEvent } from 'react'
import { BackupScreen } from './BackupScreen'
import { RestoreScreen } from './RestoreScreen'

interface SignedIn {
  userId: string
  isNew: boolean
}

/** The example's own sign-in: a new email signs up (then backs up), a known one is a new device (then restores). */
export function Account() {
  const [user, setUser] = useState<SignedIn | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = new FormData(event.currentTarget).get('email')
    const response = await fetch('/api/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    if (response.ok) setUser((await response.json()) as SignedIn)
  }

  if (done) return <p role="status">{done}</p>
  if (!user) {
    return (
      <form onSubmit={signIn}>
        <label>
          Email <input name="email" type="email" required autoComplete="email" />
        </label>
        <button type="submit">Continue</button>
      </form>
    )
  }
  return user.isNew ? (
    <BackupScreen userId={user.userId} onBackedUp={() => setDone('Your keys are backed up.')} />
  ) : (
    <RestoreScreen onRestored={() => setDone('Your keys are restored on this device.')} />
  )
}
