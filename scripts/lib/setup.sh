# Shared by scripts/start and scripts/test: a virtual environment in .venv with the project
# installed, compiled translations, and Debian packages when they are missing.

VENV=.venv
# WeasyPrint lays out the course books with Pango; the books' fonts are vendored in static/fonts.
BOOK_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0"

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
