'use client'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { ChallengeEntry } from '../challenge-entry/ChallengeEntry'
import { classNameFor } from '../challenge-entry/classNameFor'
import type { ChallengeFlowPurpose, ChallengeFlowStatus } from '../flow/ChallengeFlowState'
import { useChallengeFlow } from '../hooks/useChallengeFlow'
import { mergeMessages } from '../messages/mergeMessages'
import { useSSKS2MR } from '../useSSKS2MR'
import type { IdentityFlowPart, IdentityFlowProps } from './IdentityFlowProps'
import { progressText } from './progressText'

const PENDING: ReadonlySet<ChallengeFlowStatus> = new Set(['starting', 'saving', 'verifying', 'renewing'])

/**
 * The view shared by `IdentityBackup` and `IdentityRestore`: `useChallengeFlow` drawn with
 * `ChallengeEntry`, a progress line and error texts from `messages` (keyed by the core error
 * code, never a raw error message). `data-state` on the root is the flow's status; class names
 * are those documented at the top of `styles.css`.
 */
export function IdentityFlow({ purpose, ...props }: IdentityFlowProps & { purpose: ChallengeFlowPurpose }) {
  const { onDone, onError, autoStart = true, resendCooldownSeconds, className, classNames, unstyled, messages: overrides } = props
  const context = useSSKS2MR()
  const messages = useMemo(() => mergeMessages(context.messages, overrides), [context.messages, overrides])
  const { state, start, submitCode, retry, canRetry, resend } = useChallengeFlow({ purpose, onDone, onError, resendCooldownSeconds })
  // Set by "Try again" until a code is typed: keeps the button (inert) while the retry runs, so
  // keyboard and screen reader focus is not dropped to the page when it would unmount.
  const [retrying, setRetrying] = useState(false)
  const titleId = useId()
  const cls = (builtIn: string, part: IdentityFlowPart) => classNameFor(builtIn, unstyled, classNames?.[part])

  // StrictMode runs this twice: the second start() is refused by the reducer (already starting).
  useEffect(() => {
    if (autoStart) start()
  }, [autoStart, start])

  const handleComplete = useCallback((code: string) => {
    setRetrying(false)
    submitCode(code)
  }, [submitCode])
  const handleRetry = useCallback(() => {
    setRetrying(true)
    retry()
  }, [retry])

  const handleResend = useCallback(async () => {
    // Rejecting tells ChallengeEntry not to announce "new code sent" (the error is shown instead).
    if (!(await resend())) throw new Error('resend failed')
  }, [resend])

  const { status, error } = state
  const errorText = error ? messages.flowErrors[error] : undefined
  // Kept during a resend (a destination is known): the field keeps focus and announces the new code.
  const resending = status === 'starting' && state.destination !== null
  const showEntry = status === 'codeRequired' || status === 'verifying' || resending
  // During a resend ChallengeEntry's own button says "sending" and announces the new code.
  const progress = resending ? '' : progressText(status, purpose, state.result?.mustSaveIdentityAgain, messages)
  const pending = PENDING.has(status) && progress !== ''
  const showButton = status === 'error' || (status === 'idle' && !autoStart)
  const showRetry = canRetry || (retrying && status === 'verifying')

  return (
    <section
      className={[classNameFor('ssks-flow', unstyled, classNames?.root), className].filter(Boolean).join(' ') || undefined}
      data-ssks-flow={purpose}
      data-state={status}
      aria-labelledby={titleId}
      aria-busy={PENDING.has(status) || undefined}
    >
      <h2 id={titleId} className={cls('ssks-flow__title', 'title')} data-ssks-flow-title="">
        {purpose === 'backup' ? messages.backupTitle : messages.restoreTitle}
      </h2>
      <p className={cls('ssks-flow__description', 'description')} data-ssks-flow-description="">
        {purpose === 'backup' ? messages.backupDescription : messages.restoreDescription}
      </p>
      {showEntry ? (
        <ChallengeEntry
          destination={state.destination ?? undefined}
          status={status === 'verifying' ? 'verifying' : error ? 'error' : 'idle'}
          error={errorText}
          onComplete={handleComplete}
          onResend={handleResend}
          resendAvailableAt={state.resendAvailableAt ?? undefined}
          autoFocus
          messages={messages}
          classNames={classNames?.challengeEntry}
          unstyled={unstyled}
        />
      ) : null}
      {/* Always in the DOM, so each progress step is announced as it replaces the last. */}
      <p
        className={cls('ssks-flow__status', 'status')}
        data-ssks-flow-status=""
        data-state={status === 'done' ? 'done' : pending ? 'pending' : undefined}
        role="status"
      >
        {pending && !unstyled ? <span className="ssks-spinner" aria-hidden="true" /> : null}
        {progress}
      </p>
      {status === 'error' && errorText ? (
        <p className={cls('ssks-error', 'error')} data-ssks-flow-error={error ?? ''} role="alert">
          {errorText}
        </p>
      ) : null}
      {showRetry ? (
        <div className={cls('ssks-flow__actions', 'actions')} data-ssks-flow-actions="">
          <button
            type="button"
            className={cls('ssks-button', 'button')}
            data-ssks-flow-retry=""
            aria-disabled={!canRetry || undefined}
            onClick={canRetry ? handleRetry : undefined}
          >
            {messages.retry}
          </button>
        </div>
      ) : null}
      {showButton ? (
        <div className={cls('ssks-flow__actions', 'actions')} data-ssks-flow-actions="">
          <button type="button" className={cls('ssks-button', 'button')} data-ssks-flow-button="" onClick={start}>
            {status === 'error' ? messages.retry : purpose === 'backup' ? messages.backupStart : messages.restoreStart}
          </button>
        </div>
      ) : null}
    </section>
  )
}
