import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { AppConfig } from '@app/config/app-config';
import type { ChildminderProfile } from '@app/modules/childminders/entities/childminder-profile.entity';
import { ChildmindersService } from '@app/modules/childminders/childminders.service';
import { ChildBirthday, ChildrenService } from '@app/modules/children/children.service';
import { UsersService } from '@app/modules/users/users.service';
import { boundingBox, GeoPoint } from '@app/modules/geo/geo-math';
import { GeocoderService } from '@app/modules/geo/geocoder.service';
import { EmailOutboxService } from '@app/modules/notifications/email/email-outbox.service';
import { formatUkDateTime } from '@app/modules/notifications/email/email-templates';
import { NotificationPreferencesService } from '@app/modules/notifications/notification-preferences.service';
import { NotificationChannel, NotificationType } from '@app/modules/notifications/notification-types';
import type { Notification } from '@app/modules/notifications-feed/entities/notification.entity';
import { NotificationsFeedService } from '@app/modules/notifications-feed/notifications-feed.service';
import { entitlementRequired } from '@app/modules/subscriptions/entitlements/requires-entitlement';
import { EntitlementsService } from '@app/modules/subscriptions/entitlements/entitlements.service';
import {
  CreateOpeningDto,
  LastMinuteSettingsResponse,
  OpeningListResponse,
  OpeningResponse,
  toChildminderSettingsResponse,
  toOpeningResponse,
  toParentSettingsResponse,
  UpdateLastMinuteSettingsDto,
} from './dto/last-minute.dto';
import { LastMinuteOpening } from './entities/last-minute-opening.entity';
import { LastMinuteSettings } from './entities/last-minute-settings.entity';
import { LISTED_OPEN_OPENINGS_LIMIT, matchOpening, ukRange } from './last-minute-matching';
import { LastMinuteErrorCode, LastMinuteException, openingNotFound } from './last-minute.exception';
import { LastMinuteRepository } from './last-minute.repository';

const PARENT_FIELDS = ['enabled', 'radiusMiles', 'childIds', 'channels'] as const;
const CHILDMINDER_FIELDS = ['autoAcceptReturningFamilies'] as const;

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' });
/** "7 December 2026 at 09:00 to 13:00" */
const describeRange = (opening: LastMinuteOpening) =>
  `${formatUkDateTime(opening.startsAt)} to ${timeFormat.format(opening.endsAt)}`;

/**
 * Last-minute places: childminders publish openings, parents with alerts on hear about the ones
 * near them for their children's ages, in the same transaction as the opening.
 */
@Injectable()
export class LastMinuteService {
  constructor(
    private readonly lastMinute: LastMinuteRepository,
    private readonly entitlements: EntitlementsService,
    private readonly geocoder: GeocoderService,
    private readonly outbox: EmailOutboxService,
    private readonly feed: NotificationsFeedService,
    private readonly preferences: NotificationPreferencesService,
    private readonly config: AppConfig,
    private readonly childminders: ChildmindersService,
    private readonly children: ChildrenService,
    private readonly users: UsersService,
  ) {}

  /** A childminder sees their own current openings; a parent, those matching their alerts. */
  schedule(auth: AuthContext): Promise<OpeningListResponse> {
    return auth.role === Role.Childminder ? this.mine(auth) : this.matchingForParent(auth);
  }

  /** A childminder's own current openings, soonest first. */
  async mine(auth: AuthContext): Promise<OpeningListResponse> {
    const [openings, profile] = await Promise.all([
      this.lastMinute.currentFor(auth.userId, new Date()),
      // Her own profile, read through its owner (no join into childminders' table).
      this.childminders.findByUserId(auth.userId),
    ]);
    return { items: openings.map((o) => toOpeningResponse({ ...o, profile: profile ?? undefined })) };
  }

  /** Current openings that match a parent's alert settings (radius, children), soonest first. */
  async matchingForParent(auth: AuthContext): Promise<OpeningListResponse> {
    const settings = (await this.lastMinute.findSettings(auth.userId)) ?? defaultSettings(auth.userId);
    const user = await this.users.findById(auth.userId);
    const location = this.locate(user?.postcode ?? null);
    if (!location) return { items: [] };
    const children = await this.children.birthdaysOf([auth.userId]);
    const alert = {
      location,
      radiusMiles: settings.radiusMiles,
      childDatesOfBirth: chosenChildren(children, settings).map((c) => c.dateOfBirth),
    };
    const candidates = await this.lastMinute.currentWithin(boundingBox(location, settings.radiusMiles), new Date());
    const items: OpeningResponse[] = [];
    for (const opening of candidates) {
      const miles = matchOpening(alert, { ...opening, location: locationOf(opening.profile!) });
      if (miles !== null) items.push(toOpeningResponse(opening, miles));
    }
    return { items };
  }

  /**
   * Publishes an opening and, in the same transaction, alerts every matching parent once (email
   * and in-app, as their settings and notification preferences allow). On the Listed plan a
   * childminder may have a few current openings; more needs `openings.unlimited` (402).
   */
  async publish(auth: AuthContext, dto: CreateOpeningDto): Promise<OpeningResponse> {
    const range = ukRange(dto.date, dto.startTime, dto.endTime);
    if (!range) {
      throw invalidRange('endTime', 'The end time must be after the start time, on a real date');
    }
    const now = new Date();
    if (range.endsAt <= now) throw invalidRange('date', 'This time is over already: choose a later date or time');
    const unlimited = await this.entitlements.has(auth.userId, Role.Childminder, 'openings.unlimited');

    const { opening, notifications } = await this.lastMinute.transaction(async (manager) => {
      const profile = await this.childminders.lockByUserId(auth.userId, manager);
      if (!profile) {
        throw new LastMinuteException(
          LastMinuteErrorCode.NoProfile,
          'Create your childminder profile before publishing last-minute places.',
        );
      }
      if (
        !unlimited &&
        (await this.lastMinute.countCurrentFor(auth.userId, now, manager)) >= LISTED_OPEN_OPENINGS_LIMIT
      ) {
        throw entitlementRequired('openings.unlimited', Role.Childminder);
      }
      const created = Object.assign(new LastMinuteOpening(), {
        childminderId: auth.userId,
        profileId: profile.id,
        startsAt: range.startsAt,
        endsAt: range.endsAt,
        places: dto.places,
        ageGroups: dto.ageGroups,
        profile,
      });
      await this.lastMinute.insertOpening(created, manager);
      return { opening: created, notifications: await this.alertParents(manager, created, profile) };
    });
    await Promise.all(notifications.map((n) => this.feed.announce(n)));
    return toOpeningResponse(opening);
  }

  /** Withdraws one of the childminder's openings; someone else's is the same 404 as none. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    const opening = await this.requireOwnOpening(auth, id);
    await this.lastMinute.delete(opening.id);
  }

  async settings(auth: AuthContext): Promise<LastMinuteSettingsResponse> {
    const settings = (await this.lastMinute.findSettings(auth.userId)) ?? defaultSettings(auth.userId);
    return auth.role === Role.Childminder
      ? toChildminderSettingsResponse(settings)
      : toParentSettingsResponse(settings, await this.alertsIncluded(auth));
  }

  /**
   * Parents change their alerts, childminders their auto-accept rules; the other role's fields are
   * refused. Turning alerts on needs `alerts.last_minute` (Parent Plus): 402 naming the plan. The
   * other alert settings may be changed on any plan, so a parent can set them up before upgrading.
   */
  async updateSettings(auth: AuthContext, dto: UpdateLastMinuteSettingsDto): Promise<LastMinuteSettingsResponse> {
    const foreign = auth.role === Role.Childminder ? PARENT_FIELDS : CHILDMINDER_FIELDS;
    const misplaced = foreign.filter((field) => dto[field] !== undefined);
    if (misplaced.length > 0) {
      const who = auth.role === Role.Childminder ? 'parents' : 'childminders';
      throw new LastMinuteException(
        LastMinuteErrorCode.FieldNotForRole,
        `Some settings are only for ${who}.`,
        misplaced.map((field) => ({ field, message: `${field} is only for ${who}` })),
      );
    }
    if (dto.enabled === true && !(await this.alertsIncluded(auth))) {
      throw entitlementRequired('alerts.last_minute', Role.Parent);
    }
    if (dto.childIds && dto.childIds.length > 0) {
      const own = new Set((await this.children.birthdaysOf([auth.userId])).map((c) => c.id));
      const unknown = dto.childIds.filter((id) => !own.has(id));
      if (unknown.length > 0) {
        throw new LastMinuteException(LastMinuteErrorCode.ChildNotFound, 'Child not found', [
          { field: 'childIds', message: 'Each child must be one of your children' },
        ]);
      }
    }
    const settings = (await this.lastMinute.findSettings(auth.userId)) ?? defaultSettings(auth.userId);
    if (dto.enabled !== undefined) settings.alertsEnabled = dto.enabled;
    if (dto.radiusMiles !== undefined) settings.radiusMiles = dto.radiusMiles;
    if (dto.childIds !== undefined) settings.childIds = dto.childIds;
    if (dto.channels?.email !== undefined) settings.emailAlerts = dto.channels.email;
    if (dto.channels?.inApp !== undefined) settings.inAppAlerts = dto.channels.inApp;
    if (dto.autoAcceptReturningFamilies !== undefined) {
      settings.autoAcceptReturningFamilies = dto.autoAcceptReturningFamilies;
    }
    await this.lastMinute.saveSettings(settings);
    return this.settings(auth);
  }

  /** Whether the parent's plan sends last-minute alerts (Parent Plus). */
  private alertsIncluded(auth: AuthContext): Promise<boolean> {
    return this.entitlements.has(auth.userId, Role.Parent, 'alerts.last_minute');
  }

  private async requireOwnOpening(auth: AuthContext, id: string): Promise<LastMinuteOpening> {
    const opening = await this.lastMinute.findOwned(id, auth.userId);
    if (!opening) throw openingNotFound();
    return opening;
  }

  /**
   * One email and one in-app notification per matching parent, in the opening's transaction.
   * Only parents whose plan includes alerts hear about it: a parent whose Plus plan ended keeps
   * their settings (alerts resume if they upgrade again) but gets nothing meanwhile.
   */
  private async alertParents(
    manager: EntityManager,
    opening: LastMinuteOpening,
    profile: ChildminderProfile,
  ): Promise<Notification[]> {
    const openingLocation = locationOf(profile);
    if (!openingLocation) return [];
    const alerting = await this.lastMinute.alertingParents(manager);
    const entitled = await this.entitlements.usersWith(
      alerting.map((p) => p.userId),
      Role.Parent,
      'alerts.last_minute',
    );
    const parents = alerting.filter((p) => entitled.has(p.userId));
    const children = await this.children.birthdaysOf(
      parents.map((p) => p.userId),
      manager,
    );
    const link = `${this.config.publicUrl}/parent/last-minute`;
    const schedule = describeRange(opening);
    const notifications: Notification[] = [];
    for (const settings of parents) {
      const user = settings.user!;
      const miles = matchOpening(
        {
          location: this.locate(user.postcode),
          radiusMiles: settings.radiusMiles,
          childDatesOfBirth: chosenChildren(
            children.filter((c) => c.parentId === user.id),
            settings,
          ).map((c) => c.dateOfBirth),
        },
        { location: openingLocation, ageGroups: opening.ageGroups, startsAt: opening.startsAt },
      );
      if (miles === null) continue;
      const type = NotificationType.LastMinute;
      if (settings.emailAlerts && (await this.preferences.allows(user.id, type, NotificationChannel.Email, manager))) {
        await this.outbox.enqueue(manager, {
          to: user.email,
          toName: `${user.firstName} ${user.lastName}`.trim(),
          userId: user.id,
          template: 'last-minute-opening',
          variables: {
            firstName: user.firstName,
            childminderName: profile.displayName,
            schedule,
            places: opening.places,
            distance: `${Math.max(0.1, Math.round(miles * 10) / 10)} miles`,
            link,
            preferencesLink: `${this.config.publicUrl}/parent/last-minute/settings`,
          },
        });
      }
      if (settings.inAppAlerts && (await this.preferences.allows(user.id, type, NotificationChannel.InApp, manager))) {
        notifications.push(
          await this.feed.create(
            user.id,
            {
              type: 'last_minute.opening',
              title: `Last-minute place with ${profile.displayName}`,
              body: `${opening.places === 1 ? '1 place' : `${opening.places} places`}: ${schedule}`,
              link: '/parent/last-minute',
            },
            manager,
          ),
        );
      }
    }
    return notifications;
  }

  /** The postcode's centroid, or null when there is none or it cannot be placed. */
  private locate(postcode: string | null): GeoPoint | null {
    if (!postcode) return null;
    try {
      return this.geocoder.locate(postcode);
    } catch {
      return null;
    }
  }
}

const invalidRange = (field: string, message: string) =>
  new LastMinuteException(LastMinuteErrorCode.InvalidTimeRange, message, [{ field, message }]);

const locationOf = (profile: Pick<ChildminderProfile, 'latitude' | 'longitude'>): GeoPoint | null =>
  profile.latitude === null || profile.longitude === null
    ? null
    : { latitude: profile.latitude, longitude: profile.longitude };

/** The children the alerts are for: those chosen, or all when none are. */
const chosenChildren = (children: ChildBirthday[], settings: LastMinuteSettings) =>
  settings.childIds.length === 0 ? children : children.filter((c) => settings.childIds.includes(c.id));

const defaultSettings = (userId: string): LastMinuteSettings =>
  Object.assign(new LastMinuteSettings(), {
    userId,
    alertsEnabled: false,
    radiusMiles: 5,
    childIds: [],
    emailAlerts: true,
    inAppAlerts: true,
    autoAcceptReturningFamilies: false,
  });
