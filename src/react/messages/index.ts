import { challengeEntryMessagesEn, challengeEntryMessagesFr, type ChallengeEntryMessages } from './challengeEntry'
import type { FlowMessages } from './FlowMessages'
import { flowMessagesEn } from './flowMessagesEn'
import { flowMessagesFr } from './flowMessagesFr'

export type { FlowMessages } from './FlowMessages'

/** Every string the React kit shows or announces. */
export type SSKS2MRMessages = ChallengeEntryMessages & FlowMessages

/** Overrides for some strings; nested records (e.g. `flowErrors`) may be partial too. */
export type SSKS2MRMessagesOverride = {
  [K in keyof SSKS2MRMessages]?: SSKS2MRMessages[K] extends string ? string : Partial<SSKS2MRMessages[K]>
}

/** Built-in strings, English and French. */
export const messages: { en: SSKS2MRMessages; fr: SSKS2MRMessages } = {
  en: { ...challengeEntryMessagesEn, ...flowMessagesEn },
  fr: { ...challengeEntryMessagesFr, ...flowMessagesFr },
}
