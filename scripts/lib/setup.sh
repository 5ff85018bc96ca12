# Shared by scripts/start and scripts/test: a virtual environment in .venv with the project
# installed, compiled translations, and Debian packages when they are missing.

VENV=.venv
# WeasyPrint lays out the course books with Pango; the books' fonts are vendored in static/fonts.
BOOK_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"

run() { echo "+ $*" >&2; "$@"; }

ensure_python_env() {
  local extras=${1:-}
  if [ ! -x "$VENV/bin/python" ]; then
    run python3 -m venv "$VENV"
  fi
  # shellcheck disable=SC1091
  source "$VENV/bin/activate"
  local stamp="$VENV/.installed-${extras:-base}"
  if [ ! -f "$stamp" ] || [ setup.cfg -nt "$stamp" ]; then
    run pip install --quiet --upgrade pip
    run pip install --quiet -e ".${extras:+[$extras]}"
    touch "$stamp"
  fi
  # The catalogues are committed as .po; the compiled .mo files are build output.
  run pybabel compile -d upskill/translations >/dev/null
}

# Redis backs the background jobs when UPSKILL_REDIS_URL is set; the tests use it for real.
ensure_redis() {
  redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && return 0
  command -v redis-server >/dev/null || ensure_debian_packages redis-server
  mkdir -p /var/lib/redis /var/log/redis
  run redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/upskill.log
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "Redis did not start" >&2
  return 1
}

# PostgreSQL at 127.0.0.1:5432: the suite restores a backup into it and runs two nodes on it,
# whichever database the rest of the suite uses. Installed (with trust on loopback, for tests
# only) when the machine has none, started when it does not answer.
ensure_postgresql() {
  pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && return 0
  if [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql)" ]; then
    ensure_debian_packages postgresql
    local hba
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -1)
    grep -q "^host all all 127.0.0.1/32 trust" "$hba" || sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  echo "PostgreSQL does not answer; starting it" >&2
  run pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return 0; sleep 1; done
  echo "PostgreSQL did not start" >&2
  return 1
}

ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  run $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
