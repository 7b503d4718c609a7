#!/usr/bin/env node
import metadata from '../package.json' with { type: 'json' }
import { main } from './cli/main.js'
import { exitIfLingering } from './lingering.js'

const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: metadata.version,
})
process.exitCode = code
exitIfLingering()
