import { useId, useState, type FormEvent } from 'react'
import type { AuthFactorType } from '../../src/core/types'

export interface DemoSignInValues {
  email: string
  phone: string
  factor: AuthFactorType
}

/** The demo app's own sign-up / sign-in form (what a real app already has), plus the 2MR factor choice. */
export function DemoSignInForm({
  submitLabel,
  askPhone,
  defaults,
  onSubmit,
}: {
  submitLabel: string
  /** Sign-up asks for a phone number (for the SMS factor); sign-in reuses the stored one. */
  askPhone: boolean
  defaults: DemoSignInValues
  onSubmit: (values: DemoSignInValues) => Promise<void>
}) {
  const [values, setValues] = useState(defaults)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const id = useId()

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      await onSubmit(values)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Could not sign in')
      setBusy(false)
    }
  }

  return (
    <form className="live-form" onSubmit={handleSubmit} aria-busy={busy || undefined}>
      <label htmlFor={`${id}email`}>
        Email
        <input
          id={`${id}email`}
          type="email"
          required
          autoComplete="email"
          value={values.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
      </label>
      {askPhone && (
        <label htmlFor={`${id}phone`}>
          Mobile phone (for codes by SMS)
          <input
            id={`${id}phone`}
            type="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={(e) => setValues({ ...values, phone: e.target.value })}
          />
        </label>
      )}
      <fieldset>
        <legend>Send codes by</legend>
        <label>
          <input
            type="radio"
            name={`${id}factor`}
            value="EM"
            checked={values.factor === 'EM'}
            onChange={() => setValues({ ...values, factor: 'EM' })}
          />
          Email
        </label>
        <label>
          <input
            type="radio"
            name={`${id}factor`}
            value="SMS"
            checked={values.factor === 'SMS'}
            onChange={() => setValues({ ...values, factor: 'SMS' })}
          />
          SMS
        </label>
      </fieldset>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
      {failure && <p role="alert">{failure}</p>}
    </form>
  )
}
