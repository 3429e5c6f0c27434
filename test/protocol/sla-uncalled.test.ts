import { expect, it } from 'vitest'
import { coversUncalled } from '../../protocol/stats.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'

// walk s53: by service, "Enquiries: Called 0, SLA 0 %" with no word why (two tickets still waiting past target)
it('a report row whose within-target share covers tickets never called wants the note; one of calls only does not', () => {
  expect(coversUncalled({ called: 0, slaCounted: 2 })).toBe(true)
  expect(coversUncalled({ called: 5, slaCounted: 6 })).toBe(true)
  expect(coversUncalled({ called: 5, slaCounted: 5 })).toBe(false)
  // an older server without slaCounted: nothing to say
  expect(coversUncalled({ called: 0 })).toBe(false)
  expect(dashboardText('reports.slaUncalledNote', 'en')).toContain('still waiting past it')
  expect(dashboardText('reports.slaUncalledNote', 'ar')).toContain('ما زالت تنتظر')
})
