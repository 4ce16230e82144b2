'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { requestAuditVerification } from '@/lib/audit/jobs';

/** Queues an incremental verification of the audit trail now (otherwise it runs every five minutes). */
export const requestAuditVerificationAction = defineAction({
  name: 'audit.verify.request',
  input: z.object({}),
  roles: ['ADMIN'],
  handler: ({ actor, origin }) => requestAuditVerification(actor, origin),
});
