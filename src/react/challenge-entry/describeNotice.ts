import type { ChallengeEntryMessages } from '../messages/challengeEntry'
import { formatMessage } from '../messages/formatMessage'
import type { ChallengeInputNotice } from './interpretChallengeInput'

/** The localised text of a notice about refused input. */
export function describeNotice(notice: ChallengeInputNotice, messages: ChallengeEntryMessages): string {
  if (notice.kind === 'noCode') return messages.noCodeFound
  const characters = notice.characters
    .map((character) => formatMessage(messages.refusedCharacter, { character }))
    .join(', ')
  return formatMessage(messages.refusedCharacters, { characters })
}
