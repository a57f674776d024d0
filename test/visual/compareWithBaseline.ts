import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'

/**
 * Per-pixel colour tolerance (pixelmatch's YIQ threshold, 0–1): absorbs the last-bit noise of
 * Chromium's rasteriser, far below any colour a stylesheet change produces. Anti-aliased edge
 * pixels are told apart by pixelmatch and never counted.
 */
export const PIXEL_THRESHOLD = 0.1
/** Differing pixels allowed per screenshot: none, so a 1-px shift of any edge fails. */
export const MAX_DIFF_PIXELS = 0

export type Comparison =
  | { status: 'written' }
  | { status: 'same' }
  | { status: 'missing' }
  | { status: 'different'; diffPixels: number; reason: string; actualPath: string; diffPath?: string }

/**
 * Compares a screenshot with its committed baseline. With `update`, writes it as the new baseline
 * instead. A differing shot and its diff image go to `artifactsDir` for review.
 */
export function compareWithBaseline(
  actual: Buffer,
  baselinePath: string,
  artifactsDir: string,
  update: boolean,
): Comparison {
  if (update) {
    mkdirSync(dirname(baselinePath), { recursive: true })
    if (existsSync(baselinePath) && same(readFileSync(baselinePath), actual)) return { status: 'same' }
    writeFileSync(baselinePath, actual)
    return { status: 'written' }
  }
  if (!existsSync(baselinePath)) return { status: 'missing' }
  const expected = PNG.sync.read(readFileSync(baselinePath))
  const got = PNG.sync.read(actual)
  const name = baselinePath.split('/').at(-1) ?? 'shot.png'
  mkdirSync(artifactsDir, { recursive: true })
  const actualPath = join(artifactsDir, name.replace(/\.png$/, '.actual.png'))
  if (expected.width !== got.width || expected.height !== got.height) {
    writeFileSync(actualPath, actual)
    const reason = `size ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}`
    return { status: 'different', diffPixels: Number.POSITIVE_INFINITY, reason, actualPath }
  }
  const diff = new PNG({ width: got.width, height: got.height })
  const diffPixels = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: PIXEL_THRESHOLD,
  })
  if (diffPixels <= MAX_DIFF_PIXELS) return { status: 'same' }
  writeFileSync(actualPath, actual)
  const diffPath = join(artifactsDir, name.replace(/\.png$/, '.diff.png'))
  writeFileSync(diffPath, PNG.sync.write(diff))
  return { status: 'different', diffPixels, reason: `${diffPixels} pixels differ`, actualPath, diffPath }
}

/** Same decoded pixels (a re-encoded PNG can differ in bytes only). */
function same(a: Buffer, b: Buffer): boolean {
  const left = PNG.sync.read(a)
  const right = PNG.sync.read(b)
  if (left.width !== right.width || left.height !== right.height) return false
  return (
    pixelmatch(left.data, right.data, null, left.width, left.height, { threshold: PIXEL_THRESHOLD }) <= MAX_DIFF_PIXELS
  )
}
