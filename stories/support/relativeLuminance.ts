/** WCAG relative luminance of a computed `rgb(...)`/`rgba(...)` colour: 0 is black, 1 is white. */
export function relativeLuminance(computedColor: string): number {
  const [r = 0, g = 0, b = 0] = (computedColor.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}
