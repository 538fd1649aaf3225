#!/usr/bin/env bash
# The EHR flow end to end, as an EHR does it: HelseID tokens, helseindikator, ticket, critical
# information on both FHIR faces, the portal. Needs the started sandbox, curl and node; run it from
# the repository root (the demo client's key is read from fixtures/). test/e2e/ehr-flow.test.ts runs it.
set -euo pipefail
BASE_URL=${BASE_URL:-http://localhost:8080}
CLIENT_ID=sandbox-demo-ehr                                    # the built-in demo client (private_key_jwt)
KEY_FILE=fixtures/helseid/demo-client.private.jwk.json        # its private key, in the repo on purpose
EHR='ACME EHR 42.01'                                          # X-EPJ-System / nhn-source-system
PATIENT=17815810112                                           # Kristian Kritisk: helseindikator status 4
USER_PID=01887840020                                          # Ingrid Lege: physician (LE), security level 4
REDIRECT_URI=http://localhost:3000/callback
VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk           # PKCE pair (RFC 7636's example;
CHALLENGE=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM          # make your own per login)
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT                   # the answers, for their fields

# A client assertion (RFC 7523): a JWT signed with the client's key, new for every token call.
assertion () {
  node -e '
    const { createPrivateKey, randomUUID, sign } = require("node:crypto")
    const jwk = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url")
    const now = Math.floor(Date.now() / 1000)
    const input = b64({ alg: "RS256", kid: jwk.kid, typ: "JWT" }) + "." +
      b64({ iss: process.argv[2], sub: process.argv[2], aud: process.argv[3], jti: randomUUID(), iat: now, exp: now + 60 })
    console.log(input + "." + sign("sha256", Buffer.from(input), createPrivateKey({ key: jwk, format: "jwk" })).toString("base64url"))
  ' "$KEY_FILE" "$CLIENT_ID" "$BASE_URL/connect/token"
}
# A field of the JSON on stdin (a.b.0.c), or the whole answer on stderr and a failure.
field () {
  node -e '
    let s = ""; process.stdin.on("data", (d) => { s += d }).on("end", () => {
      let v; try { v = process.argv[1].split(".").reduce((o, k) => o?.[k], JSON.parse(s)) } catch {}
      if (v == null) { console.error("no " + process.argv[1] + " in: " + s); process.exit(1) }
      console.log(typeof v === "object" ? JSON.stringify(v) : v)
    })' "$1"
}
# POST /connect/token with the grant's fields and a client assertion; prints the access token.
token () {
  curl -sS "$BASE_URL/connect/token" -d client_id=$CLIENT_ID "$@" -d client_assertion="$(assertion)" \
    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer > "$OUT/token.json"
  field access_token < "$OUT/token.json"
}

# 1. System token: client_credentials, audience nhn:kjernejournal.
SYSTEM_TOKEN=$(token -d grant_type=client_credentials -d scope=nhn:kjernejournal/api)
echo "1. system token: ${SYSTEM_TOKEN:0:20}..."

# 2. Helseindikator for the patient: which icon to show, and (status 2-4) the ticket.
curl -sS "$BASE_URL/v1/helseindikator" -H "Authorization: Bearer $SYSTEM_TOKEN" -H "X-EPJ-System: $EHR" \
  -H 'Content-Type: application/json' -d "{\"fnr\":\"$PATIENT\",\"samtykke\":\"HPMOTTATTSAMTYKKE\"}" > "$OUT/hi.json"
STATUS=$(field status < "$OUT/hi.json")
TICKET=$(field ticket < "$OUT/hi.json")
echo "2. helseindikator: status $STATUS, ticket ${TICKET:0:20}..."

# 3. User token: the physician logs in (HelseID's test-IdP hint test_pid instead of a browser),
#    authorization code + PKCE; one login, one token per API (resource picks the audience).
CODE=$(curl -sS -o /dev/null -w '%{redirect_url}' "$BASE_URL/connect/authorize?client_id=$CLIENT_ID&response_type=code&redirect_uri=$REDIRECT_URI&scope=openid%20offline_access%20nhn:kjernejournal/api%20nhn:critical-information/api&code_challenge=$CHALLENGE&code_challenge_method=S256&state=1&test_pid=$USER_PID" \
  | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
USER_TOKEN=$(token -d grant_type=authorization_code -d code="$CODE" -d code_verifier=$VERIFIER \
  -d redirect_uri=$REDIRECT_URI -d resource=nhn:kjernejournal)
REFRESH_TOKEN=$(field refresh_token < "$OUT/token.json")
CI_TOKEN=$(token -d grant_type=refresh_token -d refresh_token="$REFRESH_TOKEN" -d resource=nhn:critical-information)
echo "3. user tokens: ${USER_TOKEN:0:20}... (nhn:kjernejournal), ${CI_TOKEN:0:20}... (nhn:critical-information)"

# 4. Critical information on the ticket face: user token + ticket.
curl -sS "$BASE_URL/v1/fhir/Patient/\$everything" -H "Authorization: Bearer $USER_TOKEN" -H "X-EPJ-System: $EHR" \
  -H "X-KJ-Ticket: $TICKET" -H 'Accept: application/fhir+json' > "$OUT/fhir.json"
FHIR_COUNT=$(field entry.length < "$OUT/fhir.json")
echo "4. /v1/fhir: $(field resourceType < "$OUT/fhir.json") with $FHIR_COUNT resources"

# 5. The same on the critical-information API: user token + the nhn-* headers.
ROLE=$(node -p 'encodeURIComponent(JSON.stringify({ system: "urn:oid:2.16.578.1.12.4.1.1.9060", code: "LE" }))')
curl -sS "$BASE_URL/api/critical-information/v1/AllergyIntolerance?criticalInfoType=DrugReaction" \
  -H "Authorization: Bearer $CI_TOKEN" -H "nhn-patient-nin: $PATIENT" -H 'nhn-access-basis: SAMTYKKE' \
  -H "nhn-user-role: $ROLE" -H "nhn-source-system: $EHR" > "$OUT/ci.json"
CI_COUNT=$(field entry.length < "$OUT/ci.json")
echo "5. /api/critical-information/v1: $(field resourceType < "$OUT/ci.json") with $CI_COUNT AllergyIntolerance"

# 6. The portal for the patient on screen: the ticket URL-encoded, logged in as the physician.
PORTAL_URL="$BASE_URL/hpp-webapp/hentpasient.html?ticket=$(node -p 'encodeURIComponent(process.argv[1])' "$TICKET")&test_pid=$USER_PID"
PORTAL_STATUS=$(curl -sS -o "$OUT/portal.html" -w '%{http_code}' "$PORTAL_URL")
PORTAL_TITLE=$(sed -n 's|.*<title>\([^<]*\)</title>.*|\1|p' "$OUT/portal.html" | head -n 1)
echo "6. portal: HTTP $PORTAL_STATUS, \"$PORTAL_TITLE\"; open it in a browser:"
echo "   $PORTAL_URL"
