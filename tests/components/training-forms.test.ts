import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import BookingPanel from '../../src/components/training/BookingPanel.astro';
import RegisterTable from '../../src/components/training/RegisterTable.astro';
import WorkshopForm from '../../src/components/training/WorkshopForm.astro';
import { translator } from '../../src/i18n/index.ts';
import type { RegisterView, WorkshopView } from '../../src/server/training/index.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>, locale: 'en' | 'cy' = 'en') => {
  const html = await container.renderToString(component, { props, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
};

/** The workshop page's view with the viewer third on a waiting list; booking open or closed. */
function waitingView(open: boolean): WorkshopView {
  return {
    workshop: { id: 'w1', title: 'Gweithdy' } as WorkshopView['workshop'],
    startsAt: '09:30',
    endsAt: '12:30',
    teams: [],
    facilitators: [],
    bookedCount: 5,
    waitingCount: 3,
    placesLeft: 0,
    open,
    cancelled: false,
    mine: { state: 'waiting', position: 3 },
    may: { book: true, edit: false, register: false },
  };
}

describe('the booking panel of someone on the waiting list', () => {
  it('tells them, once booking has closed, that no place will come to them from the waiting list', async () => {
    const doc = await render(BookingPanel, { view: waitingView(false), requestKey: 'k' }, 'cy');
    expect(doc.body.textContent).toContain('Rydych yn rhif 3 ar y rhestr aros');
    expect(doc.body.textContent).toContain('Mae’r archebu wedi cau, felly chewch chi ddim lle o’r rhestr aros bellach.');
    const english = await render(BookingPanel, { view: waitingView(false), requestKey: 'k' });
    expect(english.body.textContent).toContain('Booking has closed, so you will not get a place from the waiting list now.');
  });

  it('says nothing of closing while booking is open', async () => {
    const doc = await render(BookingPanel, { view: waitingView(true), requestKey: 'k' });
    expect(doc.body.textContent).not.toContain('Booking has closed');
  });
});

describe('the workshop form', () => {
  it('makes Save the default button, so Enter in a field saves rather than searching for facilitators', async () => {
    const doc = await render(WorkshopForm, { values: { facilitatorSearch: 'Gwenno' }, errors: {}, programmes: [], teams: [], people: [] });
    const buttons = [...doc.querySelectorAll('form button[type="submit"]')];
    expect(buttons[0]!.getAttribute('name')).toBeNull();
    expect(buttons[0]!.textContent).toBe('Save workshop');
    expect(buttons[0]!.getAttribute('tabindex')).toBe('-1');
    expect(buttons.map((b) => b.getAttribute('value'))).toContain('find-facilitators');
  });
});

describe('the register rows', () => {
  it('say of a late cancellation that the person cancelled after booking closed', async () => {
    const view = {
      lengthMinutes: 180,
      rows: [{ personId: 'p1', name: 'Osian Wyn', walkIn: false, booking: 'cancelled-late', mark: null, minutes: null }],
    } as unknown as RegisterView;
    const doc = await render(RegisterTable, { view, values: null, errors: {} }, 'cy');
    expect(doc.body.textContent).toContain('Wedi canslo’r lle ar-lein ar ôl i’r archebu gau.');
    expect(doc.querySelector('input[value="cancelled-late"]')).not.toBeNull();
  });
});
