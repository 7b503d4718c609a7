import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// scripts/release.mjs runs in a repository of its own here, whose build and
// checks are stand-ins: it never touches this repository and pushes nothing.
const SCRIPT = new URL('../../scripts/release.mjs', import.meta.url)

const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: tmpdir(),
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  npm_config_update_notifier: 'false',
}

let repo: string

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim()
}

function release(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/release.mjs', ...args], { cwd: repo, env, encoding: 'utf8' })
  return { code: run.status, output: `${run.stdout}${run.stderr}` }
}

function write(path: string, text: string) {
  writeFileSync(join(repo, path), text)
}

function commitAll(message: string) {
  git('add', '--all')
  git('commit', '--quiet', '-m', message)
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'zoom-presence-release-'))
  git('init', '--quiet', '--initial-branch=main')
  mkdirSync(join(repo, 'scripts'))
  copyFileSync(SCRIPT, join(repo, 'scripts/release.mjs'))
  write(
    'package.json',
    `${JSON.stringify(
      {
        name: 'release-test',
        version: '0.1.0',
        private: true,
        // As here: commander is bundled only into the command, so only its licences name it.
        dependencies: { commander: '^14.0.0', 'p-limit': '^7.0.0' },
        scripts: {
          build: [
            'mkdir -p dist',
            "printf 'bundle\\n' > dist/index.js",
            "printf 'p-limit\\nMIT\\nThe MIT License\\n' > dist/licenses.txt",
            "printf 'command\\n' > dist/cli.js",
            "printf 'commander\\nMIT\\nThe MIT License\\n\\np-limit\\nMIT\\nThe MIT License\\n' > dist/cli-licenses.txt",
          ].join(' && '),
          check: 'node -e "process.exit(0)"',
        },
      },
      null,
      2,
    )}\n`,
  )
  write('CHANGELOG.md', '# Changelog\n\n## [1.0.0] - 2026-12-07\n\n- First release.\n')
  commitAll('Start')
})

afterEach(() => {
  rmSync(repo, { recursive: true, force: true })
})

describe('scripts/release.mjs refuses', () => {
  it('a dirty work tree, untracked files included', () => {
    write('notes.txt', 'draft')
    const { code, output } = release('1.0.0')
    expect(code).toBe(1)
    expect(output).toContain('the work tree is not clean')
    expect(output).toContain('notes.txt')
    expect(git('tag', '--list')).toBe('')
  })

  it('a malformed or missing version', () => {
    for (const args of [[], ['1.0'], ['one'], ['1.0.0', '2.0.0'], ['01.0.0']]) {
      const { code, output } = release(...args)
      expect(code, args.join(' ')).toBe(1)
      expect(output).toContain('give one version such as 1.2.3')
    }
  })

  it('a version without a CHANGELOG section', () => {
    const { code, output } = release('1.1.0')
    expect(code).toBe(1)
    expect(output).toContain('CHANGELOG.md has no section "## [1.1.0]"')
  })

  it('a tag that exists, and a version not above the latest release', () => {
    git('tag', 'v1.0.0')
    expect(release('1.0.0').output).toContain('the tag v1.0.0 exists already')
    write('CHANGELOG.md', '# Changelog\n\n## [0.9.0]\n\n## [1.0.0]\n')
    commitAll('Older section')
    const { code, output } = release('0.9.0')
    expect(code).toBe(1)
    expect(output).toContain('v0.9.0 is not above the latest release v1.0.0')
  })

  it('a detached HEAD', () => {
    git('checkout', '--quiet', '--detach')
    const { code, output } = release('1.0.0')
    expect(code).toBe(1)
    expect(output).toContain('HEAD is detached')
  })

  it('a runtime dependency in no bundle licences, and puts the tree back', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
    pkg.dependencies['left-out'] = '^1.0.0'
    write('package.json', `${JSON.stringify(pkg, null, 2)}\n`)
    commitAll('Another dependency')
    const head = git('rev-parse', 'HEAD')
    const { code, output } = release('1.0.0')
    expect(code).toBe(1)
    expect(output).toContain(
      'no licences file (dist/licenses.txt, dist/cli-licenses.txt) holds the licence of left-out',
    )
    expect(output).toContain('the work tree is back as it was')
    // npm version and the build ran: their changes are gone.
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(existsSync(join(repo, 'dist'))).toBe(false)
    expect(readFileSync(join(repo, 'package.json'), 'utf8')).toContain('"version": "0.1.0"')
    expect(git('rev-parse', 'HEAD')).toBe(head)
    expect(git('tag', '--list')).toBe('')
  })

  it('a bundle without its licences file', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
    pkg.scripts.build = pkg.scripts.build.replace(/ && printf '[^']*' > dist\/cli-licenses\.txt/, '')
    write('package.json', `${JSON.stringify(pkg, null, 2)}\n`)
    commitAll('No licences for the command')
    const { code, output } = release('1.0.0')
    expect(code).toBe(1)
    expect(output).toContain('the build wrote no dist/cli-licenses.txt beside dist/cli.js')
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(git('tag', '--list')).toBe('')
  })

  it('a failing check, and puts the tree back', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
    pkg.scripts.check = 'node -e "process.exit(3)"'
    write('package.json', `${JSON.stringify(pkg, null, 2)}\n`)
    commitAll('A check that fails')
    const { code, output } = release('1.0.0')
    expect(code).toBe(1)
    expect(output).toContain('release: failed at: npm run check')
    expect(output).toContain('the work tree is back as it was')
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(git('tag', '--list')).toBe('')
  })
})

describe('scripts/release.mjs', () => {
  it('in a dry run, says what it would do and changes nothing', () => {
    const head = git('rev-parse', 'HEAD')
    const { code, output } = release('v1.0.0', '--dry-run')
    expect(code).toBe(0)
    expect(output).toContain('Releasing v1.0.0 from main:')
    expect(output).toContain('move v1 to v1.0.0')
    expect(output).toContain('push nothing')
    expect(output).toContain('Dry run: nothing was changed.')
    expect(git('rev-parse', 'HEAD')).toBe(head)
    expect(git('status', '--porcelain')).toBe('')
    expect(git('tag', '--list')).toBe('')
  })

  it('bundles, commits, tags vX.Y.Z and moves vX, and pushes nothing', () => {
    const { code, output } = release('1.0.0')
    expect(code, output).toBe(0)
    expect(git('log', '-1', '--format=%s')).toBe('Release v1.0.0')
    expect(git('show', 'HEAD:package.json')).toContain('"version": "1.0.0"')
    expect(git('show', 'HEAD:dist/licenses.txt')).toContain('p-limit')
    expect(git('show', 'HEAD:dist/cli-licenses.txt')).toContain('commander')
    expect(git('rev-parse', 'v1.0.0^{commit}')).toBe(git('rev-parse', 'HEAD'))
    expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'HEAD'))
    expect(git('status', '--porcelain')).toBe('')
    expect(output).toContain('git push origin main v1.0.0 && git push --force origin v1')

    write('CHANGELOG.md', '# Changelog\n\n## [1.1.0-rc.1]\n\n## [1.1.0]\n\n## [1.0.0]\n')
    commitAll('Next')
    expect(release('1.1.0-rc.1').code).toBe(0)
    expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'v1.0.0^{commit}'))
    expect(release('1.1.0').code).toBe(0)
    expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'v1.1.0^{commit}'))
  })
})
