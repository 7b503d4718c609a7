import { appendFileSync } from 'node:fs'
import * as core from '@actions/core'
import { InputError, parseInputs, type Settings } from '../inputs.js'
import { setPresence, withZoom } from '../presence.js'
import { type Cell, outputsFor, overallMessage, summaryRows } from '../report.js'
import { longestWaitMs, parseSaved, restoreAll, type Saved, systemClock } from '../restore.js'
import { maskable, SECRET_INPUTS } from '../secrets.js'
import type { Result } from '../update.js'
import { type ActionLog, actionLog } from './log.js'

/** State the main step leaves for the post step. */
const SAVED_STATE = 'restore'

/** How a step reports: the summary's heading, and whether it sets outputs. */
interface StepReport {
  title: string
  setsOutputs: boolean
}
const MAIN: StepReport = { title: 'Zoom presence', setsOutputs: true }
// No later step can read a post step's outputs: it reports in the log and summary only.
const POST: StepReport = { title: 'Zoom presence restored', setsOutputs: false }

/** The main step: read the inputs, update the presence, report. */
export async function run(): Promise<void> {
  const log = secretAwareLog()
  await guarded(log, MAIN, async () => {
    const settings = readSettings(log, true)
    // Saved before each update is sent and again once Zoom answers, the last
    // value winning: a step cancelled or failing halfway still has its post
    // step restore every user it may have changed.
    const onSaved = (saved: Saved[]) => {
      core.saveState(SAVED_STATE, JSON.stringify(saved))
      const users = saved.map((s) => s.user).join(', ')
      log.debug(users ? `Saved the status of ${users} for the post step to restore.` : 'No user to restore is saved.')
    }
    // A dry run's lines are its result: they stay unfolded.
    const phase = settings.dryRun
      ? undefined
      : settings.restore
        ? 'Reading the current status, then updating it'
        : 'Updating the presence'
    const { results } = await folded(phase, () => setPresence(settings, log, log.addSecret, { onSaved }))
    report(results, settings, log, MAIN)
  })
}

/** The post step: put back what the main step saved, if it saved anything. */
export async function post(): Promise<void> {
  const state = core.getState(SAVED_STATE)
  const saved = parseSaved(state)
  if (saved.length === 0) {
    if (state) core.debug('The main step saved no user that can be read back, so there is nothing to restore.')
    return
  }
  const log = secretAwareLog()
  await guarded(log, POST, async () => {
    // The main step has shown the inputs' warnings already.
    const settings = readSettings(log, false)
    const results = await folded(`Restoring the presence of ${saved.map((s) => s.user).join(', ')}`, () => {
      // The wait for Zoom's per-user minute, when one is needed, comes on top of the step's timeout.
      const waitMs = longestWaitMs(saved, systemClock.now())
      return withZoom(settings, log, log.addSecret, (zoom) => restoreAll(saved, settings, zoom, systemClock), waitMs)
    })
    if (results.length > 0) report(results, settings, log, POST)
  })
}

/** Folds a phase's lines in the log under its title; the outcome is reported after, unfolded. */
function folded<T>(title: string | undefined, phase: () => Promise<T>): Promise<T> {
  return title === undefined ? phase() : core.group(title, phase)
}

/** A log that masks every secret input before anything else can print it. */
function secretAwareLog(): ActionLog {
  const log = actionLog()
  for (const name of SECRET_INPUTS) for (const secret of maskable(core.getInput(name))) log.addSecret(secret)
  return log
}

function readSettings(log: ActionLog, warn: boolean): Settings {
  const { settings, warnings } = parseInputs((name) => core.getInput(name))
  if (warn) for (const warning of warnings) log.warning(warning)
  return settings
}

/** Runs a step; any failure ends in one clear error and outputs, never a stack trace. */
async function guarded(log: ActionLog, reporting: StepReport, step: () => Promise<void>): Promise<void> {
  try {
    await step()
  } catch (error) {
    const message = log.redact(
      error instanceof InputError
        ? error.message
        : `The action failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    )
    if (reporting.setsOutputs) setOutputs(outputsFor([], '', message.replace(/\n/g, ' ')), log.redact)
    core.setFailed(message)
  }
}

/** Outputs, summary and the step's verdict. */
function report(results: Result[], settings: Settings, log: ActionLog, reporting: StepReport): void {
  const message = log.redact(overallMessage(results, settings.dryRun))
  // The log first: should an output fail to be written, what happened is already told.
  for (const result of results) if (result.ok) log.info(result.message)
  if (reporting.setsOutputs) setOutputs(outputsFor(results, settings.status, message), log.redact)
  writeSummary(reporting.title, summaryRows(results, settings.dryRun), log.redact)

  if (results.every((r) => r.ok)) {
    if (results.length > 1) log.info(message)
  } else if (settings.failOnError) {
    core.setFailed(message)
  } else {
    log.warning(`${message} (fail-on-error is false, so the step passes)`)
  }
}

function setOutputs(outputs: Record<string, string>, redact: (text: string) => string): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
}

function writeSummary(title: string, rows: Cell[][], redact: (text: string) => string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  const shown = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? redact(cell) : cell)))
  // The toolkit builds the table; it is appended here at once, as the toolkit
  // appends outputs. core.summary.write() goes through fs.promises, whose first
  // call starts libuv's thread pool: some 3 ms, a twentieth of a run.
  try {
    appendFileSync(file, core.summary.addHeading(title, 3).addTable(shown).stringify())
  } catch (error) {
    // The updates happened: a summary that cannot be written does not undo them.
    core.warning(`The job summary could not be written: ${redact(String((error as Error)?.message ?? error))}`)
  } finally {
    core.summary.emptyBuffer()
  }
}
