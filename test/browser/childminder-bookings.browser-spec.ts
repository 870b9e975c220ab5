import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInVisitor } from './support/browser';
import { announced, checkPage, expectTitle, heading, visible, watchPageErrors } from './support/page-checks';
import { type RunningServer, startServer } from './support/server';

// A long story on a shared machine: three roles, axe at two widths, screenshots.
jest.setTimeout(240_000);

const PARENT = { email: 'parent.demo@example.com', password: 'Demo-Parent-2026' };
const MINDER = { email: 'childminder.demo@example.com', password: 'Demo-Minder-2026' };
const ADMIN = { email: 'admin.demo@example.com', password: 'Demo-Admin-2026' };

interface Session {
  token: string;
  userId: string;
  firstName: string;
  lastName: string;
}

interface BookingBody {
  id: string;
  status: string;
  startsAt: string;
  parent: { id: string; firstName: string; lastName: string };
}

/** A UK date (YYYY-MM-DD) for an instant. */
const ukDate = (value: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(value);

/** `2026-03-03` -> `Tuesday 3 March 2026`, as the availability editor names a day. */
const ukDayName = (date: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`;
};

describe('Childminder bookings in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let parent: Session;
  let booking: BookingBody;
  const notes = `Browser story ${Date.now()}: Maya loves painting`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    parent = await apiLogin(PARENT.email, PARENT.password);
    booking = await requestBooking();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  async function api<T>(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  }

  async function apiLogin(email: string, password: string): Promise<Session> {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      accessToken: string;
      user: { id: string; firstName: string; lastName: string };
    };
    return {
      token: body.accessToken,
      userId: body.user.id,
      firstName: body.user.firstName,
      lastName: body.user.lastName,
    };
  }

  /**
   * The demo parent (on Plus, with children) asks the demo childminder for a one-hour session in
   * an open slot in the next week, checked with the quote first so the story does not depend on
   * which places the demo bookings already take.
   */
  async function requestBooking(): Promise<BookingBody> {
    const minder = await apiLogin(MINDER.email, MINDER.password);
    const profile = await api<{ id: string }>('/api/user/childminder-profile', minder.token);
    expect(profile.status).toBe(200);
    const children = await api<{ items: { id: string }[] }>('/api/dashboard/parent/children', parent.token);
    expect(children.body.items.length).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const slots = await api<{ slots: { startsAt: string; endsAt: string }[] }>(
      `/api/childminders/${profile.body.id}/availability?from=${ukDate(tomorrow)}&to=${ukDate(new Date(Date.now() + 8 * 24 * 3600_000))}`,
      parent.token,
    );
    expect(slots.status).toBe(200);
    const hour = 3600_000;
    const tried: string[] = [];
    for (const slot of slots.body.slots) {
      const slotStart = Date.parse(slot.startsAt);
      const slotEnd = Date.parse(slot.endsAt);
      for (let start = slotStart + hour; start + hour <= slotEnd; start += 2 * hour) {
        for (const childIds of [[children.body.items[0]!.id], ...children.body.items.slice(1).map((c) => [c.id])]) {
          const body = {
            childminderId: profile.body.id,
            childIds,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + hour).toISOString(),
            weeks: 1,
            notes,
          };
          const quote = await api<{ bookable: boolean; problems: { message: string }[] }>(
            '/api/dashboard/parent/bookings/quote',
            parent.token,
            { method: 'POST', body },
          );
          if (quote.status === 200 && quote.body.bookable) {
            const created = await api<BookingBody>('/api/dashboard/parent/bookings/create', parent.token, {
              method: 'POST',
              body,
            });
            expect(created.status).toBe(201);
            expect(created.body.status).toBe('pending');
            return created.body;
          }
          tried.push(`${body.startsAt}: ${quote.status} ${quote.body?.problems?.map((p) => p.message).join('; ')}`);
          if (tried.length > 40) throw new Error(`No bookable slot found:\n${tried.join('\n')}`);
        }
      }
    }
    throw new Error(`No bookable slot found:\n${tried.join('\n')}`);
  }

  async function signedIn(email: string, password: string): Promise<Page> {
    const page = await signedInVisitor(browser, server.baseUrl, email, password);
    contexts.push(page.context());
    return page;
  }

  const parentName = () => `${parent.firstName} ${parent.lastName}`;

  it('the childminder sees the request in her inbox, confirms it and finds it in her calendar', async () => {
    const page = await signedIn(MINDER.email, MINDER.password);
    const pageErrors = watchPageErrors(page);

    await page.goto('/childminder');
    await visible(heading(page, 'At a glance'));
    await visible(page.getByText(/waiting for an answer/).first());
    await visible(page.getByText(/Profile \d+% complete/));
    await checkPage(page, 'childminder-dashboard', { phone: true });

    await page
      .getByRole('link', { name: /^Bookings/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/childminder/bookings');
    await visible(heading(page, 'Bookings'));
    await expectTitle(page, 'Bookings');
    const link = page.locator(`a[href="/childminder/bookings/${booking.id}"]`);
    // Pending requests come first; with many demo requests ours may be on a later page.
    if (await link.count()) {
      await checkPage(page, 'childminder-booking-inbox', { phone: true });
      await link.click();
    } else {
      await checkPage(page, 'childminder-booking-inbox', { phone: true });
      await page.goto(`/childminder/bookings/${booking.id}`);
    }

    await visible(heading(page, `Booking with ${parentName()}`));
    await visible(page.getByText(notes));
    await visible(page.getByText('Waiting for an answer'));
    await visible(page.getByRole('link', { name: `Message ${parent.firstName}` }));
    const message = page.getByRole('link', { name: `Message ${parent.firstName}` });
    expect(await message.getAttribute('href')).toContain(`to=${parent.userId}`);
    await checkPage(page, 'childminder-booking-pending', { phone: true });

    // Declining asks for a reason first; the childminder changes her mind.
    await page.getByRole('button', { name: 'Decline…' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Decline this request?' }));
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await visible(dialog.getByText('Enter a reason'));
    await dialog.getByRole('button', { name: 'Keep the request' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await visible(announced(page, 'Booking confirmed. The parent has been told.'));
    await visible(page.getByText('Confirmed', { exact: true }));
    await visible(page.getByRole('button', { name: 'Cancel booking…' }));
    await checkPage(page, 'childminder-booking-confirmed');

    await page.getByRole('link', { name: 'See in calendar' }).click();
    await visible(page.getByText(`Booking (Confirmed): ${parentName()}`).first());
    await expectTitle(page, 'Calendar');
    await checkPage(page, 'childminder-calendar', { phone: true });
    expect(pageErrors).toEqual([]);
  });

  it('the childminder adds a repeating block of availability with the keyboard form', async () => {
    const page = await signedIn(MINDER.email, MINDER.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/childminder/availability');
    await visible(heading(page, 'Availability'));
    await expectTitle(page, 'Availability');
    await page.locator('[role="status"] mat-progress-bar').waitFor({ state: 'detached' });
    await checkPage(page, 'childminder-availability', { phone: true });

    const today = ukDate(new Date());
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(new Date());
    const addButton = page.getByRole('button', { name: 'Add availability' });
    await addButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Add availability' }));
    await dialog.getByLabel('Title', { exact: true }).fill('Evening homework club');
    await dialog.getByLabel('Date', { exact: true }).fill(today);
    await dialog.getByLabel('From', { exact: true }).fill('20:00');
    await dialog.getByLabel('To', { exact: true }).fill('20:45');
    await dialog.getByRole('checkbox', { name: weekday }).check();
    await dialog.getByLabel('Repeat until (optional)').fill(ukDate(new Date(Date.now() + 21 * 24 * 3600_000)));
    await visible(dialog.getByText(new RegExp(`^Every ${weekday} until `)));
    await checkPage(page, 'childminder-availability-dialog');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(announced(page, '“Evening homework club” saved.'));
    await visible(page.getByText('Available: Evening homework club').first());
    await checkPage(page, 'childminder-availability-added');
    expect(pageErrors).toEqual([]);
  });

  it('the childminder removes one day of a repeating block, then the whole series, with the keyboard', async () => {
    const minder = await apiLogin(MINDER.email, MINDER.password);
    const today = ukDate(new Date());
    const created = await api<{ id: string }>('/api/dashboard/childminder/availability', minder.token, {
      method: 'POST',
      body: {
        startsAt: `${today}T19:00:00`,
        endsAt: `${today}T19:45:00`,
        type: 'available',
        title: 'Story time',
        recurrence: 'FREQ=WEEKLY;COUNT=3',
      },
    });
    expect(created.status).toBe(201);
    const blockUrl = `/api/dashboard/childminder/availability/${created.body.id}`;

    const page = await signedIn(MINDER.email, MINDER.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/childminder/availability');
    await visible(heading(page, 'Availability'));
    await page.locator('[role="status"] mat-progress-bar').waitFor({ state: 'detached' });
    const storyTime = page.getByRole('button', { name: /Available: Story time/ });

    // This week's occurrence: open it from the keyboard, then "Remove…".
    await (await visible(storyTime)).focus();
    await page.keyboard.press('Enter');
    const editDialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Edit Story time' }) });
    await visible(editDialog);
    await editDialog.getByRole('button', { name: 'Remove…' }).focus();
    await page.keyboard.press('Enter');
    const removeDialog = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: 'Remove “Story time”?' }) });
    await visible(removeDialog);
    // The safer choice comes first.
    expect(await removeDialog.getByRole('radio', { name: /Remove this day only/ }).isChecked()).toBe(true);
    await visible(removeDialog.getByText(`${ukDayName(today)} is skipped; the other days stay.`));
    await checkPage(page, 'childminder-availability-remove-day');
    await removeDialog.getByRole('button', { name: 'Remove this day only' }).click();
    await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    await visible(announced(page, `${ukDayName(today)} removed from “Story time”. The other days stay.`));
    await storyTime.waitFor({ state: 'detached' });
    const afterDay = await api<{ exceptionDates: string[]; recurrence: string }>(blockUrl, minder.token);
    expect(afterDay.body).toMatchObject({ exceptionDates: [today], recurrence: 'FREQ=WEEKLY;COUNT=3' });

    // Next week the series goes on; this time the whole series goes, chosen with the arrow keys.
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.locator('[role="status"] mat-progress-bar').waitFor({ state: 'detached' });
    await (await visible(storyTime)).focus();
    await page.keyboard.press('Enter');
    await visible(editDialog);
    await editDialog.getByRole('button', { name: 'Remove…' }).click();
    await visible(removeDialog);
    await removeDialog.getByRole('radio', { name: /Remove this day only/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await removeDialog.getByRole('radio', { name: /Remove the whole series/ }).isChecked()).toBe(true);
    await removeDialog.getByRole('button', { name: 'Remove the whole series' }).click();
    await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    await visible(announced(page, 'Deleted.'));
    await storyTime.waitFor({ state: 'detached' });
    expect((await api(blockUrl, minder.token)).status).toBe(404);
    expect(pageErrors).toEqual([]);
  });

  it('an admin finds the booking in the list, opens it and cancels it with a reason', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    const pageErrors = watchPageErrors(page);
    await page.goto('/admin');
    await page
      .getByRole('link', { name: /^Bookings/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/admin/bookings');
    await visible(heading(page, 'Bookings'));
    await expectTitle(page, 'Bookings');
    await page.getByLabel('Parent user ID').fill(parent.userId);
    await page.getByRole('button', { name: 'Apply' }).click();
    const link = page.locator(`a[href="/admin/bookings/${booking.id}"]`);
    await visible(link);
    await checkPage(page, 'admin-bookings', { phone: true });

    await link.click();
    await visible(page.getByText(notes));
    await expectTitle(page, 'Booking');
    await visible(page.getByText('Confirmed', { exact: true }));
    await checkPage(page, 'admin-booking-detail', { phone: true });

    await page.getByRole('button', { name: 'Cancel booking…' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Cancel this booking?' }));
    await dialog.getByLabel('Reason').fill('Test booking from the browser story');
    await checkPage(page, 'admin-booking-cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(announced(page, 'Booking cancelled. Both sides have been told.'));
    await visible(page.getByText('Cancelled', { exact: true }));
    await visible(page.getByText('Test booking from the browser story'));
    expect(pageErrors).toEqual([]);
  });
});
