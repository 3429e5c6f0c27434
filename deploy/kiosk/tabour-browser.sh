#!/bin/sh
# Runs Chromium full screen on a Tabour page and keeps it there: the screen never blanks,
# no dialogs, translate bars or restore prompts, sound plays without a tap, and the browser
# comes back if it exits. Used by tabour-kiosk.sh and tabour-display.sh.
#
#   tabour-browser.sh kiosk|display [URL]
#
# URL defaults to $TABOUR_URL/<kiosk|display>/ ($TABOUR_URL from ~/.config/tabour/browser.env,
# else http://tabour.local:8080; https://… when the center serves TLS). The first time, add
# ?pair=CODE (tabour device pair <name>) or type the code on the screen; the pairing is kept in
# the browser profile. $TABOUR_CA_FILE (browser.env): the center's CA certificate to trust.
set -eu

MODE="${1:-}"
case "$MODE" in
  kiosk|display) ;;
  *) echo "usage: $0 kiosk|display [URL]" >&2; exit 2 ;;
esac

CONFIG_HOME="${XDG_CONFIG_HOME:-$HOME/.config}"
[ -f "$CONFIG_HOME/tabour/browser.env" ] && . "$CONFIG_HOME/tabour/browser.env"
TABOUR_URL="${TABOUR_URL:-http://tabour.local:8080}"
URL="${2:-${TABOUR_URL%/}/$MODE/}"
PROFILE="$CONFIG_HOME/tabour-$MODE-profile"

BROWSER=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then BROWSER="$candidate"; break; fi
done
[ -n "$BROWSER" ] || { echo "tabour: install chromium (apt install chromium)" >&2; exit 1; }

# HTTPS with the center's own CA (or its self-signed certificate): trust it in this user's NSS
# database, which Chromium reads on Linux (apt install libnss3-tools for certutil). Idempotent.
if [ -n "${TABOUR_CA_FILE:-}" ]; then
  if [ ! -r "$TABOUR_CA_FILE" ]; then
    echo "tabour: TABOUR_CA_FILE $TABOUR_CA_FILE cannot be read" >&2; exit 1
  elif command -v certutil >/dev/null 2>&1; then
    mkdir -p "$HOME/.pki/nssdb"
    [ -f "$HOME/.pki/nssdb/cert9.db" ] || certutil -d "sql:$HOME/.pki/nssdb" -N --empty-password
    certutil -d "sql:$HOME/.pki/nssdb" -D -n tabour-center-ca >/dev/null 2>&1 || true
    certutil -d "sql:$HOME/.pki/nssdb" -A -t "C,," -n tabour-center-ca -i "$TABOUR_CA_FILE"
  else
    echo "tabour: install libnss3-tools (certutil) to trust $TABOUR_CA_FILE" >&2; exit 1
  fi
fi

# X11: no screen saver, no blanking, no power saving. (Wayland compositors such as labwc or
# wayfire on Raspberry Pi OS: turn idle/blanking off in raspi-config > Display > Screen Blanking.)
if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
  xset s off || true
  xset s noblank || true
  xset -dpms || true
fi
# a display needs no pointer; hide it after a moment on the kiosk too
if command -v unclutter >/dev/null 2>&1; then unclutter -idle 3 -root >/dev/null 2>&1 & fi

set -- \
  --kiosk \
  --start-fullscreen \
  --noerrdialogs \
  --disable-infobars \
  --disable-translate \
  --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation \
  --autoplay-policy=no-user-gesture-required \
  --no-first-run \
  --no-default-browser-check \
  --disable-session-crashed-bubble \
  --disable-component-update \
  --check-for-update-interval=31536000 \
  --password-store=basic \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  --lang=ar \
  --user-data-dir="$PROFILE"
if [ "$MODE" = kiosk ]; then
  # touchscreen: touch events on, no long-press menus or swipe navigation
  set -- "$@" --touch-events=enabled
fi

while :; do
  # a crash or power cut must not bring up "Restore pages?" in front of citizens
  PREFS="$PROFILE/Default/Preferences"
  if [ -f "$PREFS" ]; then
    sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$PREFS" || true
  fi
  # systemd-inhibit keeps the session from idling or suspending while the browser runs
  if command -v systemd-inhibit >/dev/null 2>&1; then
    systemd-inhibit --what=idle:sleep:handle-lid-switch --who=tabour --why="Tabour $MODE on screen" --mode=block \
      "$BROWSER" "$@" "$URL" || true
  else
    "$BROWSER" "$@" "$URL" || true
  fi
  # closed by someone, or crashed: back in a few seconds
  sleep 3
done
