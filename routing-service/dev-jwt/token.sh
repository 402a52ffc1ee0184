#!/usr/bin/env bash
# Prints a bearer token for the LOCAL RUN ONLY, signed with the development key next to this
# script. A deployment sets mp.jwt.verify.publickey.location to its own issuer's public key, so
# tokens from this script are refused there.
# Usage: routing-service/dev-jwt/token.sh <subject> <role>[,<role>...] [lifetime-seconds]
set -euo pipefail
subject=${1:?subject, e.g. duty-1}
roles=${2:?roles, e.g. operator or supervisor,admin}
lifetime=${3:-28800}
dir=$(dirname "$0")
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
groups=$(printf '"%s",' ${roles//,/ }); groups="[${groups%,}]"
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
claims=$(printf '{"iss":"switchboard","sub":"%s","upn":"%s","groups":%s,"iat":%d,"exp":%d}' \
  "$subject" "$subject" "$groups" "$now" $((now + lifetime)) | b64)
signature=$(printf '%s.%s' "$header" "$claims" \
  | openssl dgst -sha256 -sign "$dir/private-key.pem" -binary | b64)
echo "$header.$claims.$signature"
