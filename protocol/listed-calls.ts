/**
 * The most calls a display lists under "recent calls" (DisplayConfig.recentCalls' maximum): what
 * it keeps of the calls gone from their counter, and so what a snapshot carries of them. Its own
 * module, without TypeBox, so the display's bundle takes the figure and not the schemas.
 */
export const MAX_LISTED_CALLS = 12
