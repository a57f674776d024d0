/**
 * Debian's Chromium, launched the way that works as root on a closed network (TOOLCHAIN.md):
 * without the background-networking flags Chromium keeps dialling Google and gets refused.
 */
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const chromiumLaunchOptions = { executablePath: chromiumExecutable, args: chromiumArgs }
