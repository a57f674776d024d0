/**
 * One static Storybook build for every browser test of the run (the journeys, the every-story
 * check and the visual baselines): a build takes most of a minute on CI's two cores.
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { buildStorybook } from './buildStorybook'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the static Storybook build. */
    storybookStaticDir: string
    /** `vitest --update` (`npm run test:visual -- --update`): accept the new screenshots as baselines. */
    updateVisualBaselines: boolean
  }
}

export default function setup(project: TestProject) {
  const started = Date.now()
  // A folder per run: a second run (say `npm run test:visual` beside `npm test`) must not rebuild
  // the files this one is serving.
  const dir = buildStorybook(`test-artifacts/storybook-static/run-${process.pid}`)
  console.log(`storybook build: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  project.provide('storybookStaticDir', dir)
  project.provide('updateVisualBaselines', project.config.snapshotOptions.updateSnapshot === 'all')
  return () => rmSync(dir, { recursive: true, force: true })
}
