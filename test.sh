#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need from
# Debian's packages when it is missing, checks formatting, then runs the test projects.
# The last line printed is PASSED or FAILED.
set -uo pipefail
cd "$(dirname "$0")"

status=0
trap 'if [ $status -eq 0 ]; then echo PASSED; else echo FAILED; fi' EXIT
fail() { echo "test.sh: $*" >&2; status=1; exit 1; }

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

need_packages=()
command -v named >/dev/null || [ -x /usr/sbin/named ] || need_packages+=(bind9)
command -v named-checkzone >/dev/null || need_packages+=(bind9-utils)
command -v dig >/dev/null || need_packages+=(bind9-dnsutils)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
command -v openstack >/dev/null || need_packages+=(python3-openstackclient)
dpkg -s python3-designateclient >/dev/null 2>&1 || need_packages+=(python3-designateclient)
[ -x /usr/sbin/pdns_server ] || need_packages+=(pdns-server)
dpkg -s pdns-backend-sqlite3 >/dev/null 2>&1 || need_packages+=(pdns-backend-sqlite3)
[ -x /usr/sbin/knotd ] || need_packages+=(knot)
command -v kdig >/dev/null || need_packages+=(knot-dnsutils)
[ -x /usr/sbin/nsd ] || need_packages+=(nsd)
# Keystone for the identity tests, run by the tests under uwsgi (../shared/reference/keystone.md).
[ -x /usr/bin/keystone-manage ] || need_packages+=(keystone)
[ -x /usr/bin/uwsgi ] || need_packages+=(uwsgi)
dpkg -s uwsgi-plugin-python3 >/dev/null 2>&1 || need_packages+=(uwsgi-plugin-python3)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "installing ${need_packages[*]}"
  "${as_root[@]}" apt-get update -qq || fail "apt-get update failed"
  # Package scripts must not start daemons (keystone, uwsgi, named...) on this machine: the tests start their own.
  made_policy_rc=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee /usr/sbin/policy-rc.d >/dev/null && "${as_root[@]}" chmod +x /usr/sbin/policy-rc.d && made_policy_rc=1
  fi
  echo "keystone keystone/configure_db boolean false" | "${as_root[@]}" debconf-set-selections
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need_packages[@]}" >/dev/null
  installed=$?
  [ $made_policy_rc -eq 0 ] || "${as_root[@]}" rm -f /usr/sbin/policy-rc.d
  [ $installed -eq 0 ] || fail "could not install ${need_packages[*]}"
fi

dotnet build Zonal.slnx -c Release --nologo -v quiet || fail "build failed"
# A formatting slip fails the run but the tests still run, so one pass shows every problem.
dotnet format Zonal.slnx --verify-no-changes --no-restore || { echo "test.sh: formatting differs: run 'dotnet format Zonal.slnx'" >&2; status=1; }

# Tests that need BIND fail instead of passing silently when it is missing.
export ZONAL_REQUIRE_SERVERS=1
for project in tests/*/; do
  dotnet test "$project" -c Release --no-build --nologo || status=1
done
exit $status
