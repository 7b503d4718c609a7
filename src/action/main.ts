import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import { InputError, parseInputs } from '../inputs.js'
import { outputsFor, overallMessage, summaryRows } from '../report.js'
import { updatePresence, type Result } from '../update.js'
import { retrying } from '../zoom/retry.js'
import { httpTransport } from '../zoom/transport.js'
import { actionLog } from './log.js'

/** The main step: read the inputs, update the presence, report. */
export async function run(): Promise<void> {
  // Masked before anything else can print it.
  const log = actionLog([core.getInput('token')])
  try {
    const { settings, warnings } = parseInputs((name) => core.getInput(name))
    for (const warning of warnings) log.warning(warning)

    log.info(`Setting the presence of ${settings.user} to ${settings.status}…`)
    const send = retrying(httpTransport(), { budgetMs: settings.timeoutMs, requestTimeoutMs: settings.requestTimeoutMs }, log)
    const result = await updatePresence(settings, send, log)
    const results = [result]
    const message = log.redact(overallMessage(results))
    setOutputs(outputsFor(results, settings.status, message), log.redact)
    writeSummary(results, log.redact)

    if (results.every((r) => r.ok)) log.info(message)
    else if (settings.failOnError) core.setFailed(message)
    else log.warning(`${message} (fail-on-error is false, so the step passes)`)
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

function writeSummary(results: Result[], redact: (text: string) => string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  const rows = summaryRows(results).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? redact(cell) : cell)),
  )
  // The toolkit builds the table; it is appended to the file here, at once,
  // as the toolkit appends outputs. core.summary.write() goes through
  // fs.promises instead, whose first call starts libuv's thread pool: some
  // 3 ms, a twentieth of a run.
  appendFileSync(file, core.summary.addHeading('Zoom presence', 3).addTable(rows).stringify())
  core.summary.emptyBuffer()
}
