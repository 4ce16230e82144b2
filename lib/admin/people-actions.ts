'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { resetSecondFactor, sendPasswordReset, setUserDisabled } from '@/lib/admin/account-controls';
import { inviteUser, resendInvitation } from '@/lib/admin/invitations';
import { grantRole, revokeRole } from '@/lib/admin/memberships';
import { grantSchema, inviteSchema, revokeSchema, userIdSchema } from '@/lib/admin/schemas/person';

export const inviteUserAction = defineAction({
  name: 'admin.user.invite',
  input: inviteSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => inviteUser(actor, input, origin),
});

export const resendInvitationAction = defineAction({
  name: 'admin.user.reinvite',
  input: userIdSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => resendInvitation(actor, input, origin),
});

export const grantRoleAction = defineAction({
  name: 'admin.membership.grant',
  input: grantSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => grantRole(actor, input, origin),
});

export const revokeRoleAction = defineAction({
  name: 'admin.membership.revoke',
  input: revokeSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => revokeRole(actor, input, origin),
});

export const setUserDisabledAction = defineAction({
  name: 'admin.user.disable',
  input: userIdSchema.extend({ disabled: z.boolean() }),
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => setUserDisabled(actor, input, origin),
});

export const sendPasswordResetAction = defineAction({
  name: 'admin.user.password_reset',
  input: userIdSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => sendPasswordReset(actor, input, origin),
});

export const resetSecondFactorAction = defineAction({
  name: 'admin.user.mfa_reset',
  input: userIdSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => resetSecondFactor(actor, input, origin),
});
