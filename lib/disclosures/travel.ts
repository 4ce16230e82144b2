// Section 7: travel paid for, in whole or in part, by a foreign entity.
import { z } from 'zod';
import { checkDateOrder, defineItem, defineRepeatingSection, field } from './fields';

const trip = defineItem(
  {
    sponsor: field.organisation(),
    destinationCountry: field.country(),
    purpose: field.longText(),
    startDate: field.date(),
    endDate: field.date(),
    /** What the sponsor paid (fares, lodging, per diem); an estimate when the exact figure is unknown. */
    value: field.money(),
  },
  (item, ctx) => checkDateOrder(ctx, item.startDate, item.endDate),
);

export const travelFields = trip.fields;
export const draftTravelSchema = trip.draft;
export const travelSchema = trip.complete;

export const travelSection = defineRepeatingSection(trip);

export type DraftTravel = z.infer<typeof draftTravelSchema>;
export type Travel = z.infer<typeof travelSchema>;
