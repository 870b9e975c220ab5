import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newVisitor, signInThroughForm } from './support/browser';
import {
  announced,
  checkPage,
  expectTitle,
  heading,
  visible,
  watchApiFailures,
  watchPageErrors,
} from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

jest.setTimeout(180_000);

const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };
const MINDER = { email: 'childminder.demo@example.com', password: 'Demo-Minder-2026' };

const LONDON = 'Europe/London';
const ukDate = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
const ukTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
const ukWeekday = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short' }).format(new Date(iso));

describe('Booking care in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function visitor(): Promise<Page> {
    const context = await newVisitor(browser, server.baseUrl);
    contexts.push(context);
    return context.newPage();
  }

  /**
   * A free morning in Claire's open time at least two days ahead, not on a Tuesday (the demo
   * parent's Maya is already booked with her on Tuesdays): the date and a 10:00-12:00 session.
   */
  async function freeMorning(profileId: string): Promise<string> {
    const today = ukDate(new Date());
    const to = ukDate(new Date(Date.now() + 14 * 24 * 3600 * 1000));
    const response = await fetch(`${server.baseUrl}/api/childminders/${profileId}/availability?from=${today}&to=${to}`);
    expect(response.status).toBe(200);
    const { slots } = (await response.json()) as { slots: { startsAt: string; endsAt: string }[] };
    const soonest = ukDate(new Date(Date.now() + 2 * 24 * 3600 * 1000));
    const slot = slots.find(
      (s) =>
        ukDate(s.startsAt) >= soonest &&
        ukDate(s.startsAt) === ukDate(s.endsAt) &&
        ukWeekday(s.startsAt) !== 'Tue' &&
        ukTime(s.startsAt) <= '10:00' &&
        ukTime(s.endsAt) >= '12:00',
    );
    expect(slot).toBeDefined();
    return ukDate(slot!.startsAt);
  }

  it('a parent searches by postcode, opens a profile and requests a booking; the childminder confirms it; the parent sees it confirmed in the calendar', async () => {
    const page = await visitor();
    const errors = watchPageErrors(page);
    const apiFailures = watchApiFailures(page);

    // A visitor finds Claire Hughes (the demo childminder) by postcode and sees her open time.
    await page.goto('/search');
    await page.getByLabel('Postcode').fill('M20 2LS');
    await page.getByRole('button', { name: 'Search' }).click();
    await visible(page.getByRole('heading', { name: /childminders? within \d+ miles? of M20/ }));
    await page.getByRole('link', { name: 'Claire Hughes', exact: true }).first().click();
    await page.waitForURL(/\/childminders\/[0-9a-f-]{36}$/);
    const profileId = new URL(page.url()).pathname.split('/').pop()!;
    await visible(heading(page, 'Claire Hughes'));
    await visible(heading(page, 'Availability, next two weeks'));
    await visible(page.getByRole('list', { name: /Open time, next 14 days/ }));
    await checkPage(page, 'booking-profile-signed-out', { phone: true });
    // A visitor who never signed in makes no request that can only fail (no session probe).
    expect(apiFailures).toEqual([]);

    // Booking needs an account: signing in leads straight to the request form.
    await page.getByRole('link', { name: 'Sign in to book' }).click();
    await page.waitForURL('**/login?**');
    await page.getByLabel('Email address').fill(PARENT.email);
    await page.getByLabel('Password', { exact: true }).fill(PARENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/parent/bookings/new?childminder=${profileId}`);
    await visible(heading(page, 'Request a booking with Claire Hughes'));
    await expectTitle(page, 'Request a booking');

    // The form checks places and price as it changes: first a time she is closed.
    const date = await freeMorning(profileId);
    await page.getByRole('checkbox', { name: /Maya/ }).check();
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByLabel('Start', { exact: true }).fill('05:00');
    await page.getByLabel('End', { exact: true }).fill('06:30');
    await visible(page.getByText("This request can't be booked as it stands."));
    await visible(page.getByText('Outside the childminder’s available time'));
    await checkPage(page, 'booking-request-refused');

    // Then a morning inside her open time: there is a place, and the price is shown.
    await page.getByLabel('Start', { exact: true }).fill('10:00');
    await page.getByLabel('End', { exact: true }).fill('12:00');
    await visible(page.getByText('There is a place: this request can be booked.'));
    await visible(page.getByText(/^£\d+\.\d\d$/));
    await page.getByLabel('Notes for the childminder (optional)').fill('Maya will bring her own lunch.');
    await checkPage(page, 'booking-request-bookable', { phone: true });

    await page.getByRole('button', { name: 'Send booking request' }).click();
    await page.waitForURL(/\/parent\/bookings\/[0-9a-f-]{36}$/);
    const bookingId = new URL(page.url()).pathname.split('/').pop()!;
    await visible(heading(page, 'Booking with Claire Hughes'));
    await visible(announced(page, 'Your request has been sent to Claire Hughes.'));
    await visible(page.getByText('Waiting for the childminder').first());
    await visible(page.getByText('Maya will bring her own lunch.'));
    await visible(page.getByRole('link', { name: 'Message Claire Hughes' }));
    await visible(page.getByRole('button', { name: 'Change request' }));
    await checkPage(page, 'booking-detail-pending', { phone: true });

    // The list shows it among the pending requests.
    await page.goto('/parent/bookings?status=pending');
    await visible(heading(page, 'Your bookings'));
    await visible(page.locator(`a[href="/parent/bookings/${bookingId}"]`));
    await checkPage(page, 'booking-list-pending', { phone: true });

    // The childminder, signed in elsewhere, finds the request in her inbox and confirms it.
    const minder = await visitor();
    await signInThroughForm(minder, MINDER.email, MINDER.password);
    await minder.goto('/childminder/bookings');
    await visible(heading(minder, 'Bookings'));
    const request = minder.locator(`a[href="/childminder/bookings/${bookingId}"]`);
    // Pending requests come first, but the demo data has many: ours may be on a later page.
    if (await request.count()) await request.first().click();
    else await minder.goto(`/childminder/bookings/${bookingId}`);
    await visible(minder.getByText('Maya will bring her own lunch.'));
    await minder.getByRole('button', { name: 'Confirm booking' }).click();
    await visible(announced(minder, 'Booking confirmed. The parent has been told.'));

    // The parent sees it confirmed, on the booking and in the calendar.
    await page.goto(`/parent/bookings/${bookingId}`);
    await visible(heading(page, 'Booking with Claire Hughes'));
    await visible(page.getByText('Confirmed', { exact: true }).first());
    await page.getByRole('link', { name: 'See in calendar' }).click();
    await page.waitForURL(`**/parent/calendar?date=${date}`);
    await visible(heading(page, 'Your calendar'));
    const event = page.locator(`a[href="/parent/bookings/${bookingId}"]`).first();
    await visible(event);
    expect(await event.textContent()).toContain('Care with Claire Hughes (Confirmed)');
    await checkPage(page, 'booking-calendar-month');
    await page.getByRole('tab', { name: /Week/ }).click();
    await visible(page.locator(`a[href="/parent/bookings/${bookingId}"]`).first());
    await checkPage(page, 'booking-calendar-week');

    // Events are links: the keyboard opens the booking.
    await page.locator(`a[href="/parent/bookings/${bookingId}"]`).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/parent/bookings/${bookingId}`);
    await visible(heading(page, 'Booking with Claire Hughes'));

    // On a phone the calendar is a list.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/parent/calendar?date=${date}`);
    await visible(page.locator(`a[href="/parent/bookings/${bookingId}"]`).first());
    await checkPage(page, 'booking-calendar-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The dashboard counts it and links to the new pages.
    await page.goto('/parent');
    await visible(heading(page, 'At a glance'));
    await visible(page.getByRole('link', { name: /upcoming bookings?/ }));
    await visible(page.getByRole('link', { name: /^Favourites/ }));
    await checkPage(page, 'parent-dashboard-bookings');

    // Plans change: the parent cancels, giving a reason, behind a confirmation dialog.
    await page.goto(`/parent/bookings/${bookingId}`);
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Cancel this booking?' }));
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await visible(dialog.getByText('Enter your reason'));
    await dialog.getByLabel('Reason').fill('Maya starts nursery that week');
    await checkPage(page, 'booking-cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(announced(page, 'The booking has been cancelled.'));
    await visible(page.getByText('Cancelled by you'));
    await visible(page.getByText('Maya starts nursery that week'));
    expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    await checkPage(page, 'booking-detail-cancelled');
    expect(errors).toEqual([]);
  });
});
