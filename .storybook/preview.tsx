/**
 * Global decorators and toolbars. Theme, locale and text direction are toolbar globals so a
 * designer can flip any story; stories that are *about* one of them (Dark, RTL, Mobile) pin it
 * with story-level `globals`, and the Vitest run uses those pinned values too.
 */
import type { Decorator, Preview } from '@storybook/react-vite'
import { MINIMAL_VIEWPORTS } from 'storybook/viewport'
import { useEffect, type ReactNode } from 'react'
import '../src/react/styles.css'
import './preview.css'

/** Page colours per theme; the kit's own colours come from its CSS variables under `data-theme`. */
const pageBackground = { light: '#ffffff', dark: '#0f1115' } as const
type Theme = keyof typeof pageBackground

/** The page (not just the story root) takes the theme, as an app would set it on <html>. */
function ThemedPage({ theme, lang, children }: { theme: Theme; lang: string; children: ReactNode }) {
  // An effect because nothing may touch the DOM while rendering.
  useEffect(() => {
    const root = document.documentElement
    root.dataset.theme = theme
    root.style.colorScheme = theme
    root.lang = lang
    document.body.style.background = pageBackground[theme]
  }, [theme, lang])
  return children
}

const withThemeLocaleAndDirection: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light'
  const dir = context.globals.dir === 'rtl' ? 'rtl' : 'ltr'
  const lang = context.globals.locale === 'fr' ? 'fr' : 'en'
  return (
    <ThemedPage theme={theme} lang={lang}>
      <div className="story-root" data-theme={theme} dir={dir} lang={lang}>
        <Story />
      </div>
    </ThemedPage>
  )
}

const preview: Preview = {
  decorators: [withThemeLocaleAndDirection],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the built-in messages',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'fr', title: 'Français', right: 'fr' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Any axe violation fails the story's test (in the Vitest run and in the a11y panel).
    a11y: { test: 'error' },
    viewport: { options: MINIMAL_VIEWPORTS },
    // The theme toolbar paints the page; the backgrounds tool would fight it.
    backgrounds: { disable: true },
    docs: { toc: true },
  },
  tags: ['autodocs'],
}

export default preview
