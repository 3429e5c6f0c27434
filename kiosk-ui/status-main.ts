/** Entry of the public ticket status page (kiosk-ui/status.html): the bundled fonts and the component. */
import '../ui-common/fonts.ts'
import './ticket-status.ts'
