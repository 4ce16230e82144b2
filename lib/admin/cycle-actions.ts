'use server';

import { defineAction } from '@/lib/actions/action';
import { createCycle, setCycleStatus, updateCycle } from '@/lib/admin/cycles';
import { cycleCreateSchema, cycleStatusSchema, cycleUpdateSchema } from '@/lib/admin/schemas/cycle';

export const createCycleAction = defineAction({
  name: 'admin.cycle.create',
  input: cycleCreateSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => createCycle(actor, input, origin),
});

export const updateCycleAction = defineAction({
  name: 'admin.cycle.update',
  input: cycleUpdateSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => updateCycle(actor, input, origin),
});

export const setCycleStatusAction = defineAction({
  name: 'admin.cycle.status',
  input: cycleStatusSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => setCycleStatus(actor, input, origin),
});
