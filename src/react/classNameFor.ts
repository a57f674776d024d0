/** The part's built-in class (left out in unstyled mode) joined with the app's own class. */
export function classNameFor(
  builtIn: string,
  unstyled: boolean | undefined,
  extra: string | undefined,
): string | undefined {
  const joined = [unstyled ? undefined : builtIn, extra].filter(Boolean).join(' ')
  return joined === '' ? undefined : joined
}
