/** The dashboard's calls for webhooks (issue 20), through the manager's session. */
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookAlert,
  WebhookDelivery,
  WebhookSubscription,
  WebhookWithSecret,
} from '../../protocol/webhooks.ts'
import type { DashboardApi } from '../dashboard-api.ts'

export const webhooksApi = (api: DashboardApi) => ({
  list: () => api.send<WebhookSubscription[]>('/webhooks'),
  alerts: () => api.send<WebhookAlert[]>('/webhooks/alerts'),
  create: (body: CreateWebhookBody) => api.send<WebhookWithSecret>('/webhooks', 'POST', body),
  update: (id: number, body: UpdateWebhookBody) => api.send<WebhookSubscription>(`/webhooks/${id}`, 'PATCH', body),
  remove: (id: number) => api.send<null>(`/webhooks/${id}`, 'DELETE'),
  rotate: (id: number) => api.send<WebhookWithSecret>(`/webhooks/${id}/rotate-secret`, 'POST'),
  pause: (id: number) => api.send<WebhookSubscription>(`/webhooks/${id}/pause`, 'POST'),
  resume: (id: number) => api.send<WebhookSubscription>(`/webhooks/${id}/resume`, 'POST'),
  deliveries: (id: number) => api.send<WebhookDelivery[]>(`/webhooks/${id}/deliveries?limit=50`),
  redeliver: (deliveryId: number) => api.send<WebhookDelivery>(`/webhooks/deliveries/${deliveryId}/redeliver`, 'POST'),
})
