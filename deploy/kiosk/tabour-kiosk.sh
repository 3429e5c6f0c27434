#!/bin/sh
# The ticket kiosk (touchscreen): Chromium in kiosk mode on <server>/kiosk/.
#   tabour-kiosk.sh [URL]     e.g. tabour-kiosk.sh "http://192.168.1.10:8080/kiosk/?pair=AB12CD34"
# Start it with the desktop session: deploy/kiosk/tabour-kiosk.desktop in ~/.config/autostart/.
exec "$(dirname "$(readlink -f "$0")")/tabour-browser.sh" kiosk "$@"
