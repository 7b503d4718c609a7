// Starts a bundled action step as a GitHub runner does: its own Node, the
// workspace as working directory, every declared input as INPUT_<NAME> (the
// workflow's value, else the default, else ''), and the file commands'
// files created before the step starts.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The Node that runs the bundle: ZOOM_PRESENCE_TEST_NODE when set (.ci/run
 * sets it to Node 24, the runtime `runs.using: node24` names), else this one.
 */
export function runtimeNode() {
  return process.env.ZOOM_PRESENCE_TEST_NODE || process.execPath
}

/** @returns {Record<string, { default?: string }>} */
function declaredInputs() {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  return action.inputs ?? {}
}

/**
 * @typedef {{
 *   step?: 'main' | 'post',
 *   inputs?: Record<string, string>,
 *   env?: Record<string, string>,
 *   state?: Record<string, string>,
 *   timeoutMs?: number,
 *   killWhen?: { stdout: RegExp, signal: NodeJS.Signals },
 *   entry?: string,
 *   prefix?: string[],
 * }} StepOptions
 * @typedef {{
 *   code: number | null, stdout: string, stderr: string, durationMs: number,
 *   outputs: Record<string, string>, state: Record<string, string>, summary: string,
 * }} StepResult
 */

/**
 * Runs one step of the action and collects what a runner would see.
 * `entry` starts another script in the action's place (the benchmark's empty
 * module); `killWhen` ends the step with a signal once its output matches,
 * as a runner cancels a job; `prefix` starts the Node under a wrapper such as `/usr/bin/time`.
 * @param {StepOptions} [options]
 * @returns {Promise<StepResult>}
 */
export async function runStep(options = {}) {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  const entry = options.entry ?? join(ROOT, options.step === 'post' ? action.runs.post : action.runs.main)
  const home = mkdtempSync(join(tmpdir(), 'zoom-presence-runner-'))
  const workspace = join(home, 'workspace')
  const temp = join(home, 'temp')
  mkdirSync(workspace)
  mkdirSync(temp)
  const files = {
    GITHUB_OUTPUT: join(home, 'output'),
    GITHUB_STATE: join(home, 'state'),
    GITHUB_ENV: join(home, 'env'),
    GITHUB_PATH: join(home, 'path'),
    GITHUB_STEP_SUMMARY: join(home, 'summary'),
  }
  for (const file of Object.values(files)) writeFileSync(file, '')

  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/release',
    GITHUB_RUN_ID: '1',
    GITHUB_ACTION: 'zoom-presence',
    RUNNER_TEMP: temp,
    ...files,
  }
  for (const [name, input] of Object.entries(declaredInputs())) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = options.inputs?.[name] ?? input.default ?? ''
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  Object.assign(env, options.env)

  const started = performance.now()
  const [command = runtimeNode(), ...args] = [...(options.prefix ?? []), runtimeNode(), entry]
  const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => {
    stdout += c
    if (options.killWhen?.stdout.test(stdout)) child.kill(options.killWhen.signal)
  })
  child.stderr.on('data', (c) => (stderr += c))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  /** @type {number | null} */
  const code = await new Promise((done) => child.on('close', (c) => done(c)))
  clearTimeout(timer)
  const durationMs = performance.now() - started
  try {
    return {
      code,
      stdout,
      stderr,
      durationMs,
      outputs: readFileCommands(files.GITHUB_OUTPUT),
      state: readFileCommands(files.GITHUB_STATE),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    }
  } finally {
    // A runner starts every job afresh: leave nothing behind in the temp directory.
    rmSync(home, { recursive: true, force: true })
  }
}

/**
 * Parses `name<<DELIMITER` / value / `DELIMITER` blocks, as the runner does.
 * @param {string} file
 * @returns {Record<string, string>}
 */
export function readFileCommands(file) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/)
  /** @type {Record<string, string>} */
  const values = {}
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
      values[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}
