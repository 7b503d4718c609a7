// Releases version X.Y.Z of the action from a clean work tree:
//   node scripts/release.mjs X.Y.Z [--dry-run] [--push] [--remote NAME]
// It refuses a dirty tree, a detached HEAD, a malformed version, a version not above
// the latest release, an existing tag, and a CHANGELOG.md without a section for the
// version. Then it sets the version in package.json, bundles dist/ (with the
// third-party licences in dist/licenses.txt), runs every check (npm run check),
// commits what changed, tags vX.Y.Z and moves the major tag vX to it (not for a
// pre-release such as 1.2.0-rc.1). It pushes only with --push; --dry-run checks
// everything, runs nothing that writes, and says what it would do.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const LICENSES = 'dist/licenses.txt'
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

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
  'bundle dist/ (npm run build), with the third-party licences in dist/licenses.txt',
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

run('npm', ['version', version, '--no-git-tag-version', '--allow-same-version'])
run('npm', ['run', 'build'])
checkLicenses()
run('npm', ['run', 'check'])
if (git('status', '--porcelain', '--untracked-files=all')) {
  run('git', ['add', '--all'])
  run('git', ['commit', '--quiet', '-m', `Release ${tag}`])
}
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

/** The bundle's third-party licences, written by ncc next to it, name every runtime dependency. */
function checkLicenses() {
  if (!existsSync(LICENSES) || statSync(LICENSES).size === 0) refuse(`the build wrote no ${LICENSES}`)
  const listed = new Set(readFileSync(LICENSES, 'utf8').split('\n'))
  const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {})
  const missing = dependencies.filter((name) => !listed.has(name))
  if (missing.length > 0) refuse(`${LICENSES} lacks the licence of ${missing.join(', ')}`)
  console.log(`${LICENSES} holds the licences of the bundle's third-party packages.`)
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

/** @param {string} command @param {string[]} commandArgs */
function run(command, commandArgs) {
  const line = `${command} ${commandArgs.join(' ')}`
  console.log(`$ ${line}`)
  try {
    execFileSync(command, commandArgs, { stdio: 'inherit' })
  } catch {
    console.error(`release: failed at: ${line}`)
    console.error('Nothing was pushed. The work tree keeps the changes made so far: git status shows them.')
    process.exit(1)
  }
}

/** @param {string} why @returns {never} */
function refuse(why) {
  console.error(`release: refused: ${why}`)
  process.exit(1)
}
