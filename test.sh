#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need from
# Debian's packages when it is missing, checks formatting, then runs the test projects.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
command -v named >/dev/null || need_packages+=(bind9)
command -v named-checkzone >/dev/null || need_packages+=(bind9-utils)
command -v dig >/dev/null || need_packages+=(bind9-dnsutils)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "installing ${need_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

dotnet build Zonal.slnx -c Release --nologo -v quiet
dotnet format Zonal.slnx --verify-no-changes --no-restore

export ZONAL_REQUIRE_SERVERS=1
status=0
for project in tests/*/; do
  dotnet test "$project" -c Release --no-build --nologo || status=1
done
exit $status
