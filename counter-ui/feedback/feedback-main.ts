/** Entry of the counter feedback tablet (counter-ui/feedback/index.html): the bundled fonts and the app. */
import '../../ui-common/fonts.ts'
import './feedback-app.ts'
