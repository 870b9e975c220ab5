#!/usr/bin/env bash
# Makes sure what the tests need is on this machine, before any test stage starts. Called by
# `npm test` (scripts/test-all.js) and by `.ci/run`:
#
#   bash scripts/ensure-services.sh [mariadb] [redis] [chromium]     (default: all three)
#
# For each one: already running/installed -> nothing to do; installed but stopped -> start it;
# missing -> install it with apt when running as root on Debian; otherwise stop at once and
# print the exact command to run. Exit code 0 only when everything asked for is ready.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }
fail() {
  printf '[services] %s\n' "$1" >&2
  printf '[services] run:  %s\n' "$2" >&2
  printf '[services] then run the tests again.\n' >&2
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }
is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }
can_install() { is_root && is_debian; }
apt_updated=false
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = false ]; then
    apt-get update
    apt_updated=true
  fi
  apt-get install -y --no-install-recommends "$@"
}
sudo_prefix() { is_root || printf 'sudo '; }

# Waits until the command succeeds, at most $1 seconds.
wait_for() {
  local seconds=$1
  shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 1
  done
}

# --- MariaDB: the API and cluster tests create their own databases on 127.0.0.1:3306, as root
# without a password (TEST_MYSQL_SERVER overrides the address).
mariadb_up() { mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -uroot -e 'select 1'; }
mariadb_server() { command -v mariadbd 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; }; }
ensure_mariadb() {
  if [ -n "${TEST_MYSQL_SERVER:-}" ]; then
    log "MariaDB: using TEST_MYSQL_SERVER as given"
    return
  fi
  if command -v mariadb >/dev/null 2>&1 && mariadb_up >/dev/null 2>&1; then
    log "MariaDB is up"
    return
  fi
  local installed_now=false
  if [ -z "$(mariadb_server)" ]; then
    can_install || fail "MariaDB is not installed." "$(sudo_prefix)apt-get install -y mariadb-server && $(sudo_prefix)service mariadb start"
    log "installing mariadb-server"
    apt_install mariadb-server mariadb-client
    installed_now=true
  fi
  log "starting MariaDB"
  if is_root; then
    mkdir -p /run/mysqld
    chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec "$(mariadb_server)" -- --user=mysql
  else
    fail "MariaDB is installed but not running." "sudo service mariadb start"
  fi
  if [ "$installed_now" = true ]; then
    # A fresh Debian server lets root in through the Unix socket only; the tests sign in over TCP.
    wait_for 60 mariadb -uroot -e 'select 1' || fail "MariaDB did not come up within 60 s." "service mariadb start"
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
  fi
  wait_for 60 mariadb_up || fail "MariaDB did not accept root on 127.0.0.1:3306 within 60 s." "mariadb -uroot -h 127.0.0.1 -e 'select 1'"
  log "MariaDB is up"
}

# --- Redis on 127.0.0.1:6379 (the cluster tests also start a private redis-server of their own).
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
ensure_redis() {
  if [ -n "${TEST_REDIS_URL:-}" ]; then
    log "Redis: using TEST_REDIS_URL as given"
    return
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    can_install || fail "Redis is not installed." "$(sudo_prefix)apt-get install -y redis-server && $(sudo_prefix)service redis-server start"
    log "installing redis-server"
    apt_install redis-server
  fi
  if redis_up; then
    log "Redis is up"
    return
  fi
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" >/dev/null
  wait_for 30 redis_up || fail "Redis did not come up within 30 s." "redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
  log "Redis is up"
}

# --- Debian's chromium for the browser tests; chromium-l10n brings the en-GB locale, so date and
# time fields read as in the UK (29/11/2026, 13:00).
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -f /usr/lib/chromium/locales/en-GB.pak ]; then
    log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown')"
    return
  fi
  can_install || fail "Debian's chromium (with its en-GB locale) is not installed." "$(sudo_prefix)apt-get install -y chromium chromium-l10n"
  log "installing Debian's chromium (with its en-GB locale)"
  apt_install chromium chromium-l10n
  log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown')"
}

wanted=("$@")
if [ ${#wanted[@]} -eq 0 ]; then wanted=(mariadb redis chromium); fi
for service in "${wanted[@]}"; do
  case "$service" in
    mariadb) ensure_mariadb ;;
    redis) ensure_redis ;;
    chromium) ensure_chromium ;;
    *)
      echo "[services] unknown service \"$service\": mariadb, redis or chromium" >&2
      exit 2
      ;;
  esac
done
