// Releases version X.Y.Z of the action from a clean work tree:
//   node scripts/release.mjs X.Y.Z [--dry-run] [--push] [--remote NAME]
// It refuses a dirty tree, a detached HEAD, a malformed version, a version not above
// the latest release, an existing tag, and a CHANGELOG.md without a section for the
// version. Then it sets the version in package.json, bundles dist/ (each bundle with
// the third-party licences it holds, written next to it), runs every check (npm run check),
// commits what changed, tags vX.Y.Z and moves the major tag vX to it (not for a
// pre-release such as 1.2.0-rc.1). It pushes only with --push; --dry-run checks
// everything, runs nothing that writes, and says what it would do. If a step fails
// before the release commit, the work tree is put back as it was.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
// Each bundle, and the licences of the third-party packages in it, which ncc writes next to it.
const BUNDLES = [
  { bundle: 'dist/index.js', licences: 'dist/licenses.txt' },
  { bundle: 'dist/cli.js', licences: 'dist/cli-licenses.txt' },
]
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** Where the release is: it changes the tree from `changing` on, and commits at `committed`. */
let stage = 'checking'
/** The commit the release started from. */
let start = ''

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const push = args.includes('--push')
const remoteAt = args.indexOf('--remote')
const remote = remoteAt >= 0 ? args[remoteAt + 1] : 'origin'
const positional = args.filter((a, i) => !a.startsWith('--') && (remoteAt < 0 || i !== remoteAt + 1))
const version = (positional[0] ?? '').replace(/^v/, '')

process.chdir(ROOT)
const parsed = VERSION.exec(version)
if (positional.length !== 1 || !parsed) {
  refuse(`give one version such as 1.2.3 or 1.3.0-rc.1 (got ${positional.length ? positional.join(' ') : 'none'})`)
}
if (!remote) refuse('--remote needs a name')
const [, major = '0', , , pre] = parsed
const tag = `v${version}`
const majorTag = `v${major}`

if (git('rev-parse', '--is-inside-work-tree') !== 'true') refuse('not inside a git work tree')
const branch = git('branch', '--show-current')
if (!branch) refuse('HEAD is detached: check out the branch to release from')
const dirty = git('status', '--porcelain', '--untracked-files=all')
if (dirty) refuse(`the work tree is not clean; commit or stash first:\n${dirty}`)
if (git('tag', '--list', tag)) refuse(`the tag ${tag} exists already`)

const latest = git('tag', '--list', 'v*.*.*')
  .split('\n')
  .map((t) => VERSION.exec(t.replace(/^v/, '')))
  .filter((m) => m !== null)
  .sort((a, b) => compare(b, a))[0]
if (latest && compare(parsed, latest) <= 0) refuse(`${tag} is not above the latest release v${latest[0]}`)

const changelog = existsSync('CHANGELOG.md') ? readFileSync('CHANGELOG.md', 'utf8') : ''
const escaped = version.replace(/\./g, '\\.')
if (!new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`, 'm').test(changelog)) {
  refuse(`CHANGELOG.md has no section "## [${version}]": write what changed first`)
}

const plan = [
  `set the version in package.json and package-lock.json to ${version}`,
  `bundle dist/ (npm run build), with the third-party licences in ${BUNDLES.map((b) => b.licences).join(' and ')}`,
  'run every check (npm run check)',
  `commit "Release ${tag}" if anything changed`,
  `tag ${tag}`,
  pre ? `leave ${majorTag} where it is (${tag} is a pre-release)` : `move ${majorTag} to ${tag}`,
  push ? `push ${branch}, ${tag}${pre ? '' : ` and ${majorTag}`} to ${remote}` : 'push nothing',
]
console.log(`Releasing ${tag} from ${branch}${latest ? `, after v${latest[0]}` : ''}:`)
for (const step of plan) console.log(`  - ${step}`)
if (dryRun) {
  console.log('Dry run: nothing was changed.')
  process.exit(0)
}

// From here on the tree changes; until the release commit, a failure puts it back.
start = git('rev-parse', 'HEAD')
stage = 'changing'
run('npm', ['version', version, '--no-git-tag-version', '--allow-same-version'])
run('npm', ['run', 'build'])
checkLicenses()
run('npm', ['run', 'check'])
if (git('status', '--porcelain', '--untracked-files=all')) {
  run('git', ['add', '--all'])
  run('git', ['commit', '--quiet', '-m', `Release ${tag}`])
}
stage = 'committed'
run('git', ['tag', '--annotate', tag, '-m', tag])
if (!pre) run('git', ['tag', '--force', '--annotate', majorTag, '-m', `${majorTag}: ${tag}`, `${tag}^{commit}`])

if (push) {
  run('git', ['push', remote, branch, tag])
  if (!pre) run('git', ['push', '--force', remote, majorTag])
  console.log(`Released ${tag}. Publish its GitHub release from the tag, with its CHANGELOG.md section.`)
} else {
  console.log(`Tagged ${tag}${pre ? '' : ` and moved ${majorTag}`}. To publish:`)
  console.log(`  git push ${remote} ${branch} ${tag}${pre ? '' : ` && git push --force ${remote} ${majorTag}`}`)
}

/**
 * Each bundle has its licences file, and every runtime dependency is in the
 * licences of a bundle: one that is in none is either not bundled (so not a
 * runtime dependency) or bundled without its licence.
 */
function checkLicenses() {
  /** @type {Set<string>} */
  const listed = new Set()
  for (const { bundle, licences } of BUNDLES) {
    if (!existsSync(bundle)) refuse(`the build wrote no ${bundle}`)
    if (!existsSync(licences) || statSync(licences).size === 0)
      refuse(`the build wrote no ${licences} beside ${bundle}`)
    for (const line of readFileSync(licences, 'utf8').split('\n')) listed.add(line)
  }
  const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {})
  const missing = dependencies.filter((name) => !listed.has(name))
  const files = BUNDLES.map((b) => b.licences).join(', ')
  if (missing.length > 0) refuse(`no licences file (${files}) holds the licence of ${missing.join(', ')}`)
  console.log(`The licences files (${files}) hold the licences of every runtime dependency.`)
}

/** @param {RegExpExecArray} a @param {RegExpExecArray} b */
function compare(a, b) {
  for (const i of [1, 2, 3]) {
    const d = Number(a[i]) - Number(b[i])
    if (d !== 0) return d
  }
  // A pre-release comes before its release; two pre-releases compare as text.
  if (!a[4] || !b[4]) return (a[4] ? -1 : 0) - (b[4] ? -1 : 0)
  return a[4].localeCompare(b[4], 'en', { numeric: true })
}

/** @param {string[]} command */
function git(...command) {
  try {
    return execFileSync('git', command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch {
    return ''
  }
}

/** @param {string[]} command */
function gitOk(...command) {
  return spawnSync('git', command, { stdio: 'ignore' }).status === 0
}

/** @param {string} command @param {string[]} commandArgs */
function run(command, commandArgs) {
  const line = `${command} ${commandArgs.join(' ')}`
  console.log(`$ ${line}`)
  try {
    execFileSync(command, commandArgs, { stdio: 'inherit' })
  } catch {
    console.error(`release: failed at: ${line}`)
    stop()
  }
}

/** @param {string} why @returns {never} */
function refuse(why) {
  console.error(`release: refused: ${why}`)
  stop()
}

/** Ends the run; once the tree has changed, puts it back or says what is left. @returns {never} */
function stop() {
  if (stage === 'changing') {
    // The tree was clean at the start, so this drops only what the release changed.
    const back =
      gitOk('reset', '--hard', '--quiet', start) &&
      gitOk('clean', '-d', '--force', '--quiet') &&
      !git('status', '--porcelain', '--untracked-files=all')
    console.error(
      back
        ? `Nothing was pushed or committed, and the work tree is back as it was at ${start.slice(0, 7)}.`
        : `Nothing was pushed, but the work tree could not be put back: git status shows what the release changed since ${start.slice(0, 7)}.`,
    )
  } else if (stage === 'committed') {
    console.error('Nothing was pushed. The release commit is made; git log and git tag show what else is done.')
  }
  process.exit(1)
}
