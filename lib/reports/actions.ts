'use server';

import { defineAction } from '@/lib/actions/action';
import { exportInputSchema, startExport } from '@/lib/reports/export/request';

/** Starts an export of a report, its records or the PDF summary (a link to stream, or a background task). */
export const requestExportAction = defineAction({
  name: 'reports.export',
  input: exportInputSchema,
  roles: ['AUDITOR'],
  handler: ({ actor, input, origin }) => startExport(actor, input, origin),
});
