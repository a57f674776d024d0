/**
 * One static Storybook build for every browser test of the run (the journeys, the every-story
 * check and the visual baselines): a build takes most of a minute on CI's two cores.
 */
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
  const dir = buildStorybook()
  console.log(`storybook build: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  project.provide('storybookStaticDir', dir)
  project.provide('updateVisualBaselines', project.config.snapshotOptions.updateSnapshot === 'all')
}
