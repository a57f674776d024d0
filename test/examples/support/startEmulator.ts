import { API_KEY, APP_ID, appBin, appDir, type ExampleApp } from './paths'
import { freePort, startProcess, type RunningProcess } from './startProcess'

/**
 * The `ssks-emulator` CLI as an app developer runs it: the binary installed from the tarball into
 * `app`, with the appId and API key the app is configured with. On a port chosen up front, because
 * front-ends inline the SSKS URL at build time.
 */
export async function startExampleEmulator(app: ExampleApp): Promise<RunningProcess & { url: string }> {
  const port = await freePort()
  const emulator = await startProcess(
    appBin(app, 'ssks-emulator'),
    ['--port', String(port), '--app-id', APP_ID, '--api-key', API_KEY, '--quiet'],
    {
      cwd: appDir(app),
      ready: /listening on (\S+)/,
    },
  )
  return { ...emulator, url: emulator.ready }
}
