/** Findings at Kjernejournal Innlogging (/api/session) and the portal. */
import type { FindingDefinition } from '../catalogue.js'
import { SOURCES } from './sources.js'

export const INNLOGGING_FINDINGS: readonly FindingDefinition[] = [
  {
    id: 'innlogging-json-without-content-type',
    severity: 'unconfirmed',
    title: 'Innlogging body sent without a Content-Type',
    realService: 'NHN\'s reference EHR sends refresh and end with a JSON body and no Content-Type, and no source says Kjernejournal Innlogging requires one; whether the real API reads such a body as JSON is not published (the sandbox does).',
    source: SOURCES.nhnInnloggingSample,
    fix: 'Send Content-Type: application/json with every /api/session body (create, refresh, end).',
    strict: { refuses: false, why: 'Nothing documents that the real service refuses a body without a Content-Type, nor with which code.' },
    assumption: true
  },
  {
    id: 'innlogging-end-without-ath',
    severity: 'deprecated',
    title: 'Session end signed with a DPoP proof without ath',
    realService: 'HelseID\'s DPoP rules say a proof used in an API call must include ath (the access token\'s hash); NHN\'s reference EHR signs /api/session/end without it, so Kjernejournal Innlogging is taken to accept it there, but only against those rules.',
    source: SOURCES.helseidDpopProof,
    fix: 'Put ath (BASE64URL(SHA-256(access token))) in the DPoP proof of /api/session/end, as for create, refresh and ping.',
    strict: { refuses: true, answer: 'KJF-000198 (401) in the portal face\'s error shape, as with INNLOGGING_END_REQUIRES_ATH=true' },
    assumption: true
  },
  {
    id: 'innlogging-source-system-not-checked',
    severity: 'unconfirmed',
    title: 'Innlogging ping without X-SOURCE-SYSTEM',
    realService: 'NHN\'s TestTokenDemo sends X-SOURCE-SYSTEM to /api/session/ping as a "Header required by Kjernejournal"; what the real service answers without it (and with which code) is not published, and the sandbox does not check it.',
    source: SOURCES.helseidTestTokenDemo,
    fix: 'Send X-SOURCE-SYSTEM with your EHR\'s name and version (e.g. "ACME EHR 42.01") on every Kjernejournal Innlogging call.',
    strict: { refuses: false, why: 'The code for a missing X-SOURCE-SYSTEM is not published, so the sandbox cannot answer as the real service does.' },
    assumption: true
  },
  {
    id: 'innlogging-attest-not-required',
    severity: 'unconfirmed',
    title: 'Innlogging session created with a token without a tillitsrammeverk attest',
    realService: 'Kjernejournal Innlogging requires the scope nhn:kjernejournal/tillitsrammeverk; whether it also checks the attest (authorization_details) at session creation is not documented. NHN\'s sample adds the attest on a token refresh when the patient is chosen, before it creates the session.',
    source: SOURCES.innloggingClient,
    fix: 'When the user chooses the patient, refresh the HelseID token with the tillitsrammeverk attest in the client assertion\'s authorization_details, and create the Innlogging session with that token (INNLOGGING_REQUIRE_ATTEST=true checks it here).',
    strict: { refuses: false, why: 'Whether the real service refuses create without the attest is not documented; INNLOGGING_REQUIRE_ATTEST=true refuses it with KJF-000218 for those who want the check.' },
    assumption: true
  },
  {
    id: 'ticket-not-url-encoded',
    severity: 'will-fail',
    title: 'Portal opened with a ticket that was not URL-encoded',
    realService: 'Tickets are standard base64 with + and /; the portal decodes its query as a form, so an unencoded + arrives as a space and the real portal answers AUT_119 ("check the URL and the ticket parameter").',
    source: SOURCES.portalErrorCodes,
    fix: 'URL-encode the ticket when you put it in the portal URL (encodeURIComponent, Uri.EscapeDataString, URLEncoder.encode).',
    strict: { refuses: true, answer: 'AUT_119, as in the lenient profile: here the sandbox is not lenient, the finding only names the cause' }
  }
]
