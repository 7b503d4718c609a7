// Shows the bundled action at work: it runs dist/ as a GitHub runner would,
// against a Zoom-compatible server on 127.0.0.1, and prints what the
// workflow log, the step's outputs and the job summary would show.
import { runStep } from '../test/support/runner.js'
import { DEMO_APP, DEMO_TOKEN, startZoomServer } from '../test/support/zoom-server.js'

const zoom = await startZoomServer()
/** @type {{ title: string, inputs: Record<string, string> }[]} */
const scenarios = [
  {
    title: 'Do not disturb for 45 minutes while the release deploys',
    inputs: { status: 'do not disturb', duration: '45', user: 'alice@example.com' },
  },
  {
    title: 'A user who is not signed in to a Zoom client (the step fails, with the reason)',
    inputs: { status: 'Presenting', user: 'carol@example.com' },
  },
]
const credentials = {
  'account-id': DEMO_APP.accountId,
  'client-id': DEMO_APP.clientId,
  'client-secret': DEMO_APP.clientSecret,
  'oauth-url': `${zoom.origin}/oauth/token`,
}
scenarios.push({
  title: 'Server-to-Server OAuth: the action mints its own token for the on-call engineer',
  inputs: { status: 'Available', user: 'bob@example.com', ...credentials },
})

try {
  for (const { title, inputs } of scenarios) {
    /** @type {Record<string, string>} */
    const token = inputs['client-secret'] ? {} : { token: DEMO_TOKEN }
    const step = await runStep({ inputs: { ...inputs, ...token, 'base-url': zoom.baseUrl } })
    console.log(`\n=== ${title}`)
    console.log(`inputs: ${JSON.stringify(shown(inputs))}`)
    console.log('--- log')
    console.log(asRunnerShows(step.stdout))
    console.log('--- outputs')
    for (const [name, value] of Object.entries(step.outputs)) console.log(`${name}: ${value}`)
    console.log('--- job summary')
    console.log(step.summary.trimEnd())
    console.log(`--- step ${step.code === 0 ? 'passed' : `failed (exit code ${step.code})`}`)
  }
  const alice = zoom.users.find((u) => u.email === 'alice@example.com')
  console.log(`\nThe server now shows alice@example.com as ${alice?.status}.`)
} finally {
  await zoom.close()
}

/** The inputs as a workflow's log shows them: every credential the action masks, as ***. */
function shown(/** @type {Record<string, string>} */ inputs) {
  const masked = ['token', 'account-id', 'client-id', 'client-secret']
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, masked.includes(name) ? '***' : value]),
  )
}

/** The log as a runner displays it: masks applied, commands rendered, groups indented, debug hidden. */
function asRunnerShows(/** @type {string} */ stdout) {
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1] ?? '')
  const debug = process.env.RUNNER_DEBUG === '1'
  let indent = ''
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && (debug || !line.startsWith('::debug::')))
    .flatMap((line) => {
      if (line === '::endgroup::') {
        indent = ''
        return []
      }
      const group = line.match(/^::group::(.*)$/)
      const command = line.match(/^::(error|warning|notice|debug)::(.*)$/)
      const text = group
        ? `▾ ${group[1]}`
        : `${indent}${command ? `${command[1]?.replace(/^./, (c) => c.toUpperCase())}: ${command[2]}` : line}`
      if (group) indent = '  '
      return [masks.reduce((t, m) => t.split(m).join('***'), decodeURIComponent(text.replace(/%(?!0A|0D|25)/g, '%25')))]
    })
    .join('\n')
    .trimEnd()
}
