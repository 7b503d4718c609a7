// Runs CI's self-test job (.github/workflows/ci.yml, job self-test) here, as a
// runner would: each `uses: ./` step starts dist/ through the test harness's
// runner, each `run:` step runs in bash with its `env:` filled in from the
// steps before it, and the post steps run at the end, last step's first, as a
// runner runs them. Needs bash and jq.
// Only the expressions the job uses are understood: steps.<id>.outputs.<name>
// and steps.<id>.outcome; any other fails, so the job cannot outgrow this script.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { runStep } from '../test/support/runner.js'

const WORKFLOW = '.github/workflows/ci.yml'
const JOB = 'self-test'

/** @typedef {{ id?: string, name?: string, uses?: string, run?: string, with?: Record<string, unknown>, env?: Record<string, string>, 'continue-on-error'?: boolean }} Step */

const workflow = parse(readFileSync(WORKFLOW, 'utf8'))
/** @type {Step[]} */
const steps = workflow.jobs?.[JOB]?.steps ?? []
if (steps.length === 0) fail(`${WORKFLOW} has no job ${JOB} with steps`)

/** @type {Record<string, { outputs: Record<string, string>, outcome: string }>} */
const done = {}
/** @type {{ name: string, inputs: Record<string, string>, state: Record<string, string> }[]} */
const posts = []

for (const step of steps) {
  const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? '(step)'
  if (step.uses?.startsWith('actions/checkout@')) {
    console.log(`— ${name}: skipped, the work tree is here`)
    continue
  }
  if (step.uses === './') {
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]))
    const result = await runStep({ inputs })
    const outcome = result.code === 0 ? 'success' : 'failure'
    if (step.id) done[step.id] = { outputs: result.outputs, outcome }
    posts.push({ name, inputs, state: result.state })
    console.log(`— ${name}: ${outcome}${step['continue-on-error'] ? ' (continue-on-error)' : ''}`)
    if (outcome === 'failure' && !step['continue-on-error']) fail(`step failed:\n${result.stdout}${result.stderr}`)
    continue
  }
  if (step.run) {
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]))
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    })
    const output = `${run.stdout}${run.stderr}`.trimEnd()
    console.log(
      `— ${name}: ${run.status === 0 ? 'success' : 'failure'}${output ? `\n  ${output.replace(/\n/g, '\n  ')}` : ''}`,
    )
    if (run.status !== 0) fail('a check failed')
    continue
  }
  fail(`step '${name}' is neither uses: ./, checkout nor run:, which this script does not know how to run`)
}

// A runner runs post steps in the reverse order of their main steps.
for (const post of posts.toReversed()) {
  const result = await runStep({ step: 'post', inputs: post.inputs, state: post.state })
  console.log(`— Post ${post.name}: ${result.code === 0 ? 'success' : 'failure'}`)
  if (result.code !== 0) fail(`post step failed:\n${result.stdout}${result.stderr}`)
}
console.log(`\n${WORKFLOW}, job ${JOB}: every step passed.`)

/** Fills in `${{ steps.<id>.outputs.<name> }}` and `${{ steps.<id>.outcome }}`. @param {string} value */
function expand(value) {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression) => {
    const match = /^steps\.([\w-]+)\.(?:outputs\.([\w-]+)|(outcome))$/.exec(expression)
    const step = match?.[1] ? done[match[1]] : undefined
    if (!match || !step) fail(`cannot evaluate \${{ ${expression} }}`)
    return match[3] ? step.outcome : (step.outputs[match[2] ?? ''] ?? '')
  })
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`self-test: ${message}`)
  process.exit(1)
}
