import { expect } from 'vitest'
import type { StepResult } from './runner.js'

/** The secret appears nowhere a person could read it, but in the mask command the runner hides. */
export function expectNoSecret(result: StepResult, secret: string): void {
  const shown = result.stdout.split(`::add-mask::${secret}\n`).join('')
  expect(shown).not.toContain(secret)
  expect(result.stderr).not.toContain(secret)
  expect(JSON.stringify(result.outputs)).not.toContain(secret)
  expect(JSON.stringify(result.state)).not.toContain(secret)
  expect(result.summary).not.toContain(secret)
}

export function expectNoStackTrace(result: StepResult): void {
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
}
