'use client'
import { Fragment } from 'react'
import { CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { classNameFor } from '../classNameFor'
import type { ChallengeEntryPart } from './ChallengeEntryProps'
import type { InputSelection } from './readInputSelection'

interface ChallengeSlotsProps {
  /** What the real input holds (raw composing text while an IME composes). */
  text: string
  /** The input's selection, or `null` when it does not have the focus. */
  selection: InputSelection | null
  classNames: Partial<Record<ChallengeEntryPart, string>> | undefined
  unstyled: boolean | undefined
}

/**
 * The 8 drawn boxes, 4 + 4 around a separator. Pure decoration under the one real input (laid
 * over them by styles.css), so the whole row is `aria-hidden`: screen readers read the input's
 * own value once, not eight boxes and a dash. Drawn from the value and selection alone.
 */
export function ChallengeSlots({ text, selection, classNames, unstyled }: ChallengeSlotsProps) {
  const characters = Array.from(text)
  const isActive = activeSlots(selection, characters.length)
  return (
    <div
      className={classNameFor('ssks-challenge__slots', unstyled, classNames?.slots)}
      data-ssks-slots=""
      aria-hidden="true"
    >
      {Array.from({ length: CHALLENGE_LENGTH }, (_, index) => {
        const character = characters[index]
        const active = isActive(index)
        return (
          <Fragment key={index}>
            {index === CHALLENGE_LENGTH / 2 && (
              <div
                className={classNameFor('ssks-challenge__separator', unstyled, classNames?.separator)}
                data-ssks-separator=""
              />
            )}
            <div
              className={classNameFor('ssks-challenge__slot', unstyled, classNames?.slot)}
              data-ssks-slot=""
              data-state={active ? 'active' : character !== undefined ? 'filled' : 'empty'}
              data-filled={character !== undefined ? '' : undefined}
              data-active={active ? '' : undefined}
            >
              {character}
              {active && character === undefined && (
                <div
                  className={classNameFor('ssks-challenge__caret', unstyled, classNames?.caret)}
                  data-ssks-caret=""
                />
              )}
            </div>
          </Fragment>
        )
      })}
    </div>
  )
}

/**
 * Which boxes show as active: the selected ones, or for a plain caret the box the next character
 * goes in — the last box once the code is complete, so the focus stays visible. Clamped to the
 * text, since a value changed from outside may leave a stale selection for one render.
 */
function activeSlots(selection: InputSelection | null, length: number): (index: number) => boolean {
  if (selection === null) return () => false
  const start = Math.min(selection.start, length)
  const end = Math.min(selection.end, length)
  if (start === end) {
    const caretSlot = Math.min(start, CHALLENGE_LENGTH - 1)
    return (index) => index === caretSlot
  }
  return (index) => index >= start && index < end
}
