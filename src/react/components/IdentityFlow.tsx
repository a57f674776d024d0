'use client'
import { useEffect, useId, useMemo } from 'react'
import { ChallengeEntry } from '../challenge-entry/ChallengeEntry'
import { classNameFor } from '../classNameFor'
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
  const {
    onDone,
    onError,
    autoStart = true,
    resendCooldownSeconds,
    className,
    classNames,
    unstyled,
    messages: overrides,
  } = props
  const context = useSSKS2MR()
  const messages = useMemo(() => mergeMessages(context.messages, overrides), [context.messages, overrides])
  const { state, start, submitCode, retry, resend } = useChallengeFlow({
    purpose,
    onDone,
    onError,
    resendCooldownSeconds,
  })
  const titleId = useId()
  const cls = (builtIn: string, part: IdentityFlowPart) => classNameFor(builtIn, unstyled, classNames?.[part])

  // StrictMode runs this twice: the second start() is refused by the reducer (already starting).
  useEffect(() => {
    if (autoStart) start()
  }, [autoStart, start])

  const { status, error, canRetry, retrying, resending } = state
  const errorText = error ? messages.flowErrors[error] : undefined
  // Kept during a resend: the field keeps focus and announces the new code.
  const showEntry = status === 'codeRequired' || status === 'verifying' || resending
  // During a resend ChallengeEntry's own button says "sending" and announces the new code.
  const progress = resending ? '' : progressText(status, purpose, state.result?.mustSaveIdentityAgain, messages)
  const pending = PENDING.has(status) && progress !== ''
  const showButton = status === 'error' || (status === 'idle' && !autoStart)
  // Kept (inert) while a retry runs, so keyboard and screen reader focus is not dropped to the page.
  const showRetry = canRetry || retrying

  return (
    <section
      className={
        [classNameFor('ssks-flow', unstyled, classNames?.root), className].filter(Boolean).join(' ') || undefined
      }
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
          onComplete={submitCode}
          onResend={resend}
          resending={resending}
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
            onClick={canRetry ? retry : undefined}
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
