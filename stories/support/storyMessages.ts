import { messages, type SSKS2MRMessages } from '../../src/react/messages'

export type StoryLocale = keyof typeof messages

/** The built-in strings for the locale chosen in the toolbar (or pinned by a story). */
export function storyMessages(globals: Record<string, unknown>): SSKS2MRMessages {
  return globals.locale === 'fr' ? messages.fr : messages.en
}

/** The locale chosen in the toolbar (or pinned by a story). */
export function storyLocale(globals: Record<string, unknown>): StoryLocale {
  return globals.locale === 'fr' ? 'fr' : 'en'
}
