/** The public pages the findings cite, named once. */
export const SOURCES = {
  helseidClientAssertion: 'https://helseid.atlassian.net/wiki/pages/viewpage.action?pageId=541982723',
  helseidTokenEndpoint: 'https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/teknisk-referanse/endepunkt/token-endepunktet_enmd',
  helseidOrganisationNumbers: 'https://utviklerportal.nhn.no/informasjonstjenester/helseid/bruk-av-helseid/docs/tekniske-mekanismer/organisasjonsnumre_no_nbmd',
  helseidTestTokenService: 'https://utviklerportal.nhn.no/informasjonstjenester/helseid/tilgang-til-helseid/test-token-tjenesten/docs/test-token-tjenesten_enmd',
  criticalInfoAuthorization: 'https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/authorizationmd',
  criticalInfoResources: 'https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/',
  criticalInfoKjConsent: 'https://utviklerportal.nhn.no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/fhir-resources/kjconsentmd',
  criticalInfoBehandlingsavklaring: 'https://utviklerportal.nhn.no/no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/fhir-resources/kjconsentbehandlingsavklaringmd',
  criticalInfoSearch: 'https://utviklerportal-dev.utvikling.nhn.no/no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/read-allergynintolerance-typemd/',
  criticalInfoStatus: 'https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/status-critical-infomd',
  helseindikator: 'https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807',
  pingOutput: 'https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=687603770&pageId=783220744',
  restWorkflow: 'https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/786989408',
  innloggingClient: 'https://utviklerportal.nhn.no/informasjonstjenester/kjernejournal-portal/innlogging/innlogging/docs/helseidklientmd/',
  portalErrorCodes: 'https://kjernejournal.atlassian.net/wiki/spaces/KJERNEJOURDOK1/pages/664635127',
  nhnInnloggingSample: 'https://github.com/NorskHelsenett/kjernejournal-innlogging-klient',
  helseidDpopProof: 'https://utviklerportal.nhn.no/informasjonstjenester/helseid/protokoller-og-sikkerhetsprofil/sikkerhetsprofil/docs/vedlegg/formatering_av_dpop_bevis_enmd',
  helseidTestTokenDemo: 'https://github.com/NorskHelsenett/HelseID.Samples',
  rfc9449: 'https://www.rfc-editor.org/rfc/rfc9449#section-7.1',
  nhnSampleApiDpop: 'https://github.com/NorskHelsenett/HelseID.Samples'
} as const
