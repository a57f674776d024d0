'use client'
import { useEffect, useId, useMemo } from 'react'
import { ChallengeEntry } from '../challenge-entry/ChallengeEntry'
import { classNameFor } from '../challenge-entry/classNameFor'
import type { ChallengeFlowPurpose } from '../flow/ChallengeFlowState'
import { useChallengeFlow } from '../hooks/useChallengeFlow'
import { mergeMessages } from '../messages/mergeMessages'
import { useSSKS2MR } from '../useSSKS2MR'
import type { IdentityFlowProps } from './IdentityFlowProps'

/**
 * The view shared by `IdentityBackup` and `IdentityRestore`: `useChallengeFlow` drawn with
 * `ChallengeEntry`, progress lines and error texts from `messages` (keyed by the core error
 * code, never a raw error message). `data-state` on the root is the flow's status.
 */
export function IdentityFlow({ purpose, ...props }: IdentityFlowProps & { purpose: ChallengeFlowPurpose }) {
  const { onDone, onError, autoStart = true, resendCooldownSeconds, className, classNames, unstyled, messages: overrides } = props
  const context = useSSKS2MR()
  const messages = useMemo(() => mergeMessages(context.messages, overrides), [context.messages, overrides])
  const flow = useChallengeFlow({ purpose, onDone, onError, resendCooldownSeconds })
  const { state, start, submitCode, resend } = flow
  const titleId = useId()
  const cls = (part: keyof NonNullable<typeof classNames> & string, builtIn: string) =>
    classNameFor(builtIn, unstyled, part === 'challengeEntry' ? undefined : classNames?.[part])

  // StrictMode runs this twice: the second start() is refused by the reducer (already starting).
  useEffect(() => {
    if (autoStart) start()
  }, [autoStart, start])

  const handleResend = useMemo(
    () => async () => {
      // Rejecting tells ChallengeEntry not to announce "new code sent" (the error is shown instead).
      if (!(await resend())) throw new Error('resend failed')
    },
    [resend],
  )

  const { status, error } = state
  const errorText = error ? messages.flowErrors[error] : undefined
  // Kept during a resend (a destination is known): the field keeps focus and announces the new code.
  const resending = status === 'starting' && state.destination !== null
  const showEntry = status === 'codeRequired' || status === 'verifying' || resending
  const progress =
    resending ? ''
    : status === 'starting' ? messages.flowStarting
    : status === 'saving' ? messages.flowSaving
    : status === 'verifying' ? (purpose === 'restore' ? messages.flowRestoring : messages.flowSaving)
    : status === 'renewing' ? messages.flowRenewing
    : status === 'done' ? doneText(state.result?.mustSaveIdentityAgain, purpose, messages)
    : ''

  return (
    <section
      className={[classNameFor('ssks-flow', unstyled, classNames?.root), className].filter(Boolean).join(' ') || undefined}
      data-ssks-flow={purpose}
      data-state={status}
      aria-labelledby={titleId}
      aria-busy={status === 'starting' || status === 'saving' || status === 'verifying' || status === 'renewing' || undefined}
    >
      <h2 id={titleId} className={cls('title', 'ssks-flow__title')} data-ssks-flow-title="">
        {purpose === 'backup' ? messages.backupTitle : messages.restoreTitle}
      </h2>
      {showEntry ? (
        <ChallengeEntry
          destination={state.destination ?? undefined}
          status={status === 'verifying' ? 'verifying' : error ? 'error' : 'idle'}
          error={errorText}
          onComplete={submitCode}
          onResend={handleResend}
          resendAvailableAt={state.resendAvailableAt ?? undefined}
          autoFocus
          messages={messages}
          classNames={classNames?.challengeEntry}
          unstyled={unstyled}
        />
      ) : null}
      {/* Polite, and always in the DOM, so each progress step is announced as it replaces the last. */}
      <p className={cls('status', 'ssks-flow__status')} data-ssks-flow-status="" role="status" aria-live="polite">
        {status === 'verifying' ? '' : progress}
      </p>
      {status === 'error' && errorText ? (
        <p className={cls('error', 'ssks-flow__error')} data-ssks-flow-error={error ?? ''} role="alert">
          {errorText}
        </p>
      ) : null}
      {status === 'error' || (status === 'idle' && !autoStart) ? (
        <button type="button" className={cls('button', 'ssks-flow__button')} data-ssks-flow-button="" onClick={start}>
          {status === 'error' ? messages.retry : purpose === 'backup' ? messages.backupStart : messages.restoreStart}
        </button>
      ) : null}
    </section>
  )
}

function doneText(notResaved: boolean | undefined, purpose: ChallengeFlowPurpose, messages: { backupDone: string; restoreDone: string; restoreDoneNotResaved: string }) {
  if (purpose === 'backup') return messages.backupDone
  return notResaved ? messages.restoreDoneNotResaved : messages.restoreDone
}
