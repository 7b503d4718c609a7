// Measures what a workflow pays for the action, side by side with three
// yardsticks, on this machine and in one run:
//   (a) an empty ES module, started exactly as the runner starts the action;
//   (b) the seed's curl command, sending the same update (silenced, with
//       the body discarded and the HTTP status printed, to check it);
//   (e) the floor under any action in Node: a module that sends the same
//       update with node:http alone and writes one output, started the same way;
//   (c) the bundled action (dist/index.js) doing one update, started as a
//       runner starts it (test/support/runner.js).
// Every Node process runs under Node 24, the action's runtime (runs.using: node24),
// from `npx --yes node@24` as .ci/run gets it, or under the binary that
// ZOOM_PRESENCE_TEST_NODE names.
// Each round runs all four, in rotating order, against the Zoom-compatible
// server on 127.0.0.1; the medians, and the ratio (c) / (a), are printed.
// Then peak memory (the process's maximum resident set size, in MB of 10^6
// bytes) and a run that updates 50 users against a server that holds every
// answer 100 ms. Last, each target is judged: the cold start at most 2.0 times
// the empty module's, dist/index.js under 150 KiB, peak memory of one update
// under 60 MB, and every 50-user run under 2 s. It exits 1 if any is missed or
// could not be measured, and names them.
//
//   npm run bench                  # 21 rounds after 3 warm-up rounds
//   npm run bench -- --rounds 51   # more rounds
//   npm run bench -- --dist /tmp/old/index.js   # another build, such as an older commit's
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { ROOT, runStep, runtimeNode } from '../test/support/runner.js'
import { DEMO_TOKEN, startZoomServer } from '../test/support/zoom-server.js'

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '21' },
    warmup: { type: 'string', default: '3' },
    'memory-rounds': { type: 'string', default: '5' },
    'multi-rounds': { type: 'string', default: '3' },
    dist: { type: 'string' },
  },
})
const ROUNDS = Number(args.rounds)
const WARMUP = Number(args.warmup)
const MEMORY_ROUNDS = Number(args['memory-rounds'])
const MULTI_ROUNDS = Number(args['multi-rounds'])

const TARGET_RATIO = 2.0
const TARGET_BUNDLE_BYTES = 150 * 1024
const TARGET_RSS_BYTES = 60e6
const TARGET_MULTI_MS = 2000
const MULTI_USERS = 50
const MULTI_DELAY_MS = 100

const DIST = resolve(args.dist ?? join(ROOT, 'dist/index.js'))
const SHOWN = DIST.startsWith(`${ROOT}/`) ? relative(ROOT, DIST) : DIST
const scratch = mkdtempSync(join(tmpdir(), 'zoom-presence-bench-'))
// runStep makes a home for each step under the temp directory: here, so they all go at the end.
process.env.TMPDIR = scratch
// The empty module sits as dist/index.js does: an ES module, next to a package.json that says so.
const emptyDir = join(scratch, 'empty')
mkdirSync(emptyDir)
writeFileSync(join(emptyDir, 'package.json'), '{ "type": "module" }\n')
writeFileSync(join(emptyDir, 'index.js'), '')
const EMPTY = join(emptyDir, 'index.js')
// The floor under any action in Node: the same update with nothing but
// node:http, no toolkit, no checks, no retries, and one output written.
// node:http is required, not imported: an ES import of it builds its
// namespace, which reads the lazy WebSocket getters and so loads undici,
// some 20 ms more (the bundle requires its built-ins too).
const BARE = join(emptyDir, 'bare.js')
writeFileSync(
  BARE,
  `import { appendFileSync } from 'node:fs'
import { createRequire } from 'node:module'
const { request } = createRequire(import.meta.url)('node:http')
const url = new URL(\`\${process.env['INPUT_BASE-URL']}/users/\${process.env.INPUT_USER}/presence_status\`)
const body = '--zoom-presence-bench\\r\\nContent-Disposition: form-data; name="status"\\r\\n\\r\\nAvailable\\r\\n--zoom-presence-bench--\\r\\n'
const headers = { Authorization: \`Bearer \${process.env.INPUT_TOKEN}\`, 'Content-Type': 'multipart/form-data; boundary=zoom-presence-bench' }
request(url, { method: 'PUT', headers }, (reply) => {
  reply.resume().on('end', () => appendFileSync(process.env.GITHUB_OUTPUT, \`http-status=\${reply.statusCode}\\n\`))
}).end(body)
`,
)

const nodeSource = useNode24()
const node = runtimeNode()
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
const rss = peakMemoryMethod()

console.log(`zoom-presence bench: ${ROUNDS} rounds after ${WARMUP} warm-up rounds`)
console.log(`node ${nodeVersion}, ${nodeSource} (${node.replace(`${ROOT}/`, '')})`)
console.log(`action: ${SHOWN}, ${kib(statSync(DIST).size)}`)
console.log(`peak memory: ${rss.label}`)
console.log(`load average at start: ${load()}`)
// The bench itself keeps about one core busy; more than that at the start is someone else.
const busy = (loadavg()[0] ?? 0) > availableParallelism() / 2
if (busy)
  console.log('The machine is busy: the figures will be noisier than on an idle machine, and the ratios less reliable.')
console.log('')

const zoom = await startZoomServer({ rateLimitMs: 0 })
const user = 'alice@example.com'
const inputs = { status: 'Available', user, token: DEMO_TOKEN, 'base-url': zoom.baseUrl }

/** @typedef {{ label: string, run: () => Promise<number>, times: number[] }} Subject */
/** @type {Subject} */
const empty = {
  label: '(a) empty module',
  run: async () => {
    const step = await runStep({ entry: EMPTY, inputs })
    if (step.code !== 0) throw new Error(`the empty module exited ${step.code}: ${step.stderr}`)
    return step.durationMs
  },
  times: [],
}
/** @type {Subject} */
const curl = {
  label: '(b) curl',
  run: async () => {
    const { ms, code, stdout, stderr } = await timed('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-X',
      'PUT',
      '-H',
      `Authorization: Bearer ${DEMO_TOKEN}`,
      '-H',
      'Content-Type: multipart/form-data',
      '--form',
      'status=Available',
      `${zoom.baseUrl}/users/${user}/presence_status`,
    ])
    if (code !== 0 || stdout !== '204') throw new Error(`curl exited ${code}, HTTP ${stdout}: ${stderr}`)
    return ms
  },
  times: [],
}
/** @type {Subject} */
const bare = {
  label: '(e) node:http, one PUT',
  run: async () => {
    const step = await runStep({ entry: BARE, inputs })
    if (step.code !== 0 || step.outputs['http-status'] !== '204') {
      throw new Error(`the bare update exited ${step.code}, HTTP ${step.outputs['http-status']}: ${step.stderr}`)
    }
    return step.durationMs
  },
  times: [],
}
/** @type {Subject} */
const action = {
  label: '(c) action, one update',
  run: async () => {
    const step = await runStep({ entry: DIST, inputs })
    if (step.code !== 0 || step.outputs['http-status'] !== '204') {
      throw new Error(`the action exited ${step.code}: ${step.outputs.message ?? step.stderr}`)
    }
    return step.durationMs
  },
  times: [],
}

try {
  const subjects = [empty, curl, bare, action]
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Rotating the order spreads whatever the previous process left behind.
    const first = round % subjects.length
    for (const subject of [...subjects.slice(first), ...subjects.slice(0, first)]) {
      const ms = await subject.run()
      if (round >= WARMUP) subject.times.push(ms)
    }
  }

  const emptyMedian = median(empty.times)
  const ratio = median(action.times) / emptyMedian
  console.log('Cold start, spawn to exit, ms    median     q1     q3    min    max   × (a)')
  for (const { label, times: t } of subjects) {
    console.log(
      `${label.padEnd(30)} ${[median(t), quantile(t, 0.25), quantile(t, 0.75), Math.min(...t), Math.max(...t)]
        .map((v) => v.toFixed(1).padStart(6))
        .join(' ')}   ${(median(t) / emptyMedian).toFixed(2)}`,
    )
  }
  console.log('')

  /** @type {{ empty: number[], action: number[] }} */
  const memory = { empty: [], action: [] }
  for (let round = 0; round < MEMORY_ROUNDS; round++) {
    memory.empty.push((await measured({ entry: EMPTY, inputs })).peak)
    const step = await measured({ entry: DIST, inputs })
    if (step.code !== 0) throw new Error(`the action exited ${step.code} under ${rss.label}`)
    memory.action.push(step.peak)
  }
  console.log(`Peak memory (max RSS), ${MEMORY_ROUNDS} runs        median      max`)
  console.log(
    `${empty.label.padEnd(30)} ${mb(median(memory.empty)).padStart(10)} ${mb(Math.max(...memory.empty)).padStart(10)}`,
  )
  console.log(
    `${action.label.padEnd(30)} ${mb(median(memory.action)).padStart(10)} ${mb(Math.max(...memory.action)).padStart(10)}`,
  )
  console.log('')

  const multi = await multiUser()
  console.log(`${MULTI_USERS} users, each answer held ${MULTI_DELAY_MS} ms, ${MULTI_ROUNDS} runs`)
  if (multi.ok) {
    console.log(
      `${'(d) action, 50 updates'.padEnd(30)} wall ${median(multi.walls).toFixed(0)} ms median, ${Math.max(...multi.walls).toFixed(0)} ms max, peak RSS ${mb(Math.max(...multi.peaks))} max, ${multi.requests} requests a run`,
    )
  } else {
    console.log(`${'(d) action, 50 updates'.padEnd(30)} n/a: ${multi.reason}`)
  }
  console.log('')

  console.log(`load average at end: ${load()}`)
  // About one core is the bench's own; well beyond that, something else ran meanwhile.
  if (!busy && (loadavg()[0] ?? 0) > availableParallelism() * 0.75) {
    console.log('The machine got busy during the run: the figures are noisier than on an idle machine.')
  }
  console.log('')

  const size = statSync(DIST).size
  const peak = Math.max(...memory.action)
  /** @type {{ name: string, measured: string, target: string, met: boolean | undefined }[]} */
  const targets = [
    {
      name: 'cold start',
      measured: `${ratio.toFixed(2)} × the empty module's`,
      target: `at most ${TARGET_RATIO.toFixed(1)} ×`,
      met: ratio <= TARGET_RATIO,
    },
    {
      name: 'bundle size',
      measured: `${SHOWN}: ${kib(size)}`,
      target: `under ${kib(TARGET_BUNDLE_BYTES)}`,
      met: size < TARGET_BUNDLE_BYTES,
    },
    {
      name: 'peak memory, one update',
      measured: `max RSS ${mb(peak)}`,
      target: `under ${mb(TARGET_RSS_BYTES)}`,
      met: peak < TARGET_RSS_BYTES,
    },
  ]
  const multiWall = multi.ok ? Math.max(...multi.walls) : NaN
  // The memory target is the cold start's. The 50-user run's peak, printed
  // with its wall time, grows by some 80 KB a request of garbage (socket
  // buffers, request objects) that V8 has no need to collect in 1.5 s.
  targets.push({
    name: `wall time, ${MULTI_USERS} users`,
    measured: multi.ok
      ? `${multiWall.toFixed(0)} ms, the slowest of ${MULTI_ROUNDS} runs`
      : `not measured (${multi.reason})`,
    target: `under ${TARGET_MULTI_MS} ms`,
    met: multi.ok ? multiWall < TARGET_MULTI_MS : undefined,
  })
  console.log('Targets')
  for (const t of targets)
    console.log(
      `  ${t.met ? 'met   ' : t.met === false ? 'MISSED' : 'n/a   '} ${t.name}: ${t.measured} (target: ${t.target})`,
    )
  const missed = targets.filter((t) => t.met !== true)
  if (missed.length > 0) {
    console.log('')
    console.log(`Not met: ${missed.map((t) => `${t.name}${t.met === undefined ? ' (not measured)' : ''}`).join('; ')}.`)
    process.exitCode = 1
  }
} finally {
  await zoom.close()
  rmSync(scratch, { recursive: true, force: true })
}

/**
 * The action updating 50 users in one run, against a server that holds each
 * answer 100 ms. A run that fails, or updates fewer than all, gives no figure:
 * the line says n/a, with the reason, and the target counts as not met.
 * @returns {Promise<{ ok: true, walls: number[], peaks: number[], requests: number } | { ok: false, reason: string }>}
 */
async function multiUser() {
  const users = Array.from({ length: MULTI_USERS }, (_, i) => ({
    id: `BenchUser${String(i + 1).padStart(13, '0')}`,
    email: `user${String(i + 1).padStart(2, '0')}@example.com`,
  }))
  const walls = []
  const peaks = []
  let requests = 0
  for (let round = 0; round < MULTI_ROUNDS; round++) {
    const server = await startZoomServer({
      users,
      tokens: { [DEMO_TOKEN]: { user: users[0]?.id ?? '', scopes: ['user:update:presence_status:admin'] } },
      rateLimitMs: 0,
    })
    // Each fault holds one answer, then lets the server answer as usual;
    // more than enough for every request, retries included.
    for (let i = 0; i < MULTI_USERS * 10; i++) {
      server.fault(async () => {
        await sleep(MULTI_DELAY_MS)
        return false
      })
    }
    try {
      const step = await measured({
        entry: DIST,
        inputs: {
          status: 'Available',
          user: users.map((u) => u.email).join('\n'),
          token: DEMO_TOKEN,
          'base-url': server.baseUrl,
        },
      })
      /** @type {{ ok?: boolean }[]} */
      let results = []
      try {
        results = JSON.parse(step.outputs.results ?? '[]')
      } catch {}
      const done = results.filter((r) => r.ok).length
      if (step.code !== 0 || done !== MULTI_USERS) {
        const why = (step.outputs.message ?? step.stderr.trim()).split('\n')[0]
        return { ok: false, reason: `exit code ${step.code}, ${done} of ${MULTI_USERS} users updated (${why})` }
      }
      walls.push(step.durationMs)
      peaks.push(step.peak)
      requests = server.updates().length
    } finally {
      await server.close()
    }
  }
  return { ok: true, walls, peaks, requests }
}

/**
 * Makes every step run under Node 24, the action's runtime, unless
 * ZOOM_PRESENCE_TEST_NODE already names a binary; says where it came from.
 */
function useNode24() {
  if (process.env.ZOOM_PRESENCE_TEST_NODE) return 'from ZOOM_PRESENCE_TEST_NODE'
  const found = spawnSync('npx', ['--yes', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8' })
  const path = found.stdout?.trim() ?? ''
  if (found.status !== 0 || !path) {
    console.error(`bench: could not get Node 24 with npx --yes node@24: ${found.stderr?.trim() || found.error}`)
    console.error('Set ZOOM_PRESENCE_TEST_NODE to a Node 24 binary to measure with it.')
    process.exit(1)
  }
  process.env.ZOOM_PRESENCE_TEST_NODE = path
  return "from npx --yes node@24, the action's runtime"
}

/**
 * Runs a step while measuring its peak memory.
 * @param {import('../test/support/runner.js').StepOptions} options
 */
async function measured(options) {
  const file = join(scratch, 'rss')
  rmSync(file, { force: true })
  const step = await runStep({
    ...options,
    prefix: rss.prefix(file),
    env: { ...options.env, ...rss.env(file) },
  })
  const kibibytes = Number(readFileSync(file, 'utf8').trim().split('\n').at(-1))
  if (!Number.isFinite(kibibytes) || kibibytes <= 0) throw new Error(`no peak memory in ${file}`)
  return { ...step, peak: kibibytes * 1024 }
}

/**
 * GNU time reports the kernel's own account of the child's maximum resident
 * set size (wait4's ru_maxrss), after the process has ended. Where it is
 * missing (macOS, minimal images), Node reports the same figure for itself
 * from an exit hook preloaded with --require: a few hundred kB more, as the
 * hook is loaded too.
 */
function peakMemoryMethod() {
  const gnuTime = '/usr/bin/time'
  const probe = join(scratch, 'rss-probe')
  if (
    spawnSync(gnuTime, ['-f', '%M', '-o', probe, 'true']).status === 0 &&
    /^\d+\s*$/.test(readFileSync(probe, 'utf8'))
  ) {
    return {
      label: `${gnuTime} -f %M (the kernel's ru_maxrss for the node process)`,
      prefix: (/** @type {string} */ file) => [gnuTime, '-f', '%M', '-o', file],
      env: () => ({}),
    }
  }
  const hook = `process.on('exit', () => require('node:fs').writeFileSync(process.env.ZOOM_PRESENCE_BENCH_RSS, String(process.resourceUsage().maxRSS)))`
  return {
    label: 'process.resourceUsage().maxRSS, from an exit hook (no GNU time here)',
    prefix: () => [],
    env: (/** @type {string} */ file) => ({
      ZOOM_PRESENCE_BENCH_RSS: file,
      NODE_OPTIONS: `--require=${writeHook(hook)}`,
    }),
  }
}

function writeHook(/** @type {string} */ source) {
  const file = join(scratch, 'rss-hook.cjs')
  writeFileSync(file, `${source}\n`)
  return file
}

/**
 * Spawns a command as runStep spawns the action, and times it from spawn to exit.
 * @param {string} command
 * @param {string[]} argv
 */
async function timed(command, argv) {
  const started = performance.now()
  const child = spawn(command, argv, { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  /** @type {number | null} */
  const code = await new Promise((done) => child.on('close', (c) => done(c)))
  return { ms: performance.now() - started, code, stdout, stderr }
}

function median(/** @type {number[]} */ values) {
  return quantile(values, 0.5)
}

function quantile(/** @type {number[]} */ values, /** @type {number} */ q) {
  const sorted = [...values].sort((x, y) => x - y)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  return (sorted[low] ?? NaN) + ((sorted[Math.ceil(at)] ?? NaN) - (sorted[low] ?? NaN)) * (at - low)
}

function load() {
  return `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (1, 5, 15 min) on ${availableParallelism()} cores`
}

function kib(/** @type {number} */ bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

function mb(/** @type {number} */ bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`
}
