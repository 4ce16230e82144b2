// The pending-match count of a disclosure as one SQL expression, shared by the officer's decision
// (lib/review/matches.ts, one organisation) and the registry re-screen (lib/watchlists/rescreen.ts,
// every disclosure). No framework imports: background jobs and benchmarks load it too.
import { Prisma } from '@/lib/generated/prisma/client';
import { ORGANISATION_KEY_SQL } from './queue-query';

/** Pending matches of Disclosure `x` for its own institution, as lib/rules/load.ts counts them. */
export const PENDING_COUNT_SQL = Prisma.sql`
  SELECT count(DISTINCT m.id) FROM "DisclosureOrganisation" o
  JOIN "EntityMatch" m ON m."organisationKey" = ${ORGANISATION_KEY_SQL}
  JOIN "WatchlistEntry" we ON we.id = m."watchlistEntryId" AND (we."retiredAt" IS NULL OR we."retiredAt" > now())
  WHERE o."disclosureId" = x.id
    AND o."versionId" = (SELECT v.id FROM "DisclosureVersion" v WHERE v."disclosureId" = x.id ORDER BY v.number DESC LIMIT 1)
    AND NOT EXISTS (SELECT 1 FROM "MatchDecision" md WHERE md."matchId" = m.id AND md."institutionId" = x."institutionId")`;
