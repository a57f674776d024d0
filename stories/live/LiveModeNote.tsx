import type { LiveEnvironment } from './liveEnvironment'

/** Says where SSKS is, so a designer knows whether another tab or device shares this state. */
export function LiveModeNote({ env }: { env: LiveEnvironment }) {
  return (
    <p className="live-demo__mode" data-testid="live-mode" data-mode={env.mode}>
      {env.mode === 'http'
        ? `Connected to the SSKS emulator at ${env.keyStorageURL} (started by npm start, or by the end-to-end tests). Other tabs and browsers share it: open this story's neighbour in a private window to play the new device.`
        : 'The SSKS emulator and the demo back-end run inside this page (no server): their state lasts until the page reloads. Run npm start to use them over HTTP.'}
    </p>
  )
}
