/** One line of the benchmark table. Targets are reported, never asserted. */
export interface BenchRow {
  section: string
  metric: string
  ours: string
  baseline: string
  /** ours / baseline, when both are numbers. */
  ratio?: number
  /** e.g. "≤ 0.15"; `met` says whether the measured value meets it. */
  target?: string
  met?: boolean
  note?: string
}
