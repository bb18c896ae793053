#!/usr/bin/env bash
# Install and start what the test suite needs on a fresh Debian machine:
# Debian's Chromium (browser tests), Dovecot (mail intake tests), a running PostgreSQL with a role for this user, Redis.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
updated=0
apt_install() {
  if [ "$updated" -eq 0 ]; then $SUDO apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium"; apt_install chromium; }
command -v msgfmt >/dev/null 2>&1 || { echo "installing gettext"; apt_install gettext; }
# Dovecot: the tests start IMAP servers of their own on loopback (tests/fixtures/imap.py)
command -v dovecot >/dev/null 2>&1 || { echo "installing Dovecot"; apt_install dovecot-imapd openssl; }
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "installing PostgreSQL"; apt_install postgresql
fi
if ! pg_isready -q; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "starting PostgreSQL $version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "installing Redis"; apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "starting Redis"; redis-server --daemonize yes --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi
me=$(whoami)
if ! psql -d postgres -Atc "select 1" >/dev/null 2>&1; then
  echo "creating PostgreSQL role $me"
  su postgres -c "createuser --superuser $me" || $SUDO -u postgres createuser --superuser "$me"
fi
psql -d postgres -Atc "select 1 from pg_database where datname='mejabantu'" | grep -q 1 \
  || createdb mejabantu
echo "test services ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(dovecot --version | awk '{print "dovecot " $1}'), $(pg_isready), redis $(redis-cli -h 127.0.0.1 ping)"
