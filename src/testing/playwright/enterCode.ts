/** The part of Playwright's `Page` (or `Frame`) that `enterCode` uses; any Playwright version fits. */
export interface PageLike {
  locator(selector: string): { first(): CodeFieldLocator }
}

interface CodeFieldLocator {
  click(options?: { timeout?: number }): Promise<void>
  fill(value: string, options?: { timeout?: number }): Promise<void>
}

export interface EnterCodeOptions {
  /** Default: Playwright's own timeout. */
  timeout?: number
}

/**
 * Types `code` into the page's code field (`ChallengeEntry`, inside `IdentityBackup`/`IdentityRestore`
 * too) the way autofill does: one input event with the whole code, replacing what is there, which
 * submits it. Found by its `data-ssks-input` attribute, so it works in any locale.
 */
export async function enterCode(page: PageLike, code: string, options: EnterCodeOptions = {}): Promise<void> {
  const field = page.locator('[data-ssks-input]').first()
  await field.click(options)
  await field.fill(code, options)
}
