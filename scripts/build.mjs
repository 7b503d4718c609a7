// Bundles the action (dist/index.js, for its main and post steps) and the
// command (dist/cli.js) with ncc, each with the licences of what it bundles.
// Usage: node scripts/build.mjs [output directory, default dist]
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const out = process.argv[2] ?? 'dist'
const ncc = fileURLToPath(import.meta.resolve('@vercel/ncc/dist/ncc/cli.js'))
const bundles = [
  { entry: 'src/index.ts', file: 'index.js', licences: 'licenses.txt' },
  { entry: 'src/cli.ts', file: 'cli.js', licences: 'cli-licenses.txt' },
]

mkdirSync(out, { recursive: true })
for (const { entry, file, licences } of bundles) {
  const work = mkdtempSync(join(tmpdir(), 'zoom-presence-build-'))
  try {
    // --minify drops comments and white space and shortens local names; function
    // and class names stay, so errors still name their kind. The action is
    // downloaded and parsed on every run: less than half the size.
    execFileSync(
      process.execPath,
      [ncc, 'build', entry, '-o', work, '--license', 'licenses.txt', '--minify', '--quiet'],
      {
        stdio: 'inherit',
      },
    )
    renameSync(join(work, 'index.js'), join(out, file))
    renameSync(join(work, 'licenses.txt'), join(out, licences))
    cpSync(join(work, 'package.json'), join(out, 'package.json'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
chmodSync(join(out, 'cli.js'), 0o755)
