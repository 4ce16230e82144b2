// A complete, valid disclosure for tests and the seed: one entry in every section, each with a fresh id.
// Callers change what their case needs; the content stays valid unless they break it on purpose.
import type { DisclosureContent } from './sections';

const id = () => crypto.randomUUID();

export function sampleContent(): DisclosureContent {
  return {
    profile: {
      nameKanji: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      nameRomaji: 'Yamada Taro',
      position: 'Professor',
      eradNumber: '12345678',
      orcid: '0000-0002-1825-0097',
    },
    appointments: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          organisation: { name: 'Beijing Institute of Technology', nameLocal: '北京理工大学', country: 'CN' },
          title: 'Visiting Professor',
          kind: 'VISITING',
          paid: true,
          compensation: { amountMinor: 12_000_000, currency: 'CNY' },
          compensationPeriod: 'ANNUAL',
          timeCommitment: { unit: 'PERCENT', value: 10 },
          startDate: '2024-04-01',
          endDate: '2027-03-31',
          contractAttachmentIds: [],
        },
      ],
    },
    programmes: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          programme: { name: 'Example Talent Programme', country: 'CN' },
          sponsor: { name: 'Beihang University', nameLocal: '北京航空航天大学', country: 'CN' },
          role: 'Distinguished Professor',
          startDate: '2024-04-01',
          benefitsValue: { amountMinor: 100_000_000, currency: 'CNY' },
          benefitsDescription: 'Research funds and housing',
          obligations: {
            ipTransfer: false,
            recruiting: true,
            concealment: false,
            workAbroad: true,
            unapprovedOverlap: false,
          },
          obligationsDescription: 'Nine months a year at the host; recruit two doctoral students.',
        },
      ],
    },
    support: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          title: 'Lightweight alloys for aerospace structures',
          status: 'CURRENT',
          role: 'PRINCIPAL_INVESTIGATOR',
          awardNumber: '24H00001',
          source: { name: 'Japan Society for the Promotion of Science', nameLocal: '日本学術振興会', country: 'JP' },
          placeOfPerformance: { name: 'Example University', country: 'JP' },
          startDate: '2024-04-01',
          endDate: '2027-03-31',
          totalAmount: { amountMinor: 45_000_000, currency: 'JPY' },
          personMonthsPerYear: [
            { year: 2024, personMonths: 3 },
            { year: 2025, personMonths: 3 },
            { year: 2026, personMonths: 2.5 },
          ],
          objectives: 'Develop and test new alloys.',
          overlap: 'None',
          inKind: false,
        },
      ],
    },
    gifts: { nothingToDisclose: true, items: [] },
    interests: { nothingToDisclose: true, items: [] },
    travel: {
      nothingToDisclose: false,
      items: [
        {
          id: id(),
          sponsor: { name: 'Harbin Institute of Technology', country: 'CN' },
          destinationCountry: 'CN',
          purpose: 'Invited lecture',
          startDate: '2025-09-01',
          endDate: '2025-09-05',
          value: { amountMinor: 850_000, currency: 'CNY' },
        },
      ],
    },
  };
}
