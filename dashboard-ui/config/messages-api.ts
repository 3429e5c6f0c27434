/** The dashboard's calls for the texts of messages to citizens (issue 20), through the admin's session. */
import type { Static } from '@sinclair/typebox'
import type { MessagePreview, MessagesToday, MessageTemplate } from '../../protocol/citizen-messages.ts'
import type { Lang } from '../../protocol/common.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import type { DashboardApi } from '../dashboard-api.ts'

export const messagesApi = (api: DashboardApi) => ({
  templates: () => api.send<MessageTemplate[]>('/messages/templates'),
  /** Saves a text; null goes back to the default. */
  save: (kind: MessageKind, lang: Lang, text: string | null) =>
    api.send<MessageTemplate>(`/messages/templates/${kind}/${lang}`, 'PUT', { text }),
  preview: (kind: MessageKind, lang: Lang, text: string) =>
    api.send<Static<typeof MessagePreview>>('/messages/preview', 'POST', { kind, lang, text }),
  today: () => api.send<Static<typeof MessagesToday>>('/messages/today'),
})

export type MessagesApi = ReturnType<typeof messagesApi>
