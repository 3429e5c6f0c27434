/** Entry of the kiosk page (kiosk-ui/index.html): the bundled fonts and the app. */
import '../ui-common/fonts.ts'
import './kiosk-app.ts'
