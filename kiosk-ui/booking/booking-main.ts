/** Entry of the public booking page (kiosk-ui/book.html): the bundled fonts and the component. */
import '../../ui-common/fonts.ts'
import './booking-page.ts'
