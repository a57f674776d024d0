import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

/** The example apps: real projects under examples/, each installing the packed tarball of this repository. */
export const EXAMPLE_APPS = ['next-app', 'vite-app', 'express-backend', 'tester', 'typescript-5.9'] as const
export type ExampleApp = (typeof EXAMPLE_APPS)[number]

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
export const examplesDir = join(repoRoot, 'examples')
export const packedTarball = join(examplesDir, '.packed', 'ssks-2mr-kit.tgz')
export const artifactsDir = join(repoRoot, 'test-artifacts', 'examples')

export const appDir = (app: ExampleApp) => join(examplesDir, app)
/** A binary installed in an example (the kit's own `ssks-emulator` included, from the tarball). */
export const appBin = (app: ExampleApp, name: string) => join(appDir(app), 'node_modules', '.bin', name)

/** The emulator's app id and API key, given to the SDK, the back-ends and the emulator alike. */
export const APP_ID = '00000000-0000-4000-8000-0000000000e2'
export const API_KEY = 'example-apps-api-key'
