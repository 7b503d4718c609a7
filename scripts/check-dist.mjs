// Fails when dist/ is not what a fresh build of src/ produces, so the action
// users run is always the one that was reviewed and tested.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const fresh = mkdtempSync(join(tmpdir(), 'zoom-presence-dist-'))
try {
  execFileSync('node', ['scripts/build.mjs', fresh], { stdio: ['ignore', 'ignore', 'inherit'] })
  const names = new Set([...readdirSync('dist'), ...readdirSync(fresh)])
  const stale = [...names].filter((name) => {
    try {
      return !readFileSync(join('dist', name)).equals(readFileSync(join(fresh, name)))
    } catch {
      return true
    }
  })
  if (stale.length > 0) {
    console.error(`dist/ does not match src/ (${stale.join(', ')} differ): run npm run build and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ matches a fresh build of src/.')
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
