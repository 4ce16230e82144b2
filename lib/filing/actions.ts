'use server';
// The researcher's filing actions. Each goes through defineAction (session, role, the same zod schema
// as the form) and then the filing layer, which checks that the disclosure is the actor's own.
import { defineAction } from '@/lib/actions/action';
import { deleteAttachment } from '@/lib/filing/attachments';
import { saveSection } from '@/lib/filing/save-section';
import {
  attachmentRefInput,
  disclosureRefInput,
  saveSectionInput,
  startDisclosureInput,
  submitDisclosureInput,
} from '@/lib/filing/schemas';
import { startDisclosure } from '@/lib/filing/start';
import { submitDisclosure } from '@/lib/filing/submit';
import { discardUpdate, startUpdate } from '@/lib/filing/updates';

export const startDisclosureAction = defineAction({
  name: 'filing.startDisclosure',
  input: startDisclosureInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => startDisclosure(actor, input, origin),
});

export const saveSectionAction = defineAction({
  name: 'filing.saveSection',
  input: saveSectionInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => saveSection(actor, input, origin),
});

export const submitDisclosureAction = defineAction({
  name: 'filing.submit',
  input: submitDisclosureInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => submitDisclosure(actor, input, { origin }),
});

export const startUpdateAction = defineAction({
  name: 'filing.startUpdate',
  input: disclosureRefInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => startUpdate(actor, input, origin),
});

export const discardUpdateAction = defineAction({
  name: 'filing.discardUpdate',
  input: disclosureRefInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => discardUpdate(actor, input, origin),
});

export const deleteAttachmentAction = defineAction({
  name: 'filing.deleteAttachment',
  input: attachmentRefInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => deleteAttachment(actor, input, origin),
});
