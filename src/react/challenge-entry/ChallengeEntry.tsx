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
  type CompositionEvent,
  type FormEvent,
} from 'react'
import { CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { maskAuthFactor } from '../../core/maskAuthFactor'
import { challengeEntryMessagesEn } from '../messages/challengeEntry'
import { ChallengeSlots } from './ChallengeSlots'
import type { ChallengeEntryProps } from './ChallengeEntryProps'
import { classNameFor } from '../classNameFor'
import { describeNotice } from './describeNotice'
import { formatMessage } from '../messages/formatMessage'
import {
  interpretChallengeInput,
  pasteIntoChallenge,
  typeIntoChallenge,
  type ChallengeInputNotice,
  type ChallengeInputResult,
} from './interpretChallengeInput'
import { isolateBidi } from './isolateBidi'
import { normalizeChallengeInput } from './normalizeChallengeInput'
import { readInputSelection, sameSelection, type InputSelection } from './readInputSelection'
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
 * One real, transparent `<input>` laid over 8 drawn boxes: typing, paste, autofill and screen readers all
 * deal with a single ordinary text field. Input is accepted, normalised (NFKC, lower case, no
 * separators), then validated against the challenge alphabet; refused characters are shown and
 * announced, never dropped silently. A complete code calls `onComplete` once.
 *
 * @example
 * <ChallengeEntry destination={{ type: 'EM', value: email }} status={status} error={errorText}
 *   onComplete={(code) => verify(code)} onResend={resend} resendAvailableAt={cooldown.availableAt} />
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
    resending,
    resendAvailableAt,
    disabled = false,
    autoFocus,
    messages: messageOverrides,
    classNames,
    unstyled,
    id,
    name,
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
  const value = useMemo(
    () => (controlledValue !== undefined ? toCode(controlledValue) : ownValue),
    [controlledValue, ownValue],
  )
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

  // The input's caret/selection as the boxes draw it (`null`: not focused). The ref holds what was
  // last set, so an unchanged selection never calls setState: after a commit React renders once
  // more for the first no-op update before bailing out (facebook/react#14994).
  const [selection, setSelection] = useState<InputSelection | null>(null)
  const selectionRef = useRef<InputSelection | null>(null)
  const showSelection = useCallback(
    (input: HTMLInputElement, focused = input.ownerDocument.activeElement === input) => {
      const next = readInputSelection(input, focused)
      if (sameSelection(next, selectionRef.current)) return
      selectionRef.current = next
      setSelection(next)
    },
    [],
  )

  const locked = status === 'verifying' || status === 'success'
  const masked =
    destination === undefined ? undefined : typeof destination === 'string' ? destination : maskAuthFactor(destination)

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

  /**
   * Puts `result` in the real input and commits it, with the selection the browser left (or
   * `caretAtEnd`), in one render: value and boxes never go out of step for a frame.
   */
  const apply = (input: HTMLInputElement, result: ChallengeInputResult, caretAtEnd = false) => {
    const next = result.value ?? committedRef.current
    // Through React's own value setter: React then sees no change left to report, and the
    // controlled value rendered next equals what is already in the DOM (caret stays put).
    if (input.value !== next) input.value = next
    if (caretAtEnd) placeCaretAtEnd(input)
    showSelection(input)
    commit(next, result.notice)
  }

  const handleInput = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const raw = input.value
    const nativeEvent = event.nativeEvent as InputEvent
    if (composingRef.current || nativeEvent.isComposing) {
      setComposingText(raw)
      showSelection(input)
      return
    }
    // Nothing changed (an autofill repeating the value, Safari's input event after compositionend).
    if (raw === committedRef.current && composingText === null) return
    if (composingText !== null) setComposingText(null)
    const typed =
      nativeEvent.inputType?.startsWith('insert') && typeof nativeEvent.data === 'string' ? nativeEvent.data : null
    apply(input, typeIntoChallenge(raw, typed))
  }

  const handleCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    composingRef.current = false
    setComposingText(null)
    apply(event.currentTarget, typeIntoChallenge(event.currentTarget.value, event.data ?? null))
  }

  // Pasted text is read whole from the clipboard instead of being inserted at the caret, so a
  // sentence ("Your code is ABCD-EFGH.") yields its code and a pasted code replaces a half-typed one.
  const handlePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    if (input.readOnly || input.disabled) return
    const text = event.clipboardData?.getData('text/plain') ?? ''
    event.preventDefault()
    const current = committedRef.current
    const start = input.selectionStart ?? current.length
    const end = input.selectionEnd ?? current.length
    apply(input, pasteIntoChallenge(current, start, end, text), true)
  }

  // The boxes follow the caret through the events that move it without an `input` event
  // (arrows, clicks, select-all, focus). The same selection read again sets no state.
  useEffect(() => {
    const input = inputRef.current
    if (!input) return
    const ownerDocument = input.ownerDocument
    const follow = (event: Event) => {
      if (event.type === 'focus') placeCaretAtEnd(input)
      showSelection(input, event.type === 'blur' ? false : undefined)
    }
    const inputEvents = ['focus', 'blur', 'select', 'keyup', 'mouseup'] as const
    for (const type of inputEvents) input.addEventListener(type, follow)
    ownerDocument.addEventListener('selectionchange', follow)
    // Filled before this effect ran (browser-restored form state, an autofill before hydration).
    if (input.value !== committedRef.current && !composingRef.current)
      applyRef.current(input, interpretChallengeInput(input.value))
    else showSelection(input)
    return () => {
      for (const type of inputEvents) input.removeEventListener(type, follow)
      ownerDocument.removeEventListener('selectionchange', follow)
    }
  }, [showSelection])
  const applyRef = useRef(apply)
  useEffect(() => {
    applyRef.current = apply
  })

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
    showSelection(input)
  }, [status, error, showSelection])

  // Only a change of state is news; a re-render with new message objects is not: the strings are read
  // through a ref kept current by the effect before.
  const messagesRef = useRef(messages)
  useEffect(() => {
    messagesRef.current = messages
  })
  useEffect(() => {
    if (status === 'verifying') announce(messagesRef.current.verifying)
    else if (status === 'error' && error) announce(error)
    else if (status === 'success') announce(messagesRef.current.success)
  }, [status, error, announce])

  const handleResend = useCallback(() => {
    const input = inputRef.current
    setComposingText(null)
    // Emptied in the DOM first, so the focus that follows puts the caret in the first box.
    if (input) applyRef.current(input, { value: '', notice: null })
    else commitRef.current('', null)
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
  const maskedRef = useRef(masked)
  useEffect(() => {
    commitRef.current = commit
    onResendRef.current = onResend
    maskedRef.current = masked
  })
  // A resend the caller tracks (`resending`) went out when it ends without an error.
  const wasResending = useRef(false)
  useEffect(() => {
    if (wasResending.current && !resending && !error) handleSent()
    wasResending.current = resending === true
  }, [resending, error, handleSent])

  const describedBy = [hintId, masked !== undefined ? destinationId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ')

  return (
    <div
      className={classNameFor('ssks-challenge', unstyled, classNames?.root)}
      data-ssks-challenge=""
      data-state={status}
      data-disabled={disabled ? '' : undefined}
      data-complete={value.length === CHALLENGE_LENGTH ? '' : undefined}
      aria-busy={status === 'verifying' || undefined}
    >
      <label
        id={labelId}
        htmlFor={inputId}
        className={classNameFor('ssks-challenge__label', unstyled, classNames?.label)}
        data-ssks-label=""
      >
        {messages.label}
      </label>
      {masked !== undefined && (
        <p
          id={destinationId}
          className={classNameFor('ssks-challenge__destination', unstyled, classNames?.destination)}
          data-ssks-destination=""
        >
          {formatMessage(messages.destination, { destination: isolateBidi(masked) })}
        </p>
      )}
      {/* Codes read left to right whatever the page direction (shadcn-ui/ui#11201), and page
          translation must not rewrite the boxes under React (facebook/react#11538). */}
      <div
        className={[classNameFor('ssks-challenge__field', unstyled, classNames?.field), 'notranslate']
          .filter(Boolean)
          .join(' ')}
        data-ssks-field=""
        dir="ltr"
        translate="no"
      >
        <ChallengeSlots
          text={composingText ?? value}
          selection={selection}
          classNames={classNames}
          unstyled={unstyled}
        />
        {/* Transparent and laid over the boxes by styles.css (rules keyed on data-ssks-input, so
            they hold in unstyled mode too). No maxlength: it would cut an autofilled or dictated
            "ABCD-EFGH" before any event sees it; typeIntoChallenge refuses a 9th typed character. */}
        <input
          ref={inputRef}
          id={inputId}
          name={name}
          type="text"
          className={classNameFor('ssks-challenge__input', unstyled, classNames?.input)}
          data-ssks-input=""
          value={composingText ?? value}
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
          onInput={handleInput}
          onPaste={handlePaste}
          onCompositionStart={() => {
            composingRef.current = true
          }}
          onCompositionEnd={handleCompositionEnd}
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
        <p
          id={errorId}
          className={classNameFor('ssks-challenge__error', unstyled, classNames?.error)}
          data-ssks-error=""
        >
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
          availableAt={resendAvailableAt}
          sending={resending}
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
 * Caret after the last character, or the last character selected once the code is complete (so
 * typing replaces it instead of being refused): what focusing or pasting into a code field means.
 */
function placeCaretAtEnd(input: HTMLInputElement): void {
  const length = input.value.length
  input.setSelectionRange(Math.min(length, CHALLENGE_LENGTH - 1), length)
}

function toCode(raw: string): string {
  return normalizeChallengeInput(raw).characters.slice(0, CHALLENGE_LENGTH)
}
