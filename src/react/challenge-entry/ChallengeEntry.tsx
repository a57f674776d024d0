'use client'
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FormEvent,
} from 'react'
import { OTPInput, type RenderProps } from 'input-otp'
import { CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { maskAuthFactor } from '../../core/maskAuthFactor'
import { challengeEntryMessagesEn } from '../messages/challengeEntry'
import { ChallengeSlots } from './ChallengeSlots'
import type { ChallengeEntryProps } from './ChallengeEntryProps'
import { classNameFor } from './classNameFor'
import { describeNotice } from './describeNotice'
import { formatMessage } from './formatMessage'
import { interpretChallengeInput, pasteIntoChallenge, type ChallengeInputNotice, type ChallengeInputResult } from './interpretChallengeInput'
import { isolateBidi } from './isolateBidi'
import { normalizeChallengeInput } from './normalizeChallengeInput'
import { ResendButton } from './ResendButton'

/** Visually hidden but read by screen readers; inline so it holds in `unstyled` mode too. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const

/**
 * The field for the 8-character code SSKS sends by email or SMS.
 *
 * One real `<input>` (input-otp) under 8 drawn boxes: typing, paste, autofill and screen readers all
 * deal with a single ordinary text field. Input is accepted, normalised (NFKC, lower case, no
 * separators), then validated against the challenge alphabet; refused characters are shown and
 * announced, never dropped silently. A complete code calls `onComplete` once.
 *
 * @example
 * <ChallengeEntry destination={{ type: 'EM', value: email }} status={status} error={errorText}
 *   onComplete={(code) => verify(code)} onResend={resend} resendCooldownSeconds={30} />
 */
export const ChallengeEntry = forwardRef<HTMLInputElement, ChallengeEntryProps>(function ChallengeEntry(
  {
    value: controlledValue,
    defaultValue,
    onChange,
    onComplete,
    status = 'idle',
    error,
    destination,
    onResend,
    resendAvailableAt,
    resendRemainingSeconds,
    resendCooldownSeconds,
    disabled = false,
    autoFocus,
    messages: messageOverrides,
    classNames,
    unstyled,
    id,
    name,
    nonce,
  },
  forwardedRef,
) {
  const messages = useMemo(() => ({ ...challengeEntryMessagesEn, ...messageOverrides }), [messageOverrides])
  const baseId = useId()
  const inputId = id ?? `${baseId}input`
  const labelId = `${baseId}label`
  const hintId = `${baseId}hint`
  const destinationId = `${baseId}destination`
  const errorId = `${baseId}error`

  const [ownValue, setOwnValue] = useState(() => toCode(defaultValue ?? ''))
  const value = useMemo(() => (controlledValue !== undefined ? toCode(controlledValue) : ownValue), [controlledValue, ownValue])
  // While an IME composes, its raw text is shown untouched: rewriting the value mid-composition is
  // what makes IMEs insert characters twice (chakra-ui/chakra-ui#4584, mui/base-ui#5091,
  // ant-design/ant-design#58216). It is normalised once, on compositionend.
  const [composingText, setComposingText] = useState<string | null>(null)
  const [notice, setNotice] = useState<ChallengeInputNotice | null>(null)
  // `id` changes with every announcement so the same sentence twice is still read twice.
  const [announcement, setAnnouncement] = useState({ text: '', id: 0 })

  const inputRef = useRef<HTMLInputElement>(null)
  useImperativeHandle(forwardedRef, () => inputRef.current as HTMLInputElement, [])
  const composingRef = useRef(false)
  const mountedRef = useRef(false)
  // The value as of the last commit, updated synchronously: two events can arrive before React
  // re-renders (Safari sends an input event right after compositionend), and the second must
  // compare against what the first committed, not against the value rendered before both.
  const committedRef = useRef(value)
  useEffect(() => {
    committedRef.current = value
  })
  // The last code handed to onComplete: the same code never submits twice in a row (double
  // events, paste + input, StrictMode), a different or re-typed one does.
  const completedRef = useRef<string | null>(value.length === CHALLENGE_LENGTH ? value : null)

  // input-otp finds password-manager badges with document.elementFromPoint, which DOMs without
  // layout (jsdom: jsdom/jsdom#1435) lack: it would throw from a timer as soon as the field is
  // focused in an app's own jsdom tests. Switched on after mount, where the API is checked.
  const [canFindBadges, setCanFindBadges] = useState(false)
  useEffect(() => {
    setCanFindBadges(typeof document.elementFromPoint === 'function')
  }, [])

  const locked = status === 'verifying' || status === 'success'
  const masked = destination === undefined ? undefined : typeof destination === 'string' ? destination : maskAuthFactor(destination)

  const announce = useCallback((text: string) => setAnnouncement((previous) => ({ text, id: previous.id + 1 })), [])

  // Identical setState calls are skipped on purpose: after a commit React renders once more for the
  // first no-op update before bailing out (facebook/react#14994), which would double the commits per keystroke.
  const commit = (next: string, nextNotice: ChallengeInputNotice | null) => {
    if (nextNotice !== null || notice !== null) setNotice(nextNotice)
    if (nextNotice) announce(describeNotice(nextNotice, messages))
    if (next !== committedRef.current) {
      committedRef.current = next
      if (controlledValue === undefined) setOwnValue(next)
      onChange?.(next)
    }
    if (next.length < CHALLENGE_LENGTH) completedRef.current = null
    else if (next !== completedRef.current && !locked && !disabled) {
      completedRef.current = next
      onComplete?.(next)
    }
  }

  /** Puts `result` in the real input, places the caret like input-otp does, and commits it. */
  const apply = (input: HTMLInputElement, result: ChallengeInputResult) => {
    const next = result.value ?? committedRef.current
    if (input.value !== next) input.value = next
    input.setSelectionRange(Math.min(next.length, CHALLENGE_LENGTH - 1), next.length)
    syncSlotSelection()
    commit(next, result.notice)
  }

  // React runs `onInput` listeners before `onChange` ones for the same native event, so input-otp's
  // change listener only ever sees an already-normalised value (it cuts the raw value to 8
  // characters first, which would turn an autofilled "ABCD-EFGH" into "abcdefg"). Not the capture
  // phase: React flushes the capture phase's updates before the bubble phase, which would commit
  // each keystroke twice.
  const handleInput = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const raw = input.value
    if (composingRef.current || (event.nativeEvent as InputEvent).isComposing) {
      setComposingText(raw)
      return
    }
    // input-otp re-dispatches plain `input` events to clear :autofill styling: nothing changed then.
    if (raw === committedRef.current && composingText === null) return
    if (composingText !== null) setComposingText(null)
    const result = interpretChallengeInput(raw)
    const next = result.value ?? committedRef.current
    if (raw !== next) {
      // Through React's own value setter: React then sees no change left to report, and the
      // controlled value rendered next equals what is already in the DOM (caret stays put).
      input.value = next
    }
    syncSlotSelection()
    commit(next, result.notice)
  }

  const handleCompositionEnd = (event: { currentTarget: HTMLInputElement }) => {
    composingRef.current = false
    const input = event.currentTarget
    setComposingText(null)
    const result = interpretChallengeInput(input.value)
    const next = result.value ?? committedRef.current
    if (input.value !== next) input.value = next
    syncSlotSelection()
    commit(next, result.notice)
  }

  // Pasted text is read whole from the clipboard, before the browser's maxlength can cut it, so a
  // sentence ("Your code is ABCD-EFGH.") yields its code.
  const handlePasteCapture = (event: ClipboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    if (input.readOnly || input.disabled) return
    const text = event.clipboardData?.getData('text/plain') ?? ''
    event.preventDefault()
    // input-otp's own paste handler (an iOS fix) would insert the raw text again, cut at 8.
    event.stopPropagation()
    const current = committedRef.current
    const start = input.selectionStart ?? current.length
    const end = input.selectionEnd ?? current.length
    apply(input, pasteIntoChallenge(current, start, end, text))
  }

  // Multi-character insertions that are not pastes (dictation, keyboard suggestions, some
  // autofills, `insertText`) hit the input's maxlength before any `input` event: catch them in
  // `beforeinput` so "ABCD-EFGH" does not arrive as "ABCD-EFG". A native listener, because
  // React's onBeforeInput is a different, polyfilled event without `inputType`.
  const applyRef = useRef(apply)
  useEffect(() => {
    applyRef.current = apply
  })
  useEffect(() => {
    const input = inputRef.current
    if (!input) return
    const handleBeforeInput = (event: InputEvent) => {
      if (composingRef.current || event.isComposing || !event.inputType.startsWith('insert')) return
      if (event.inputType === 'insertCompositionText' || input.readOnly || input.disabled) return
      const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? ''
      const start = input.selectionStart ?? input.value.length
      const end = input.selectionEnd ?? input.value.length
      const room = CHALLENGE_LENGTH - (input.value.length - (end - start))
      if (text.length <= 1 || text.length <= room) return
      event.preventDefault()
      applyRef.current(input, pasteIntoChallenge(committedRef.current, start, end, text))
    }
    input.addEventListener('beforeinput', handleBeforeInput)
    return () => input.removeEventListener('beforeinput', handleBeforeInput)
  }, [])

  // input-otp calls onChange from its change listener (already handled in handleInput) and
  // once on mount when the browser filled the field before hydration (restored form state, an early
  // autofill): only that one is taken here. Its child effect runs before this component's effects.
  const handleOtpChange = () => {
    const input = inputRef.current
    if (mountedRef.current || !input) return
    const result = interpretChallengeInput(input.value)
    commit(result.value ?? committedRef.current, result.notice)
  }
  useEffect(() => {
    mountedRef.current = true
    return () => {
      mountedRef.current = false
    }
  }, [])

  // A value emptied from outside (new session, reset) may complete with the same code again.
  useEffect(() => {
    if (value.length < CHALLENGE_LENGTH) completedRef.current = null
  }, [value])

  // Wrong code: keep it and select it all, so typing replaces it and a screen reader reads it back.
  useEffect(() => {
    const input = inputRef.current
    if (status !== 'error' || !input || input.disabled) return
    input.focus({ preventScroll: true })
    input.setSelectionRange(0, input.value.length)
    syncSlotSelection()
  }, [status, error])

  useEffect(() => {
    if (status === 'verifying') announce(messages.verifying)
    else if (status === 'error' && error) announce(error)
    else if (status === 'success') announce(messages.success)
    // Only a change of state is news; a re-render with new message objects is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, error, announce])

  const handleResend = useCallback(() => {
    const input = inputRef.current
    setComposingText(null)
    commitRef.current('', null)
    input?.focus({ preventScroll: true })
    return onResendRef.current?.()
  }, [])
  const handleSent = useCallback(() => {
    const { codeSent, codeSentNoDestination } = messagesRef.current
    const where = maskedRef.current
    announce(where === undefined ? codeSentNoDestination : formatMessage(codeSent, { destination: isolateBidi(where) }))
  }, [announce])
  const commitRef = useRef(commit)
  const onResendRef = useRef(onResend)
  const messagesRef = useRef(messages)
  const maskedRef = useRef(masked)
  useEffect(() => {
    commitRef.current = commit
    onResendRef.current = onResend
    messagesRef.current = messages
    maskedRef.current = masked
  })

  const describedBy = [hintId, masked !== undefined ? destinationId : null, error ? errorId : null].filter(Boolean).join(' ')
  const renderSlots = (renderProps: RenderProps) => <ChallengeSlots {...renderProps} classNames={classNames} unstyled={unstyled} />

  return (
    <div
      className={classNameFor('ssks-challenge', unstyled, classNames?.root)}
      data-ssks-challenge=""
      data-state={status}
      data-disabled={disabled ? '' : undefined}
      data-complete={value.length === CHALLENGE_LENGTH ? '' : undefined}
      aria-busy={status === 'verifying' || undefined}
    >
      <label id={labelId} htmlFor={inputId} className={classNameFor('ssks-challenge__label', unstyled, classNames?.label)} data-ssks-label="">
        {messages.label}
      </label>
      {masked !== undefined && (
        <p id={destinationId} className={classNameFor('ssks-challenge__destination', unstyled, classNames?.destination)} data-ssks-destination="">
          {formatMessage(messages.destination, { destination: isolateBidi(masked) })}
        </p>
      )}
      {/* Codes read left to right whatever the page direction (shadcn-ui/ui#11201), and page
          translation must not rewrite the boxes under React (input-otp sets translate="no" on its
          own container for the same reason; facebook/react#11538). */}
      <div
        className={[classNameFor('ssks-challenge__field', unstyled, classNames?.field), 'notranslate'].filter(Boolean).join(' ')}
        data-ssks-field=""
        dir="ltr"
        translate="no"
      >
        <OTPInput
          ref={inputRef}
          id={inputId}
          name={name}
          value={composingText ?? value}
          onChange={handleOtpChange}
          maxLength={CHALLENGE_LENGTH}
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          dir="ltr"
          translate="no"
          disabled={disabled}
          readOnly={locked}
          autoFocus={autoFocus}
          aria-invalid={status === 'error' || undefined}
          aria-describedby={describedBy}
          // Password-manager badges sit on the input's right edge, over the last box
          // (guilhermerodz/input-otp#30): input-otp's default 'increase-width' strategy widens the
          // input past the boxes when it detects one; styles.css leaves the room it needs.
          pushPasswordManagerStrategy={canFindBadges ? 'increase-width' : 'none'}
          // No inline <noscript><style>: blocked by a strict CSP anyway; styles.css has the
          // no-JavaScript fallback under `@media (scripting: none)`.
          noScriptCSSFallback={null}
          nonce={nonce}
          onInput={handleInput}
          onPasteCapture={handlePasteCapture}
          onCompositionStart={() => {
            composingRef.current = true
          }}
          onCompositionEnd={handleCompositionEnd}
          render={renderSlots}
        />
      </div>
      <p
        id={hintId}
        className={classNameFor('ssks-challenge__hint', unstyled, classNames?.hint)}
        data-ssks-hint=""
        data-state={notice ? notice.kind : 'default'}
      >
        {notice ? describeNotice(notice, messages) : messages.hint}
      </p>
      {error ? (
        <p id={errorId} className={classNameFor('ssks-challenge__error', unstyled, classNames?.error)} data-ssks-error="">
          {error}
        </p>
      ) : null}
      {status === 'success' ? (
        <p className={classNameFor('ssks-challenge__success', unstyled, classNames?.success)} data-ssks-success="">
          {messages.success}
        </p>
      ) : null}
      {onResend ? (
        <ResendButton
          onResend={handleResend}
          onSent={handleSent}
          remainingSeconds={resendRemainingSeconds}
          availableAt={resendAvailableAt}
          cooldownSeconds={resendCooldownSeconds}
          disabled={disabled || locked}
          messages={messages}
          className={classNameFor('ssks-challenge__resend', unstyled, classNames?.resend)}
        />
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true" data-ssks-live="" style={VISUALLY_HIDDEN}>
        {announcement.text ? <span key={announcement.id}>{announcement.text}</span> : null}
      </div>
    </div>
  )
})

/**
 * Lets input-otp re-read the selection inside the same event, so the highlighted box moves in
 * the same commit as the new value instead of a second commit when the browser's
 * `selectionchange` arrives (input-otp itself dispatches this event after deletions).
 */
function syncSlotSelection(): void {
  document.dispatchEvent(new Event('selectionchange'))
}

function toCode(raw: string): string {
  return normalizeChallengeInput(raw).characters.slice(0, CHALLENGE_LENGTH)
}
