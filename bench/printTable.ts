import type { BenchRow } from './types'

/** A compact plain-text table: one line per measurement, ratio and target side by side. */
export function printTable(rows: BenchRow[], write: (line: string) => void = console.log): void {
  const header = ['section', 'metric', 'ours', 'baseline', 'ratio', 'target', 'met', 'note']
  const cells = rows.map((row) => [
    row.section,
    row.metric,
    row.ours,
    row.baseline,
    row.ratio === undefined ? '' : row.ratio.toFixed(3),
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    row.note ?? '',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)))
  const format = (line: string[]) =>
    line
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd()
  write(format(header))
  write(widths.map((width) => '-'.repeat(width)).join('-|-'))
  for (const line of cells) write(format(line))
}
