#!/usr/bin/env bash
# Runs a command against a real Secret Service: a private D-Bus session bus with gnome-keyring's
# secrets component, unlocked, in a throwaway HOME (so nothing touches the user's own keyring).
#   tests/support/with-keyring.sh COMMAND [ARGS...]
# The command sees VIGIL_KEYRING_HOME: the HOME the keyring keeps its files in.
set -euo pipefail

if [ "${1:-}" != "--inside-session" ]; then
    for tool in dbus-run-session gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with-keyring: $tool is missing; install the packages dbus and gnome-keyring" >&2
            exit 1
        fi
    done
    home=$(mktemp -d "${TMPDIR:-/tmp}/vigil-keyring.XXXXXX")
    trap 'rm -rf "$home"' EXIT
    mkdir -p "$home/.local/share" "$home/.config" "$home/.cache" "$home/run"
    chmod 700 "$home/run"
    status=0
    env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
        XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run" VIGIL_KEYRING_HOME="$home" \
        dbus-run-session -- "$0" --inside-session "$@" || status=$?
    exit "$status"
fi
shift

# --unlock reads the password from stdin and creates the login collection with it when there is
# none; --daemonize returns once the daemon is on the bus. Its output (environment lines for the
# ssh/pkcs11 components) is not needed for the secrets component.
if ! echo -n vigil | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null; then
    echo "with-keyring: gnome-keyring-daemon did not start an unlocked Secret Service" >&2
    exit 1
fi
exec "$@"
