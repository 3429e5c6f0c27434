/** Entry of the join page (kiosk-ui/join/index.html): the bundled fonts and the component (the poster is one of its views). */
import '../../ui-common/fonts.ts'
import './join-page.ts'
