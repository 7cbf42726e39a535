import type { Db } from '../client.ts';
import { bookings, cpdEntries, registerRows, workshopFacilitators, workshopReactions, workshops, workshopTeams } from '../schema/index.ts';
import type { DeliveryLanguage, RegisterMark } from '../../src/domain/training/index.ts';

const ORG = 'demo-org';
const DAY = 86_400_000;

/** The calendar day (YYYY-MM-DD, London) `offset` days from `now`. */
function dayFrom(now: number, offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now + offset * DAY));
}

/** The instant of a London wall-clock time on a day (the seed needs no more than the hour's offset). */
function londonAt(day: string, clock: string): number {
  const guess = Date.parse(`${day}T${clock}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(guess));
  const [h, m] = shown.split(':').map(Number) as [number, number];
  const [wantH, wantM] = clock.split(':').map(Number) as [number, number];
  return guess - ((h - wantH) * 60 + (m - wantM)) * 60_000;
}

type DemoWorkshop = {
  id: string;
  programmeId: string;
  title: string;
  offset: number;
  starts: string;
  ends: string;
  venue: string | null;
  online: string | null;
  language: DeliveryLanguage;
  places: number;
  facilitators: string[];
  teams?: string[];
  booked: string[];
  waiting?: string[];
  /** Past workshops: each booked person's mark (minutes for part), and reactions. */
  marks?: Record<string, RegisterMark | ['attended-part', number]>;
  reactions?: [string, number, number, number, string | null][];
};

const A = 'demo-team-assessment';
const U = 'demo-team-uplands';

// Twelve fictional workshops over the four programmes: five past (registers, reactions), seven to come.
const WORKSHOPS: DemoWorkshop[] = [
  {
    id: 'demo-ws-01', programmeId: 'effective-child-protection', title: 'Amddiffyn plant effeithiol: cyflwyniad', offset: -42, starts: '09:30', ends: '12:30',
    venue: 'Swyddfa’r Cyngor, Caernarfon', online: null, language: 'cy', places: 12, facilitators: ['demo-mentor'],
    booked: ['demo-learner', 'demo-p01', 'demo-p02', 'demo-p04', 'demo-p05', 'demo-p07', 'demo-p08', 'demo-p10'],
    marks: { 'demo-learner': 'attended', 'demo-p01': 'attended', 'demo-p02': 'attended', 'demo-p04': ['attended-part', 90], 'demo-p05': 'attended', 'demo-p07': 'attended', 'demo-p08': 'did-not-attend', 'demo-p10': 'cancelled-late' },
    reactions: [
      ['demo-learner', 5, 5, 4, 'Roedd yr enghreifftiau o achosion yn help mawr.'],
      ['demo-p01', 4, 5, 4, null],
      ['demo-p02', 4, 4, 3, 'Hoffwn gael mwy o amser i ymarfer.'],
      ['demo-p04', 3, 4, 3, null],
      ['demo-p05', 5, 5, 5, null],
      ['demo-p07', 4, 4, 4, null],
    ],
  },
  {
    id: 'demo-ws-02', programmeId: 'collaborative-conversations', title: 'Collaborative conversations in practice', offset: -30, starts: '13:30', ends: '16:30',
    venue: null, online: 'https://meet.example/camau-sgyrsiau', language: 'en', places: 10, facilitators: ['demo-mentor-2'],
    booked: ['demo-p03', 'demo-p06', 'demo-p09', 'demo-p12', 'demo-p16', 'demo-p18', 'demo-p21'],
    marks: { 'demo-p03': 'attended', 'demo-p06': 'attended', 'demo-p09': 'attended', 'demo-p12': 'attended', 'demo-p16': ['attended-part', 120], 'demo-p18': 'attended', 'demo-p21': 'did-not-attend' },
    reactions: [
      ['demo-p03', 5, 4, 4, 'The role-play of a first home visit was the most useful part.'],
      ['demo-p06', 4, 5, 4, null],
      ['demo-p09', 4, 4, 4, null],
      ['demo-p12', 5, 5, 4, 'More on working with fathers, please.'],
      ['demo-p18', 3, 4, 3, null],
    ],
  },
  {
    id: 'demo-ws-03', programmeId: 'risk-model', title: 'Y model risg: dadansoddi a chynllunio / The risk model: analysis and planning', offset: -21, starts: '10:00', ends: '15:00',
    venue: 'Canolfan Hyfforddi, Dolgellau', online: null, language: 'bilingual', places: 16, facilitators: ['demo-mentor'],
    booked: ['demo-learner', 'demo-p01', 'demo-p11', 'demo-p13', 'demo-p14', 'demo-p15', 'demo-p17', 'demo-p19'],
    marks: { 'demo-learner': 'attended', 'demo-p01': 'attended', 'demo-p11': 'attended', 'demo-p13': 'attended', 'demo-p14': 'attended', 'demo-p15': 'cancelled-late', 'demo-p17': 'attended', 'demo-p19': ['attended-part', 150] },
    reactions: [
      ['demo-learner', 4, 5, 4, null],
      ['demo-p01', 5, 5, 5, 'Clir ac ymarferol.'],
      ['demo-p11', 4, 4, 3, null],
      ['demo-p13', 4, 5, 4, null],
      ['demo-p14', 3, 3, 3, 'Rhy gyflym yn y prynhawn.'],
      ['demo-p17', 5, 4, 4, null],
    ],
  },
  {
    id: 'demo-ws-04', programmeId: 'practice-mentoring', title: 'Practice mentoring: giving feedback', offset: -14, starts: '09:30', ends: '12:00',
    venue: 'Swyddfa Ardal, Pwllheli', online: null, language: 'en', places: 8, facilitators: ['demo-mentor-2'],
    booked: ['demo-mentor', 'demo-p05', 'demo-p20'],
    marks: { 'demo-mentor': 'attended', 'demo-p05': 'attended', 'demo-p20': 'attended' },
    reactions: [['demo-mentor', 5, 5, 4, null], ['demo-p05', 4, 4, 4, null]],
  },
  {
    id: 'demo-ws-05', programmeId: 'effective-child-protection', title: 'Trothwyon a phenderfyniadau', offset: -7, starts: '13:00', ends: '16:00',
    venue: 'Swyddfa’r Cyngor, Caernarfon', online: null, language: 'cy', places: 12, facilitators: ['demo-mentor'], teams: [U],
    booked: ['demo-p14', 'demo-p15', 'demo-p17', 'demo-p19', 'demo-p22'],
    marks: { 'demo-p14': 'attended', 'demo-p15': 'attended', 'demo-p17': 'did-not-attend', 'demo-p19': 'attended', 'demo-p22': 'attended' },
  },
  {
    id: 'demo-ws-06', programmeId: 'collaborative-conversations', title: 'Sgyrsiau cydweithredol: cyfweld ysgogiadol', offset: 6, starts: '09:30', ends: '12:30',
    venue: 'Canolfan Hyfforddi, Dolgellau', online: null, language: 'cy', places: 12, facilitators: ['demo-mentor'],
    booked: ['demo-p01', 'demo-p02', 'demo-p11'],
  },
  {
    id: 'demo-ws-07', programmeId: 'effective-child-protection', title: 'Amddiffyn plant effeithiol: cynadleddau achos', offset: 9, starts: '10:00', ends: '13:00',
    venue: 'Swyddfa’r Cyngor, Caernarfon', online: null, language: 'bilingual', places: 6, facilitators: ['demo-mentor', 'demo-mentor-2'],
    booked: ['demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p06', 'demo-p07'],
    waiting: ['demo-learner', 'demo-p09', 'demo-p12'],
  },
  {
    id: 'demo-ws-08', programmeId: 'risk-model', title: 'The risk model for new staff', offset: 14, starts: '13:30', ends: '16:30',
    venue: null, online: 'https://meet.example/camau-risg', language: 'en', places: 20, facilitators: ['demo-mentor-2'],
    booked: ['demo-p12', 'demo-p21'],
  },
  {
    id: 'demo-ws-09', programmeId: 'practice-mentoring', title: 'Mentora ymarfer: sesiynau grŵp', offset: 20, starts: '09:30', ends: '12:00',
    venue: 'Swyddfa Ardal, Pwllheli', online: null, language: 'cy', places: 8, facilitators: ['demo-mentor'], teams: [A],
    booked: [],
  },
  {
    id: 'demo-ws-10', programmeId: 'collaborative-conversations', title: 'Collaborative conversations: working with resistance', offset: 28, starts: '10:00', ends: '15:00',
    venue: 'Canolfan Hyfforddi, Dolgellau', online: 'https://meet.example/camau-gwrthwynebiad', language: 'bilingual', places: 16, facilitators: ['demo-mentor-2'],
    booked: ['demo-p16'],
  },
  {
    id: 'demo-ws-11', programmeId: 'effective-child-protection', title: 'Effective child protection: chronologies', offset: 35, starts: '13:00', ends: '16:00',
    venue: null, online: 'https://meet.example/camau-cronolegau', language: 'en', places: 25, facilitators: ['demo-manager'],
    booked: [],
  },
  {
    id: 'demo-ws-12', programmeId: 'risk-model', title: 'Y model risg: diogelwch a chryfderau', offset: 42, starts: '09:30', ends: '16:00',
    venue: 'Swyddfa’r Cyngor, Caernarfon', online: null, language: 'cy', places: 14, facilitators: ['demo-mentor'],
    booked: ['demo-p05'],
  },
];

/**
 * Seeds the demo organisation's workshops: past ones with bookings, registers (and the CPD minutes
 * they give) and reactions; upcoming ones with bookings, and one full with three people waiting.
 */
export async function seedDemoTraining(db: Db, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const w of WORKSHOPS) {
      const date = dayFrom(now, w.offset);
      const startAt = londonAt(date, w.starts);
      const endAt = londonAt(date, w.ends);
      const createdAt = now + Math.min(0, w.offset - 30) * DAY;
      await tx.insert(workshops).values({
        id: w.id, organisationId: ORG, programmeId: w.programmeId, title: w.title, date, startAt, endAt, venue: w.venue, onlineLink: w.online,
        deliveryLanguage: w.language, places: w.places, bookingClosesOn: dayFrom(now, w.offset - 2), openToAll: !w.teams?.length,
        revision: 0, createdBy: 'demo-admin', createdAt, updatedAt: createdAt, cancelledAt: null,
      });
      if (w.teams?.length) await tx.insert(workshopTeams).values(w.teams.map((teamId) => ({ workshopId: w.id, teamId })));
      await tx.insert(workshopFacilitators).values(w.facilitators.map((personId) => ({ workshopId: w.id, personId })));
      const queue = [...w.booked.map((p) => ({ p, state: 'booked' as const })), ...(w.waiting ?? []).map((p) => ({ p, state: 'waiting' as const }))];
      if (queue.length) {
        await tx.insert(bookings).values(
          queue.map(({ p, state }, i) => {
            // Marked "cancelled late": they cancelled their place the day before, after booking had closed.
            const lateCancel = w.marks?.[p] === 'cancelled-late';
            const bookedAt = createdAt + (i + 1) * 3_600_000;
            return {
              id: `${w.id}-b${i + 1}`, organisationId: ORG, workshopId: w.id, personId: p, state: lateCancel ? ('cancelled' as const) : state, seq: i + 1,
              seat: state === 'booked' && !lateCancel ? i + 1 : null, bookedBy: p, requestKey: null, queuedAt: bookedAt, bookedAt: state === 'booked' ? bookedAt : null,
              endedAt: lateCancel ? startAt - DAY : null, movedTo: null, updatedAt: lateCancel ? startAt - DAY : bookedAt,
            };
          }),
        );
      }
      const length = Math.round((endAt - startAt) / 60_000);
      for (const [personId, marked] of Object.entries(w.marks ?? {})) {
        const [mark, minutes] = Array.isArray(marked) ? marked : [marked, null];
        await tx.insert(registerRows).values({ workshopId: w.id, personId, mark, minutes, walkIn: false, markedBy: w.facilitators[0]!, markedAt: endAt + 3_600_000, revision: 1 });
        const cpd = mark === 'attended' ? length : mark === 'attended-part' ? Math.min(minutes ?? 0, length) : 0;
        if (cpd > 0) {
          await tx.insert(cpdEntries).values({
            id: `${w.id}-cpd-${personId}`, personId, organisationId: ORG, kind: 'workshop', sourceId: w.id, activityId: w.id, programmeId: w.programmeId,
            titleEn: w.title, titleCy: w.title, minutes: cpd, completedAt: endAt,
          });
        }
      }
      if (w.reactions?.length) {
        await tx.insert(workshopReactions).values(
          w.reactions.map(([personId, usefulness, relevance, confidence, comment], i) => ({ workshopId: w.id, personId, usefulness, relevance, confidence, comment, createdAt: endAt + (i + 2) * 3_600_000 })),
        );
      }
    }
  });
}
