# Debian packages the tests run for real (Prometheus' promtool, later a browser), installed when
# missing, like PostgreSQL. Sourced, never run.

# pkg_ensure PACKAGE COMMAND: installs PACKAGE unless COMMAND is already on the PATH.
pkg_ensure() {
  local package=$1 command=$2
  if command -v "$command" >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" = 0 ] || die "$command is missing; install Debian's '$package' package (needs root)"
  log "installing $package (Debian package, for $command)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null) \
    || die "apt-get install $package failed"
}

# pkg_ensure_python PACKAGE MODULE: installs PACKAGE unless Debian's python3 imports MODULE.
pkg_ensure_python() {
  local package=$1 module=$2
  if /usr/bin/python3 -c "import $module" >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" = 0 ] || die "python module $module is missing; install Debian's '$package' package (needs root)"
  log "installing $package (Debian package, for python3's $module)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null) \
    || die "apt-get install $package failed"
}
