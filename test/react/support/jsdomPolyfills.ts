/**
 * jsdom lacks `document.elementFromPoint`, which input-otp calls from a timer to look for
 * password-manager badges over the field. In jsdom nothing is ever drawn there: answer null.
 * (Real layout behaviour is tested in Chromium, test/browser.)
 */
if (typeof document !== 'undefined' && typeof document.elementFromPoint !== 'function') {
  document.elementFromPoint = () => null
}
