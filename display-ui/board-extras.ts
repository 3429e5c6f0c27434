/**
 * The parts of the board that are not the calls: the clock, the news ticker, the opening-hours
 * band and the media player. The display loads them after the board's first frame has been
 * drawn (display-app.ts), not with the page (issue 22): on weak hardware the clock's first date
 * formatting alone loaded ICU's locale and calendar data on the main thread, 200–380 ms at 4× CPU
 * slow-down in a fresh renderer, and each element costs a shadow root, its styles and lit's
 * set-up. Until they are defined the board keeps their room (display-styles.ts), so nothing moves
 * when they come.
 */
import './display-clock.ts'
import './news-ticker.ts'
import './media-panel.ts'
import './hours-banner.ts'
