#!/usr/bin/env bash
# Proves the README's promise on a fresh machine: in a minimal Debian 12
# (bookworm) root built with debootstrap from Debian's own packages, with
# only Debian's python3 (3.11.2), git and ca-certificates, a fresh clone of
# this repository passes `bash .ci/run` (which runs `make test`).
#
#   sudo bash scripts/fresh-debian-check.sh      # as root; 15-30 minutes
#
# What it does:
#   1. installs debootstrap with apt if it is missing;
#   2. builds the root with `debootstrap --variant=minbase` from the Debian
#      mirror this machine's apt uses (read from /etc/apt/sources.list*), or
#      unpacks it from the cache, $CACHE_DIR (default
#      /var/cache/esim-guide-debootstrap), so a rerun skips this step;
#   3. copies this machine's CA bundle, DNS settings and pip configuration
#      (/etc/pip.conf, /etc/xdg/pip, ~/.config/pip, ~/.pip, PIP_* variables)
#      into the root, so it reaches the package registries as this machine does;
#   4. clones the committed HEAD of this repository into it (`git clone`:
#      uncommitted changes are not tested);
#   5. mounts proc, sys, dev, dev/pts and dev/shm (Chromium needs the last
#      two), runs `bash .ci/run` under chroot with CI=true and no standard
#      input, unmounts on exit whatever happens, and prints the last lines.
#
# Settings (environment): DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR (default: the
# ones apt uses here), CACHE_DIR, WORK_DIR (default /var/tmp/esim-guide-fresh-debian;
# the log stays there), KEEP_ROOT=1 (keep the root to look inside),
# TAIL_LINES (default 40).
set -euo pipefail

SUITE=bookworm
VARIANT=minbase
BASE_PACKAGES=python3,git,ca-certificates   # what the fresh machine starts with
REPO=$(cd "$(dirname "$0")/.." && pwd)
CACHE_DIR=${CACHE_DIR:-/var/cache/esim-guide-debootstrap}
WORK_DIR=${WORK_DIR:-/var/tmp/esim-guide-fresh-debian}
TAIL_LINES=${TAIL_LINES:-40}
KEEP_ROOT=${KEEP_ROOT:-0}

say() { printf '[fresh-debian] %s\n' "$*"; }
die() { printf '[fresh-debian] error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, mount and chroot need it): sudo bash $0"
command -v git >/dev/null || die "git is needed on this machine to clone the repository"

# --- the Debian mirror apt uses here ---------------------------------------
# Prints the first URI that serves suite $1, from one-line .list files and
# deb822 .sources files alike.
apt_uri_for() {
  local suite=$1 f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '
      $1 == "deb" { i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[ \t]*#/ || index(line, ":") == 0) continue
          key = tolower(substr(line, 1, index(line, ":") - 1))
          val = substr(line, index(line, ":") + 1); gsub(/^[ \t]+|[ \t]+$/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled == "no" || types !~ /(^| )deb( |$)/) next
        n = split(suites, s, /[ \t]+/)
        for (j = 1; j <= n; j++) if (s[j] == suite) { split(uris, u, /[ \t]+/); print u[1]; exit }
      }' "$f"
  done
}
MIRROR=${DEBIAN_MIRROR:-$(apt_uri_for "$SUITE" | head -n1)}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-$(apt_uri_for "$SUITE-security" | head -n1)}
[ -n "$MIRROR" ] || die "no Debian $SUITE mirror in /etc/apt/sources.list*: set DEBIAN_MIRROR"
say "Debian mirror (from this machine's apt): $MIRROR${SECURITY_MIRROR:+, security: $SECURITY_MIRROR}"

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap with apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap debian-archive-keyring >/dev/null
fi
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
keyring_opt=(); [ -f "$KEYRING" ] && keyring_opt=(--keyring="$KEYRING")

# --- the root: from the cache, or built once ---------------------------------
mkdir -p "$CACHE_DIR" "$WORK_DIR"
key=$(printf '%s\n' "$SUITE" "$VARIANT" "$BASE_PACKAGES" "$MIRROR" "$SECURITY_MIRROR" | cksum | cut -d' ' -f1)
TARBALL="$CACHE_DIR/$SUITE-$VARIANT-$key.tar.gz"
RUN_DIR=$(mktemp -d "$WORK_DIR/run.XXXXXX")
ROOT="$RUN_DIR/root"
LOG="$WORK_DIR/fresh-debian-$(date -u +%Y%m%dT%H%M%SZ).log"
mkdir -p "$ROOT"

MOUNTS=()
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  local rc=$? i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" 2>/dev/null || true
  done
  if grep -q " $ROOT/" /proc/self/mounts; then
    say "still mounted under $ROOT; not removing it:"; grep " $ROOT/" /proc/self/mounts >&2 || true
  elif [ "$KEEP_ROOT" = 1 ]; then
    say "root kept at $ROOT"
  else
    rm -rf --one-file-system "$RUN_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -f "$TARBALL" ]; then
  say "unpacking the cached root $TARBALL"
  tar -xzf "$TARBALL" -C "$ROOT"
else
  say "debootstrap --variant=$VARIANT --include=$BASE_PACKAGES $SUITE (a few minutes, once)"
  debootstrap --variant="$VARIANT" --include="$BASE_PACKAGES" "${keyring_opt[@]}" \
    "$SUITE" "$ROOT" "$MIRROR" > "$RUN_DIR/debootstrap.log" 2>&1 \
    || { tail -n 30 "$RUN_DIR/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  {
    echo "deb $MIRROR $SUITE main"
    echo "deb $MIRROR $SUITE-updates main"
    [ -z "$SECURITY_MIRROR" ] || echo "deb $SECURITY_MIRROR $SUITE-security main"
  } > "$ROOT/etc/apt/sources.list"
  # As in Debian's container images: installing a package starts no service.
  printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"; chmod 755 "$ROOT/usr/sbin/policy-rc.d"
  rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*
  tar -czf "$TARBALL.tmp" -C "$ROOT" . && mv "$TARBALL.tmp" "$TARBALL"
  say "cached the root as $TARBALL"
fi

# --- what lets the root reach the registries as this machine does ----------
cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
if [ -f /etc/hosts ]; then cp -L /etc/hosts "$ROOT/etc/hosts"; fi
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
  # Kept if a package in the root runs update-ca-certificates again.
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/usr/local/share/ca-certificates/host-ca-bundle.crt"
fi
for var in PIP_CERT REQUESTS_CA_BUNDLE SSL_CERT_FILE PIP_CONFIG_FILE; do
  f=${!var:-}
  if [ -n "$f" ] && [ -f "$f" ]; then mkdir -p "$ROOT$(dirname "$f")"; cp -L "$f" "$ROOT$f"; fi
done
if [ -f /etc/pip.conf ]; then cp -L /etc/pip.conf "$ROOT/etc/pip.conf"; fi
if [ -d /etc/xdg/pip ]; then mkdir -p "$ROOT/etc/xdg"; cp -rL /etc/xdg/pip "$ROOT/etc/xdg/"; fi
for d in .config/pip .pip; do
  if [ -d "$HOME/$d" ]; then mkdir -p "$ROOT/root/$(dirname "$d")"; cp -rL "$HOME/$d" "$ROOT/root/$d"; fi
done
envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
      LANG=C.UTF-8 TERM=dumb CI=true)
while IFS='=' read -r name _; do
  case $name in
    PIP_*|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY)
      envs+=("$name=${!name}") ;;
  esac
done < <(env)

# --- the repository, as committed ------------------------------------------
mkdir -p "$ROOT/work"
git clone --quiet "$REPO" "$ROOT/work/esim-guide"
commit=$(git -C "$ROOT/work/esim-guide" log -1 --format='%h %s')
say "cloned $REPO at $commit"

# --- mounts, then .ci/run under chroot --------------------------------------
mnt() { mount "$@"; MOUNTS+=("${!#}"); }
mnt -t proc proc "$ROOT/proc"
mnt -t sysfs sysfs "$ROOT/sys"
mnt --bind /dev "$ROOT/dev"
mnt --bind /dev/pts "$ROOT/dev/pts"
mnt -t tmpfs -o mode=1777,nosuid,nodev shm "$ROOT/dev/shm"

say "running bash .ci/run in the chroot (CI=true); log: $LOG"
start=$(date +%s)
set +e
# shellcheck disable=SC2016  # expanded inside the chroot
chroot "$ROOT" /usr/bin/env -i "${envs[@]}" /bin/bash -c \
  'cd /work/esim-guide && echo "Debian $(cat /etc/debian_version), $(python3 --version)" && bash .ci/run' \
  < /dev/null > "$LOG" 2>&1
rc=$?
set -e
mins=$(( ($(date +%s) - start + 59) / 60 ))

echo "----- last $TAIL_LINES lines of $LOG -----"
tail -n "$TAIL_LINES" "$LOG"
echo "-----"
if [ "$rc" -eq 0 ]; then
  say "PASSED: bash .ci/run in a fresh Debian $SUITE root ($commit), in about $mins min"
else
  say "FAILED (exit $rc): bash .ci/run in a fresh Debian $SUITE root ($commit), after about $mins min"
fi
exit "$rc"
