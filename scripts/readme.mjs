// Writes the README's inputs and outputs tables from action.yml with action-docs,
// between its markers, and formats them as Biome formats the rest of the README.
// Usage: node scripts/readme.mjs          rewrites README.md
//        node scripts/readme.mjs --check  fails when README.md is not what it would write
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateActionMarkdownDocs } from 'action-docs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const README = 'README.md'
const SOURCE = 'action.yml'
const SECTIONS = ['inputs', 'outputs']

process.chdir(ROOT)
const check = process.argv.includes('--check')
const current = readFileSync(README, 'utf8')

for (const section of SECTIONS) {
  const marker = `<!-- action-docs-${section} source="${SOURCE}" -->`
  const count = current.split(marker).length - 1
  if (count !== 2) {
    console.error(`${README} needs the marker ${marker} twice, around the ${section} table; it has it ${count} times.`)
    process.exit(1)
  }
}

const fresh = await generate()
if (check) {
  if (fresh !== current) {
    console.error(`${README}'s inputs and outputs tables differ from ${SOURCE}: run npm run docs and commit ${README}.`)
    process.exit(1)
  }
  console.log(`${README}'s inputs and outputs tables match ${SOURCE}.`)
} else if (fresh !== current) {
  writeFileSync(README, fresh)
  console.log(`Rewrote the inputs and outputs tables in ${README} from ${SOURCE}.`)
} else {
  console.log(`${README}'s inputs and outputs tables already match ${SOURCE}.`)
}

/** The README as it would be with fresh tables, made in a copy so README.md is untouched. */
async function generate() {
  const dir = mkdtempSync(join(tmpdir(), 'zoom-presence-readme-'))
  try {
    const copy = join(dir, README)
    copyFileSync(README, copy)
    await generateActionMarkdownDocs({ sourceFile: SOURCE, updateReadme: true, readmeFile: copy, tocLevel: 2 })
    return format(readFileSync(copy, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Formats the README as `npm run format` does: action-docs writes its tables
 * unaligned, and Biome pads their columns, so without this the check would
 * fail on a README that Biome has formatted.
 * @param {string} markdown
 */
function format(markdown) {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome')
  return execFileSync(biome, ['format', `--stdin-file-path=${README}`], {
    input: markdown,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
  })
}
