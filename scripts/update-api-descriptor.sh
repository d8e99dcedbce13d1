#!/usr/bin/env bash
# update-api-descriptor.sh — regenerate api/v1.descriptor_set, the checked-in
# FileDescriptorSet of proto/sopu/v1/*.proto (imports included) that
# tests/api/test_api_compat.py compares the contract against (T10). Run it
# after an intended, compatible change of the contract, and commit the result
# with the .proto change. Include paths as in proto/CMakeLists.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
googleapis="${SOPU_GOOGLEAPIS_DIR:-/usr/share/gocode/src/github.com/gogo/googleapis}"
protoc --descriptor_set_out=api/v1.descriptor_set --include_imports \
  -Iproto -I"$googleapis" -I/usr/include proto/sopu/v1/*.proto
echo "api/v1.descriptor_set: $(wc -c <api/v1.descriptor_set) bytes from" \
  proto/sopu/v1/*.proto
