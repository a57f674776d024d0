/**
 * The code an app writes for a flow story, for the docs' "Show code" (the stories themselves run
 * inside a harness with an in-page emulator, which is not what an app copies).
 */
export function flowSourceCode(component: 'IdentityBackup' | 'IdentityRestore', extraProps: string[] = []): string {
  const onDone = component === 'IdentityRestore' ? `(result) => navigate('/inbox')` : `() => navigate('/welcome')`
  const props = [`onDone={${onDone}}`, `onError={(code) => track(code)}`, ...extraProps].join(' ')
  return [
    `// sdk: the app's Seald SDK instance, with the plugin: plugins: [SSKS2MR(keyStorageURL)]`,
    `// startSession: the app's own back-end route (createSSKSBackend(...).createSessionHandler)`,
    `const startSession = () =>`,
    `  fetch('/api/ssks-session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })`,
    `    .then((response) => response.json())`,
    ``,
    `<SSKS2MRProvider sdk={sdk} startSession={startSession}>`,
    `  <${component} ${props} />`,
    `</SSKS2MRProvider>`,
  ].join('\n')
}

/** `parameters.docs.source` of a flow story: fixed code, so Storybook never walks the harness. */
export const flowSource = (component: 'IdentityBackup' | 'IdentityRestore', extraProps: string[] = []) => ({
  docs: { source: { code: flowSourceCode(component, extraProps), language: 'tsx' } },
})
