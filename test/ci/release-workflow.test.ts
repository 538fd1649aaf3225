/**
 * The release workflow runs only on a tag, on GitHub: a mistake in it shows up on release day.
 * So it is checked here against the GitHub workflow schema (SchemaStore's, compiled into
 * @action-validator/core, offline), and for what this project needs of it: tests first, a
 * multi-arch image to ghcr.io, the npm package with provenance.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'

const FILE = new URL('../../.github/workflows/release.yml', import.meta.url)
const text = readFileSync(FILE, 'utf8')

interface Step { readonly uses?: string, readonly run?: string, readonly with?: Record<string, unknown>, readonly env?: Record<string, string> }
interface Job { readonly needs?: string | string[], readonly permissions?: Record<string, string>, readonly steps: Step[] }
interface Workflow { readonly on: { push: { tags: string[] } }, readonly jobs: Record<string, Job> }

const workflow = parse(text) as Workflow

function steps (job: string): Step[] {
  const found = workflow.jobs[job]
  if (found === undefined) throw new Error(`no job '${job}'`)
  return found.steps
}

function action (job: string, name: string): Step | undefined {
  return steps(job).find((s) => s.uses?.split('@')[0] === name)
}

t.test('the workflow is valid against the GitHub workflow schema', async (t) => {
  const result = validateWorkflow(text)
  t.equal(result.actionType, 'workflow')
  t.same(result.errors, [], 'no schema errors')
})

t.test('the validator does catch a broken workflow (so the check above means something)', async (t) => {
  const broken = text.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')
  t.not(broken, text)
  t.ok(validateWorkflow(broken).errors.length > 0)
})

t.test('it runs on version tags only, and publishes only after the tests pass', async (t) => {
  t.same(Object.keys(workflow.on), ['push'])
  t.same(workflow.on.push.tags, ['v*'])
  t.ok(steps('test').some((s) => s.run === 'npm test'), 'the README\'s test command')
  t.ok(steps('test').some((s) => s.run?.includes('.ci/pack-test.sh') === true), 'the packed tarball works')
  t.ok(action('test', 'actions/setup-node')?.with?.['node-version'] === 24, 'on Node 24')
  for (const job of ['image', 'npm']) t.equal(workflow.jobs[job]?.needs, 'test', `${job} waits for the tests`)
})

t.test('the image: multi-arch, to ghcr.io, with the token allowed to write packages', async (t) => {
  t.ok(action('image', 'docker/setup-qemu-action'))
  t.ok(action('image', 'docker/setup-buildx-action'))
  t.equal(action('image', 'docker/login-action')?.with?.registry, 'ghcr.io')
  const push = action('image', 'docker/build-push-action')
  t.equal(push?.with?.platforms, 'linux/amd64,linux/arm64')
  t.equal(push?.with?.push, true)
  t.match(action('image', 'docker/metadata-action')?.with?.images, /^ghcr\.io\//)
  t.equal(workflow.jobs.image?.permissions?.packages, 'write')
})

t.test('the npm package: published with provenance, so the job may mint an OIDC token', async (t) => {
  const publish = steps('npm').find((s) => s.run?.startsWith('npm publish') === true)
  t.match(publish?.run, /--provenance/)
  t.ok(publish?.env?.NODE_AUTH_TOKEN !== undefined)
  t.equal(workflow.jobs.npm?.permissions?.['id-token'], 'write')
  t.equal(action('npm', 'actions/setup-node')?.with?.['registry-url'], 'https://registry.npmjs.org')
})
