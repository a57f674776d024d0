'use client'
import { Fragment } from 'react'
import type { RenderProps } from 'input-otp'
import { CHALLENGE_LENGTH } from '../../core/protocol/constants'
import { classNameFor } from './classNameFor'
import type { ChallengeEntryPart } from './ChallengeEntryProps'

interface ChallengeSlotsProps extends RenderProps {
  classNames: Partial<Record<ChallengeEntryPart, string>> | undefined
  unstyled: boolean | undefined
}

/**
 * The 8 drawn boxes, 4 + 4 around a separator. Pure decoration over the one real input
 * (input-otp lays that input on top of them), so the whole row is `aria-hidden`: screen readers
 * read the input's own value once, not eight boxes and a dash.
 */
export function ChallengeSlots({ slots, classNames, unstyled }: ChallengeSlotsProps) {
  return (
    <div className={classNameFor('ssks-challenge__slots', unstyled, classNames?.slots)} data-ssks-slots="" aria-hidden="true">
      {slots.map((slot, index) => (
        <Fragment key={index}>
          {index === CHALLENGE_LENGTH / 2 && (
            <div className={classNameFor('ssks-challenge__separator', unstyled, classNames?.separator)} data-ssks-separator="" />
          )}
          <div
            className={classNameFor('ssks-challenge__slot', unstyled, classNames?.slot)}
            data-ssks-slot=""
            data-state={slot.isActive ? 'active' : slot.char !== null ? 'filled' : 'empty'}
            data-filled={slot.char !== null ? '' : undefined}
            data-active={slot.isActive ? '' : undefined}
          >
            {slot.char}
            {slot.hasFakeCaret && (
              <div className={classNameFor('ssks-challenge__caret', unstyled, classNames?.caret)} data-ssks-caret="" />
            )}
          </div>
        </Fragment>
      ))}
    </div>
  )
}
