import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { expect, test } from 'vitest'

// Guards the react18 project's aliases: if they stopped applying, every "React 18" test would
// silently run on React 19.
test('the project runs the React major it is named after', () => {
  const expected = process.env.EXPECTED_REACT_MAJOR
  expect(expected).toMatch(/^1[89]$/)
  expect(reactVersion.split('.')[0]).toBe(expected)
  expect(reactDomVersion.split('.')[0]).toBe(expected)
})
