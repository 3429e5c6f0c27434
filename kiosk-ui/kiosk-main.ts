/** Entry of the kiosk page (kiosk-ui/index.html): the bundled fonts and the app. */
import '../ui-common/fonts.ts'
import { loadFirstScreenFaces } from '../ui-common/first-screen-fonts.ts'
import './kiosk-app.ts'

loadFirstScreenFaces()
