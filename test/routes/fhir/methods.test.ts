/**
 * Both FHIR faces: a method a path does not serve is 405 with `Allow`, in the face's own error
 * shape, for every path of the face (the table); an Accept for XML alone is 406.
 */
import t from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../../helper.js'
import { CI, expectOutcome, expectTicketOutcome } from '../../support/critical-info.js'

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

/** Every path shape of each face, with the methods it serves (HEAD wherever GET is). */
const FACES = [
  {
    face: 'critical-information',
    prefix: CI,
    expect: expectOutcome,
    code: 'KI-0007',
    paths: [
      { path: '/status', allow: ['POST'] },
      { path: '/metadata', allow: ['GET', 'HEAD'] },
      { path: '/Condition', allow: ['GET', 'HEAD', 'POST'] },
      { path: '/Condition/x1', allow: ['GET', 'HEAD', 'PUT', 'DELETE'] },
      { path: '/Condition/x1/_history', allow: ['GET', 'HEAD'] },
      { path: '/Condition/x1/_history/1', allow: ['GET', 'HEAD', 'DELETE'] }
    ]
  },
  {
    face: 'fhir-legacy',
    prefix: '/v1/fhir',
    expect: expectTicketOutcome,
    code: 'KJF-000260',
    paths: [
      { path: '/metadata', allow: ['GET', 'HEAD'] },
      { path: '/Patient/$everything', allow: ['GET', 'HEAD'] },
      { path: '/Flag', allow: ['GET', 'HEAD', 'POST'] },
      { path: '/Flag/x1', allow: ['GET', 'HEAD', 'PUT', 'DELETE'] },
      { path: '/Flag/x1/_history', allow: ['GET', 'HEAD'] },
      { path: '/Flag/x1/_history/1', allow: ['GET', 'HEAD', 'DELETE'] }
    ]
  }
] as const

const METHODS: readonly Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']

t.test('405 with Allow for every method a path does not serve, on both FHIR faces', async (t) => {
  const app = await build(t)
  for (const { face, prefix, expect, code, paths } of FACES) {
    for (const { path, allow } of paths) {
      for (const method of METHODS.filter((m) => !(allow as readonly string[]).includes(m))) {
        const res: LightMyRequestResponse = await app.inject({ method, url: `${prefix}${path}` })
        const name = `${face}: ${method} ${path}`
        t.equal(res.statusCode, 405, name)
        t.equal(res.headers.allow, allow.join(', '), `${name}: Allow`)
        if (method !== 'HEAD') expect(t, res, code, 405)
      }
    }
  }
})

t.test('the served methods are not 405 (they reach the access chain)', async (t) => {
  const app = await build(t)
  for (const { prefix, paths } of FACES) {
    for (const { path, allow } of paths) {
      for (const method of allow) {
        const res = await app.inject({ method, url: `${prefix}${path}` })
        t.not(res.statusCode, 405, `${method} ${prefix}${path}`)
      }
    }
  }
})

t.test('501 stays for what the API does not implement: an unknown resource type', async (t) => {
  const app = await build(t)
  expectOutcome(t, await app.inject({ method: 'GET', url: `${CI}/Observation`, headers: { authorization: 'Bearer x' } }), 'KI-0012', 501)
})

t.test('Accept for XML alone is 406 in the face\'s shape; JSON or anything is served as before', async (t) => {
  const app = await build(t)
  for (const accept of ['application/fhir+xml', 'application/xml', 'application/xml, application/fhir+xml;q=0.9', 'application/fhir+xml, application/json;q=0']) {
    expectOutcome(t, await app.inject({ method: 'GET', url: `${CI}/metadata`, headers: { accept } }), 'KI-0007', 406)
    const legacy = await app.inject({ method: 'GET', url: '/v1/fhir/metadata', headers: { accept } })
    expectTicketOutcome(t, legacy, 'KJF-000260', 406)
    t.match(legacy.json().issue[1].diagnostics, /application\/fhir\+json only/)
  }
  for (const accept of ['application/fhir+json', 'application/json', '*/*', 'application/fhir+xml;q=0.9, application/fhir+json', 'text/html']) {
    const res = await app.inject({ method: 'GET', url: `${CI}/metadata`, headers: { accept } })
    t.equal(res.statusCode, 200, accept)
  }
  t.equal((await app.inject({ method: 'GET', url: '/v1/fhir/metadata' })).statusCode, 200, 'no Accept at all')
})
