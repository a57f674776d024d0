/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Public: your Seald app id (the emulator's --app-id in local development). */
  readonly VITE_SEALD_APP_ID: string
  /** Public: the SSKS URL; default https://ssks.seald.io/. */
  readonly VITE_SSKS_URL?: string
  /** Local development only: replace Seald's cloud calls with the stand-in. */
  readonly VITE_SEALD_CLOUD_STAND_IN?: string
}
