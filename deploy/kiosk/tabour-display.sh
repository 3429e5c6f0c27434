#!/bin/sh
# The waiting-room display (TV): Chromium in kiosk mode on <server>/display/, with sound.
#   tabour-display.sh [URL]   e.g. tabour-display.sh "http://192.168.1.10:8080/display/?pair=EF56GH78"
# Start it with the desktop session: deploy/kiosk/tabour-display.desktop in ~/.config/autostart/.
exec "$(dirname "$(readlink -f "$0")")/tabour-browser.sh" display "$@"
