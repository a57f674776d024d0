/**
 * The one address `npm start` prints for Storybook, and the one the end-to-end tests open:
 * `localhost`, as designers type it. The demo back-end is served from that same origin (the dev
 * server's proxy, or the tests' static server), so the page's `/demo/session` call is same-origin
 * in any browser.
 */
export const storybookUrl = (port: number): string => `http://localhost:${port}/`
