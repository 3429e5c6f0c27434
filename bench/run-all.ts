/** `npm run bench`: runs every benchmark and prints its figures (never a pass/fail). */
import { ticketIssueBench } from './ticket-issue.bench.ts'

await ticketIssueBench()
