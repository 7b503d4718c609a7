import * as core from '@actions/core'
import { InputError, parseInputs } from '../inputs.js'
import { setPresence } from '../presence.js'
import { outputsFor, overallMessage, summaryRows } from '../report.js'
import type { Result } from '../update.js'
import { actionLog } from './log.js'

/** Inputs that hold secrets, masked before anything else can print them. */
const SECRET_INPUTS = ['token', 'client-secret']

/** The main step: read the inputs, update the presence, report. */
export async function run(): Promise<void> {
  const log = actionLog()
  for (const name of SECRET_INPUTS) log.addSecret(core.getInput(name))
  try {
    const { settings, warnings } = parseInputs((name) => core.getInput(name))
    for (const warning of warnings) log.warning(warning)

    log.info(`Setting the presence of ${settings.users.join(', ')} to ${settings.status}…`)
    const results = await setPresence(settings, log, log.addSecret)
    const message = log.redact(overallMessage(results))
    setOutputs(outputsFor(results, settings.status, message), log.redact)
    await writeSummary(results, log.redact)

    for (const result of results) if (result.ok) log.info(result.message)
    if (results.every((r) => r.ok)) {
      if (results.length > 1) log.info(message)
    } else if (settings.failOnError) {
      core.setFailed(message)
    } else {
      log.warning(`${message} (fail-on-error is false, so the step passes)`)
    }
  } catch (error) {
    const message = log.redact(
      error instanceof InputError
        ? error.message
        : `The action failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    )
    setOutputs(outputsFor([], '', message.replace(/\n/g, ' ')), log.redact)
    core.setFailed(message)
  }
}

function setOutputs(outputs: Record<string, string>, redact: (text: string) => string): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
}

async function writeSummary(results: Result[], redact: (text: string) => string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = summaryRows(results).map((row) => row.map((cell) => (typeof cell === 'string' ? redact(cell) : cell)))
  await core.summary.addHeading('Zoom presence', 3).addTable(rows).write()
}
