/** Entry of the counter console (counter-ui/index.html): the bundled fonts and the app. */
import '../ui-common/fonts.ts'
import './counter-app.ts'
