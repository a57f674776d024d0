/** Where the caret or selection is in the real input, in characters. */
export interface InputSelection {
  start: number
  end: number
}

/** The input's selection when it has the focus, else `null` (no box is drawn as active then). */
export function readInputSelection(input: HTMLInputElement, focused: boolean): InputSelection | null {
  if (!focused) return null
  const end = input.selectionEnd ?? input.value.length
  return { start: input.selectionStart ?? end, end }
}

/** Same caret/selection (both `null` counts as the same). */
export function sameSelection(a: InputSelection | null, b: InputSelection | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end)
}
