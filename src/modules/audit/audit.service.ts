import type { EntityManager } from '@mikro-orm/knex';
import { requireRole, Role, type Viewer } from '../../auth/viewer';
import { fromJson, toDate } from '../../database/reader';
import { ConnectionResult } from '../../pagination/connection.type';
import { pageRequest, toPage } from '../../pagination/page';
import type { RequestContext, Written } from '../../request';
import { fromGlobalId } from '../node/global-id';
import { AuditEntry } from './audit.entity';
import type { AuditEntryRow } from './audit.type';

/** Adds the audit entry for a mutation to the mutation's own transaction. */
export function recordAudit(tx: EntityManager, viewer: Viewer, action: string, written: Written<unknown>): void {
  tx.create(AuditEntry, {
    actor: viewer.name,
    actorRole: viewer.role,
    action,
    subjectType: written.subject.type,
    subjectId: written.subject.id,
    changes: written.changes ?? [],
  });
}

export interface AuditListArgs {
  subjectId?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Reading the audit log: admins only, newest first. */
export class AuditService {
  constructor(private readonly context: RequestContext) {}

  async list(args: AuditListArgs): Promise<ConnectionResult<AuditEntryRow>> {
    requireRole(this.context.viewer, Role.ADMIN, 'auditLog');
    const { reader } = this.context;
    const subject = args.subjectId ? fromGlobalId(args.subjectId, 'subjectId') : null;
    const request = pageRequest(args, 'AUDIT', ['id']);
    const filtered = () => {
      const query = reader.knex('audit_entry');
      // A subject id beyond any stored one names nothing that was acted on.
      if (subject?.id === null) query.whereRaw('1 = 0');
      else if (subject) query.where({ subject_type: subject.type, subject_id: subject.id });
      return query;
    };
    const query = filtered()
      .select('id', 'at', 'actor', 'actor_role as actorRole', 'action', 'subject_type as subjectType', 'subject_id as subjectId', 'changes')
      .orderBy('id', 'desc')
      .limit(request.first + 1);
    if (request.after) query.where('id', '<', request.after[0]);
    const rows = (await reader.all<AuditEntryRow>(query)).map((row) => ({ ...row, at: toDate(row.at), changes: fromJson<string[]>(row.changes) }));
    return new ConnectionResult(toPage(rows, request, 'AUDIT', (row) => [row.id], () => reader.count(filtered())));
  }
}
