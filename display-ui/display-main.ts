/** Entry of the display page (display-ui/index.html): the bundled fonts and the app. */
import '../ui-common/fonts.ts'
import { loadFirstScreenFaces } from '../ui-common/first-screen-fonts.ts'
import './display-app.ts'

loadFirstScreenFaces()
