import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { localePath, type Locale } from '../../src/domain/common/locale.ts';
import { messages } from '../../src/i18n/index.ts';

export { DEMO_PASSWORD, type Locale };

// A test that changes an account takes its own from the `account`/`newAccount` fixtures
// (fixtures.ts). The four demo sign-ins (learner@, mentor@, manager@, admin@) are only signed
// in and out, and switch language: so where they land after signing in may vary.

/** A locale-free path as a URL path in `locale` (English at `/…`, Welsh at `/cy/…`). */
export const localised = localePath;

/**
 * A demo person's name, and not a test account named after them: accounts made by `newAccount`
 * carry an eight-hex-digit tag ("Osian Wyn 4b6c05f4") and may sit in any demo team.
 */
export function demoPerson(name: string): RegExp {
  return new RegExp(`${name}(?! [0-9a-f]{8})`);
}

/**
 * Signs in through the form. Uses the sign-in page already shown (keeping its `?next=`) when
 * it is in the wanted language; otherwise opens the sign-in page for `locale` (default English).
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD, locale?: Locale): Promise<void> {
  const here = page.url().startsWith('http') ? new URL(page.url()) : null;
  const onSignIn = here !== null && /^(\/cy)?\/sign-in$/.test(here.pathname);
  const hereLocale: Locale = here?.pathname.startsWith('/cy/') ? 'cy' : 'en';
  const lang: Locale = locale ?? (onSignIn ? hereLocale : 'en');
  if (!onSignIn || hereLocale !== lang) await page.goto(localised(lang, '/sign-in'));
  const text = messages[lang];
  await page.getByLabel(text['signIn.email'], { exact: true }).fill(email);
  await page.getByLabel(text['signIn.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: text['signIn.submit'], exact: true }).click();
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe over the whole page and fails the test with a readable list if any WCAG A/AA rule is
 * broken. The check is soft: the test goes on (so one page's problem does not hide the next
 * page's, or a functional failure), and is still reported as failed at the end.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const readable = violations
    .map((v) => [`- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`, ...v.nodes.map((n) => `    ${n.target.join(' ')}`)].join('\n'))
    .join('\n');
  const summary = violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect.soft(summary, `Accessibility violations on ${page.url()}:\n${readable}\n`).toEqual([]);
  await expectNoHorizontalOverflow(page);
}

/** The narrowest screen every page must fit without sideways scrolling (WCAG 1.4.10 Reflow). */
export const NARROWEST = 320;

type Overflow = { scrollWidth: number; clientWidth: number; offenders: { element: string; width: number; right: number }[] };

/**
 * Lays the page out `NARROWEST` pixels wide, without loading it again, and fails (softly, like the
 * axe check) if the page scrolls sideways or any element pokes out of the screen other than
 * inside a scrolling region (a wide table's own region may scroll); the size is then restored.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: NARROWEST, height: before?.height ?? 720 });
  try {
    const found: Overflow = await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const root = document.documentElement;
      const width = root.clientWidth;
      // Inside an element that scrolls or clips sideways, overflow cannot widen the page.
      const contained = (el: Element): boolean => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
      };
      const describe = (el: Element): string => {
        const id = el.id ? `#${el.id}` : '';
        const classes = [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
        return `<${el.tagName.toLowerCase()}${id}${classes}>${text ? ` “${text}”` : ''}`;
      };
      // Cheapest test first: most elements are inside the screen, and only those that are not are looked at further.
      const offenders = [...document.body.querySelectorAll('*')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ el, box }) => box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && el.checkVisibility({ visibilityProperty: true }) && !contained(el))
        .sort((a, b) => b.box.width - a.box.width || b.box.right - a.box.right)
        .map(({ el, box }) => ({ element: describe(el), width: Math.round(box.width), right: Math.round(box.right) }));
      return { scrollWidth: root.scrollWidth, clientWidth: width, offenders };
    });
    const widest = found.offenders[0];
    const because = widest ? `the widest element sticking out is ${widest.element}, ${widest.width}px wide, ending at ${widest.right}px` : 'no single element was found sticking out';
    expect
      .soft(
        { pageWidth: found.scrollWidth, offenders: found.offenders.length },
        `${page.url()} is wider than ${NARROWEST}px (${found.scrollWidth}px for a ${found.clientWidth}px screen): ${because}.`,
      )
      .toEqual({ pageWidth: found.clientWidth, offenders: 0 });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

export type CaughtMail = { to: string[]; subject: string; text: string };

/**
 * Every e-mail the app has sent to `address` so far, oldest first, as the test SMTP server
 * received it (playwright.config.ts); waits until there are at least `atLeast`.
 */
export async function mailTo(address: string, atLeast = 1): Promise<CaughtMail[]> {
  const dir = join(process.env.CAMAU_E2E_DIR!, 'mail');
  let found: CaughtMail[] = [];
  await expect
    .poll(() => {
      found = readdirSync(dir)
        .sort()
        .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CaughtMail)
        .filter((mail) => mail.to.includes(address));
      return found.length;
    }, { message: `waiting for ${atLeast} e-mail(s) to ${address}` })
    .toBeGreaterThanOrEqual(atLeast);
  return found;
}

/** The set-password link in an e-mail. */
export function linkIn(mail: CaughtMail): string {
  const link = /https?:\/\/\S+\/set-password\?token=\S+/.exec(mail.text)?.[0];
  expect(link, `no set-password link in:\n${mail.text}`).toBeTruthy();
  return link!;
}
