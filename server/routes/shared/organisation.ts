/**
 * The organisation step of every Kjernejournal face: the register decides (226 / 227 / 331), and an
 * organisation that gets in only because the sandbox registered it at run time is a readiness
 * finding (at NHN only an agreement gives access; docs/assumptions.md).
 */
import type { FastifyRequest } from 'fastify'
import type { KjToken } from '../../domain/kjernejournal/access-token.js'
import { authoriseOrganisation } from '../../domain/kjernejournal/organisation-access.js'
import type { Organisation } from '../../domain/world/organisations.js'
import { lenient } from './leniency.js'

export function authoriseKjOrganisation (request: FastifyRequest, token: Pick<KjToken, 'orgnrChild' | 'orgnrParent'>): Organisation {
  const { sandbox } = request.server
  const organisation = authoriseOrganisation(token, sandbox.world.organisations)
  const grant = sandbox.operations.grantedAtRunTime(organisation.orgnr)
  const who = (): string => `organisation ${organisation.orgnr} (${organisation.name})`
  // Neither is refused in strict: whether the organisation has an agreement at NHN is not the sandbox's to know.
  if (grant === 'client-registration') {
    lenient(request, 'organisation-agreement-on-registration', `${who()} has Kjernejournal access here only because a client registration (/__admin/clients) added it`)
  } else if (grant === 'organisation-register') {
    lenient(request, 'organisation-registered-by-sandbox', `${who()} has Kjernejournal access here only because it was added or changed at run time (/__admin/organisations)`)
  }
  return organisation
}
