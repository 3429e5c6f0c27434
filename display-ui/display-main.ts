/** Entry of the display page (display-ui/index.html): the bundled fonts and the app. */
import '../ui-common/fonts.ts'
import { loadFirstScreenFaces } from '../ui-common/first-screen-fonts.ts'
import './display-app.ts'
// the board waits for the feed's snapshot, so the display loads socket.io's client with the page;
// ui-common/feed.ts imports it lazily for the kiosk, whose first screen needs HTTP alone (issue 22)
import 'socket.io-client'

loadFirstScreenFaces()
