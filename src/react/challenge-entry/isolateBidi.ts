/**
 * Wraps text in Unicode first-strong isolates (FSI … PDI): an email or phone number inside an
 * Arabic or Hebrew sentence keeps its own order ("j•••@example.com", "+33•••••00") instead of
 * being reordered by the surrounding right-to-left text. Invisible, and ignored by screen readers.
 */
export function isolateBidi(text: string): string {
  return `\u2068${text}\u2069`
}
