import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import type { Lang } from '../../protocol/common.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import { MessageTemplates } from '../notify/templates.ts'
import { auditChange } from './config-audit.ts'

/** An admin's edit of a message template: checked (known placeholders only), stored and audited in one transaction. */
export class MessageTemplateCommands {
  readonly templates: MessageTemplates

  constructor(private readonly ctx: QueueContext) {
    this.templates = new MessageTemplates(ctx.db)
  }

  /** Stores `text` for `kind` in `lang` (null: back to the default); throws MESSAGE_PLACEHOLDER / MESSAGE_TEMPLATE. */
  update(actor: Actor, kind: MessageKind, lang: Lang, text: string | null): void {
    this.ctx.write((tx) => this.updateIn(tx, actor, kind, lang, text))
  }

  /** update inside the caller's transaction (a configuration bundle). */
  updateIn(tx: WriteScope, actor: Actor, kind: MessageKind, lang: Lang, text: string | null): void {
    this.templates.save(kind, lang, text, tx.now)
    auditChange(tx, actor, 'message-template.update', { kind, lang }, { text })
  }
}
