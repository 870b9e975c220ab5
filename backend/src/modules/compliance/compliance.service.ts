import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthContext } from '@app/common/auth/auth-context';
import { Role } from '@app/common/auth/role';
import { Page, toPage } from '@app/common/pagination/page';
import { AuditService } from '@app/modules/audit/audit.service';
import { ukToday } from '@app/modules/children/child-age';
import { DocumentChangeNotifier } from '@app/modules/documents/document-changes.port';
import { SettingsService } from '@app/modules/settings/settings.service';
import { checklist, documentStanding } from './compliance-checklist';
import { defaultRequirementRows } from './compliance-defaults';
import { ComplianceErrorCode, ComplianceException } from './compliance.exception';
import { ComplianceDocument, ComplianceRepository, ComplianceUser } from './compliance.repository';
import {
  badgesEarned,
  ComplianceStanding,
  ComplianceStatus,
  computeStatus,
  lastValidDay,
  standingOf,
} from './compliance-status';
import {
  ChildminderComplianceResponse,
  ComplianceOverviewResponse,
  ComplianceSettingsDto,
  ComplianceSettingsResponse,
  ExpirationsResponse,
  ExpiringUserResponse,
  ListComplianceQuery,
  SetOverrideDto,
  StandingsUpdateResponse,
  UpdateComplianceDto,
  UpdateComplianceResponse,
} from './dto/compliance-admin.dto';
import { OwnComplianceResponse } from './dto/own-compliance.dto';
import { ChangedRequirementResponse, CreateRequirementDto, toRequirementResponse } from './dto/requirement.dto';
import { ComplianceOverride } from './entities/compliance-override.entity';
import { ComplianceRequirement } from './entities/compliance-requirement.entity';

export const displayName = (u: Pick<ComplianceUser, 'firstName' | 'lastName'>) => `${u.firstName} ${u.lastName}`.trim();

/** Past this many users, statuses are computed from whole-table reads (see statusesFor). */
const MANY_USERS = 1000;
/** Childminder ids per query when counting statuses. */
const COUNT_BATCH = 5000;

/**
 * Documents and overrides grouped by user once: looking each user's rows up in the whole list
 * cost users x rows, minutes for the dashboard's count over 100,000 childminders. The first
 * override found for a user wins, as a lookup in the list chose it.
 */
function byUser<D extends { userId: string }, O extends { userId: string }>(documents: D[], overrides: O[]) {
  const documentsByUser = new Map<string, D[]>();
  for (const document of documents) {
    const own = documentsByUser.get(document.userId);
    if (own) own.push(document);
    else documentsByUser.set(document.userId, [document]);
  }
  const overrideByUser = new Map<string, O>();
  for (const override of overrides)
    if (!overrideByUser.has(override.userId)) overrideByUser.set(override.userId, override);
  return { documentsByUser, overrideByUser };
}

/** Compliance requirements, each childminder's status, and admin overrides. */
@Injectable()
export class ComplianceService implements OnApplicationBootstrap {
  private readonly standingListeners: StandingListener[] = [];
  private storedStatuses: StoredStatusReader | null = null;
  private standingsStaleListener: (() => void) | null = null;

  constructor(
    private readonly compliance: ComplianceRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    documentChanges: DocumentChangeNotifier,
  ) {
    // Documents cannot depend on compliance (compliance reads them), so it tells us this way.
    documentChanges.listen((userId, manager) => this.documentsChanged(userId, manager));
  }

  /** Idempotent: inserts the default requirements that are missing, never changes existing ones. */
  async onApplicationBootstrap(): Promise<void> {
    await this.compliance.insertRequirementsIfMissing(defaultRequirementRows());
  }

  /** The effective status of one user today (UK): an admin override wins over the documents. */
  async statusFor(userId: string, today: DateTime = ukToday()): Promise<ComplianceStatus> {
    const user = await this.compliance.findUser(userId);
    if (!user) throw notFound();
    const [row] = await this.statusesFor([user], today);
    return row.status;
  }

  async overview(query: ListComplianceQuery, today: DateTime = ukToday()): Promise<ComplianceOverviewResponse> {
    const requirements = await this.compliance.allRequirements();
    // The childminders' ids by name; with a status filter, each batch is filtered in SQL on the
    // standing stored on the profiles (childminders without one are computed); only the page's
    // rows are read and computed in full.
    const ids = await this.compliance.userIdsWithRoleByName(Role.Childminder);
    const matching = query.status ? await this.idsWithStatus(ids, query.status, today) : ids;
    const pageIds = matching.slice(query.skip, query.skip + query.pageSize);
    const users = new Map((await this.compliance.usersByIds(pageIds)).map((u) => [u.id, u]));
    const page = await this.statusesFor(
      pageIds.map((id) => users.get(id)).filter((u): u is ComplianceUser => u !== undefined),
      today,
    );
    return {
      requirements: requirements.map(toRequirementResponse),
      childminders: toPage(page, matching.length, query) as Page<ChildminderComplianceResponse>,
      settings: await this.currentSettings(),
      standingsUpdate: await this.standingsUpdate(ids.length),
    };
  }

  /** While a requirement change is being applied to every childminder's stored standing: how far it got. */
  private async standingsUpdate(childminders: number): Promise<StandingsUpdateResponse | null> {
    const stale = await this.settings.get('compliance.standingsStale');
    if (!stale) return null;
    return { since: stale.since, done: Math.min(stale.done, childminders), total: childminders };
  }

  /**
   * How many childminders are compliant, expiring and non-compliant today, for the admin
   * dashboard: counted in SQL from the standings the childminders module keeps on its profiles
   * (statusOnDay), walking the childminders' ids in batches; only childminders without a profile
   * (no stored standing) are computed here, as statusesFor would.
   */
  async statusCounts(today: DateTime = ukToday()): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(Object.values(ComplianceStatus).map((s) => [s, 0]));
    const add = (status: string, count: number) => (counts[status] = (counts[status] ?? 0) + count);
    const day = today.toISODate() as string;
    for (let after = ''; ;) {
      const ids = await this.compliance.userIdsWithRole(Role.Childminder, after, COUNT_BATCH);
      const stored = this.storedStatuses
        ? await this.storedStatuses.countByStatus(ids, day)
        : { counts: {}, profiled: 0 };
      for (const [status, count] of Object.entries(stored.counts)) add(status, count);
      if (stored.profiled < ids.length) {
        const profiled = new Set(this.storedStatuses ? await this.storedStatuses.userIdsWithProfile(ids) : []);
        const users = await this.compliance.usersByIds(ids.filter((id) => !profiled.has(id)));
        for (const row of await this.statusesFor(users, today)) add(row.status, 1);
      }
      if (ids.length < COUNT_BATCH) break;
      after = ids[ids.length - 1]!;
    }
    return counts;
  }

  /** Those of `ids` (in their order) whose effective status on `today` is `status`. */
  private async idsWithStatus(ids: readonly string[], status: ComplianceStatus, today: DateTime): Promise<string[]> {
    const day = today.toISODate() as string;
    const result: string[] = [];
    for (let start = 0; start < ids.length; start += COUNT_BATCH) {
      const batch = ids.slice(start, start + COUNT_BATCH);
      const reader = this.storedStatuses;
      const matched = new Set(reader ? await reader.userIdsWithStatus(batch, day, status) : []);
      const profiled = new Set(reader ? await reader.userIdsWithProfile(batch) : []);
      const unprofiled = await this.compliance.usersByIds(batch.filter((id) => !profiled.has(id)));
      for (const row of await this.statusesFor(unprofiled, today)) if (row.status === status) matched.add(row.userId);
      result.push(...batch.filter((id) => matched.has(id)));
    }
    return result;
  }

  /** The childminders module answers statusCounts and the overview's filter from its profiles through `reader`. */
  readStoredStatusesWith(reader: StoredStatusReader): void {
    this.storedStatuses = reader;
  }

  /** The signed-in user's checklist (one line per active requirement of their role) and badges. */
  async own(auth: AuthContext, today: DateTime = ukToday()): Promise<OwnComplianceResponse> {
    const user = await this.compliance.findUser(auth.userId);
    if (!user) throw notFound();
    const [requirements, documents, [row]] = await Promise.all([
      this.compliance.activeRequirementsFor(user.role),
      this.compliance.documentsOf(user.id),
      this.statusesFor([user], today),
    ]);
    const ordered = [...requirements].sort(
      (a, b) => Number(b.mandatory) - Number(a.mandatory) || a.documentType.localeCompare(b.documentType),
    );
    return {
      status: row.status,
      checklist: checklist(ordered, documents, today),
      badges: badgesEarned(requirements, documents, today),
      documents: documents.map((d) =>
        documentStanding(
          d,
          requirements.find((r) => r.documentType === d.type),
          today,
        ),
      ),
    };
  }

  /**
   * Listens to changes of childminders' standings: the childminders module keeps them on its
   * profiles (search filters and shows them in SQL). Called with every recomputed standing, in
   * the transaction of the change when there is one.
   */
  onStandingChange(listener: StandingListener): void {
    this.standingListeners.push(listener);
  }

  /** Each of these users' standing (compliance-status.ts), read in `manager`'s transaction if given. */
  async standingsOf(userIds: readonly string[], manager?: EntityManager): Promise<ComplianceStanding[]> {
    const [users, documents, overrides] = await Promise.all([
      this.compliance.usersByIds(userIds, manager),
      this.compliance.approvedDocuments(userIds, manager),
      this.compliance.overridesFor(userIds, manager),
    ]);
    const requirementsByRole = new Map<Role, ComplianceRequirement[]>();
    for (const role of new Set(users.map((u) => u.role))) {
      requirementsByRole.set(role, await this.compliance.activeRequirementsFor(role, manager));
    }
    const documentsByUser = groupBy(documents, (d) => d.userId);
    const overrideOf = new Map(overrides.map((o) => [o.userId, o.status]));
    return users.map((user) => ({
      userId: user.id,
      ...standingOf(
        requirementsByRole.get(user.role) ?? [],
        documentsByUser.get(user.id) ?? [],
        overrideOf.get(user.id) ?? null,
      ),
    }));
  }

  /**
   * The documents module tells compliance that a user's documents changed (reviewed, edited back
   * to review, deleted), inside the transaction of that change when there is one: her standing is
   * recomputed and passed on in the same transaction.
   */
  async documentsChanged(userId: string, manager?: EntityManager): Promise<void> {
    await this.publishStandings([userId], manager);
  }

  /**
   * Recomputes every childminder's standing, in batches, at once: after the
   * demo data is loaded, and nightly as a reconciliation.
   */
  async refreshAllStandings(manager?: EntityManager): Promise<number> {
    let count = 0;
    for (let after = ''; ;) {
      const ids = await this.compliance.userIdsWithRole(Role.Childminder, after, STANDING_BATCH, manager);
      if (ids.length === 0) return count;
      await this.publishStandings(ids, manager);
      count += ids.length;
      after = ids[ids.length - 1]!;
    }
  }

  /**
   * Marks every childminder's stored standing as following older requirements, in `manager`'s
   * transaction (the requirement change's): the `compliance-standings` job recomputes them, and
   * search and the dashboard read the previous standings until it has.
   */
  private async markStandingsStale(auth: AuthContext, manager: EntityManager): Promise<void> {
    const stale = { id: randomUUID(), since: new Date().toISOString(), after: '', done: 0 };
    await this.settings.set('compliance.standingsStale', stale, auth.userId, manager);
  }

  /** Whether a requirement change has not yet been applied to every stored standing. */
  async standingsAreStale(): Promise<boolean> {
    return (await this.settings.get('compliance.standingsStale')) !== null;
  }

  /** `listener` is told (after the commit) when a requirement change has left the standings stale. */
  onStandingsStale(listener: () => void): void {
    this.standingsStaleListener = listener;
  }

  /**
   * Recomputes every childminder's standing after a requirement change (the marker that
   * markStandingsStale left), in batches, saving how far it got after each batch: a run that
   * stops part-way (a restart) is continued by the next one, and a change made during the walk
   * starts it again from the first childminder. Does nothing when no change is pending.
   */
  async recomputeStaleStandings(): Promise<{ recomputed: number }> {
    let recomputed = 0;
    let stale = await this.settings.get('compliance.standingsStale');
    while (stale) {
      const ids = await this.compliance.userIdsWithRole(Role.Childminder, stale.after, STANDING_BATCH);
      await this.publishStandings(ids);
      recomputed += ids.length;
      const next =
        ids.length < STANDING_BATCH ? null : { ...stale, after: ids[ids.length - 1]!, done: stale.done + ids.length };
      stale = await this.settings.replaceIf('compliance.standingsStale', stale, next);
    }
    return { recomputed };
  }

  /**
   * Whether a search may show only childminders who are not non-compliant: when the parent asked
   * for verified childminders, or the platform hides non-compliant ones.
   */
  async searchRequiresCompliance(verifiedOnly: boolean): Promise<boolean> {
    return verifiedOnly || (await this.settings.get('compliance.hideNonCompliantFromSearch'));
  }

  private async publishStandings(userIds: readonly string[], manager?: EntityManager): Promise<void> {
    if (this.standingListeners.length === 0 || userIds.length === 0) return;
    const standings = await this.standingsOf(userIds, manager);
    for (const listener of this.standingListeners) await listener(standings, manager);
  }

  async createRequirement(auth: AuthContext, dto: CreateRequirementDto): Promise<ChangedRequirementResponse> {
    if (await this.compliance.findRequirementFor(dto.role, dto.documentType)) {
      throw new ComplianceException(
        ComplianceErrorCode.RequirementExists,
        'There is already a requirement for this role and document type; change it instead.',
      );
    }
    const requirement = Object.assign(new ComplianceRequirement(), {
      role: dto.role,
      documentType: dto.documentType,
      mandatory: dto.mandatory,
      validityMonths: dto.validityMonths ?? null,
      reminderDays: uniqueDescending(dto.reminderDays),
      active: dto.active ?? true,
    });
    const created = await this.compliance.transaction(async (manager) => {
      const inserted = await this.compliance.insertRequirement(requirement, manager);
      await this.audit.record(
        auth,
        {
          action: 'compliance.requirement.created',
          subjectType: 'compliance_requirement',
          subjectId: inserted.id,
          metadata: { role: inserted.role, documentType: inserted.documentType, mandatory: inserted.mandatory },
        },
        manager,
      );
      await this.markStandingsStale(auth, manager);
      return inserted;
    });
    this.standingsStaleListener?.();
    return { ...toRequirementResponse(created), standingsRecomputing: true };
  }

  async update(auth: AuthContext, dto: UpdateComplianceDto): Promise<UpdateComplianceResponse> {
    if ([dto.requirement, dto.override, dto.settings].filter((part) => part !== undefined).length !== 1) {
      throw new ComplianceException(
        ComplianceErrorCode.OneChangeRequired,
        'Send exactly one of "requirement", "override" or "settings".',
      );
    }
    if (dto.settings) return { settings: await this.changeSettings(auth, dto.settings) };
    if (dto.requirement) {
      const { id, ...changes } = dto.requirement;
      const existing = await this.requireRequirement(id);
      const patch: Partial<ComplianceRequirement> = {};
      if (changes.mandatory !== undefined) patch.mandatory = changes.mandatory;
      if (changes.validityMonths !== undefined) patch.validityMonths = changes.validityMonths;
      if (changes.reminderDays !== undefined) patch.reminderDays = uniqueDescending(changes.reminderDays);
      if (changes.active !== undefined) patch.active = changes.active;
      if (Object.keys(patch).length > 0) {
        await this.compliance.transaction(async (manager) => {
          await this.compliance.updateRequirement(id, patch, manager);
          await this.audit.record(
            auth,
            {
              action: 'compliance.requirement.changed',
              subjectType: 'compliance_requirement',
              subjectId: id,
              metadata: { changes: JSON.stringify(patch) },
            },
            manager,
          );
          await this.markStandingsStale(auth, manager);
        });
        this.standingsStaleListener?.();
      }
      const changed = Object.keys(patch).length > 0;
      return {
        requirement: {
          ...toRequirementResponse({ ...existing, ...patch } as ComplianceRequirement),
          standingsRecomputing: changed || (await this.standingsAreStale()),
        },
      };
    }
    return { childminder: await this.setOverride(auth, dto.override as SetOverrideDto) };
  }

  /** Users with approved documents expired or expiring within their requirement's largest window. */
  async expirations(today: DateTime = ukToday()): Promise<ExpirationsResponse> {
    const items = await this.expiringItems(today);
    const users = await this.compliance.usersByIds([...new Set(items.map((i) => i.document.userId))]);
    const byUser = new Map<string, ExpiringUserResponse>(
      users.map((u) => [u.id, { userId: u.id, displayName: displayName(u), email: u.email, items: [] }]),
    );
    for (const { document, lastDay, daysLeft } of items) {
      byUser.get(document.userId)?.items.push({
        documentId: document.id,
        name: document.name,
        type: document.type,
        expiresOn: lastDay.toISODate() as string,
        state: daysLeft < 0 ? 'expired' : 'expiring',
        daysLeft,
      });
    }
    return { today: today.toISODate() as string, users: [...byUser.values()] };
  }

  /**
   * Approved documents whose type some active requirement of the owner's role covers, that expired
   * or expire within that requirement's largest reminder window; with the requirement.
   */
  async expiringItems(
    today: DateTime,
  ): Promise<
    { document: ComplianceDocument; requirement: ComplianceRequirement; lastDay: DateTime; daysLeft: number }[]
  > {
    const requirements = (await this.compliance.allRequirements()).filter((r) => r.active);
    const documents = await this.compliance.approvedDocuments();
    const owners = new Map(
      (await this.compliance.usersByIds([...new Set(documents.map((d) => d.userId))])).map((u) => [u.id, u]),
    );
    const result = [];
    for (const document of documents) {
      const owner = owners.get(document.userId);
      const requirement = requirements.find((r) => r.role === owner?.role && r.documentType === document.type);
      if (!requirement) continue;
      const lastDay = lastValidDay(document, requirement.validityMonths);
      if (!lastDay) continue;
      const daysLeft = Math.round(lastDay.diff(today, 'days').days);
      if (daysLeft <= Math.max(0, ...requirement.reminderDays))
        result.push({ document, requirement, lastDay, daysLeft });
    }
    return result;
  }

  private async setOverride(auth: AuthContext, dto: SetOverrideDto): Promise<ChildminderComplianceResponse> {
    const user = await this.compliance.findUser(dto.userId);
    if (!user || user.role !== Role.Childminder) throw notFound();
    const existing = dto.status === null ? null : await this.compliance.findOverride(user.id);
    await this.compliance.transaction(async (manager) => {
      if (dto.status === null) {
        await this.compliance.deleteOverride(user.id, manager);
      } else {
        const override = existing ?? new ComplianceOverride();
        Object.assign(override, { userId: user.id, status: dto.status, reason: dto.reason, adminId: auth.userId });
        await this.compliance.saveOverride(override, manager);
      }
      await this.audit.record(
        auth,
        {
          action: dto.status === null ? 'compliance.override.cleared' : 'compliance.override.set',
          subjectType: 'user',
          subjectId: user.id,
          ownerId: user.id,
          metadata: { status: dto.status, reason: dto.reason },
        },
        manager,
      );
    });
    await this.publishStandings([user.id]);
    const [row] = await this.statusesFor([user], ukToday());
    return row;
  }

  private async currentSettings(): Promise<ComplianceSettingsResponse> {
    return { hideNonCompliantFromSearch: await this.settings.get('compliance.hideNonCompliantFromSearch') };
  }

  private async changeSettings(auth: AuthContext, dto: ComplianceSettingsDto): Promise<ComplianceSettingsResponse> {
    await this.settings.transaction(async (manager) => {
      await this.settings.set(
        'compliance.hideNonCompliantFromSearch',
        dto.hideNonCompliantFromSearch,
        auth.userId,
        manager,
      );
      await this.audit.record(
        auth,
        {
          action: 'compliance.settings.changed',
          subjectType: 'system_setting',
          metadata: { key: 'compliance.hideNonCompliantFromSearch', value: dto.hideNonCompliantFromSearch },
        },
        manager,
      );
    });
    return this.currentSettings();
  }

  private async statusesFor(users: ComplianceUser[], today: DateTime): Promise<ChildminderComplianceResponse[]> {
    const ids = users.map((u) => u.id);
    // For many users (the dashboard's count, the overview: every childminder) the whole tables
    // are read instead of an IN list of every id, which SQLite refuses past 32,766 and MariaDB
    // plans slowly; rows of other users are never looked up.
    const everyone = ids.length > MANY_USERS;
    const [documents, overrides] = await Promise.all([
      this.compliance.approvedDocuments(everyone ? undefined : ids),
      everyone ? this.compliance.allOverrides() : this.compliance.overridesFor(ids),
    ]);
    const requirementsByRole = new Map<Role, ComplianceRequirement[]>();
    for (const role of new Set(users.map((u) => u.role))) {
      requirementsByRole.set(role, await this.compliance.activeRequirementsFor(role));
    }
    const { documentsByUser, overrideByUser } = byUser(documents, overrides);
    return users.map((user) => {
      const computed = computeStatus(
        requirementsByRole.get(user.role) ?? [],
        documentsByUser.get(user.id) ?? [],
        today,
      );
      const override = overrideByUser.get(user.id) ?? null;
      return {
        userId: user.id,
        displayName: displayName(user),
        email: user.email,
        status: override?.status ?? computed,
        computedStatus: computed,
        override: override
          ? {
              status: override.status,
              reason: override.reason,
              adminId: override.adminId,
              updatedAt: override.updatedAt,
            }
          : null,
      };
    });
  }

  private async requireRequirement(id: string): Promise<ComplianceRequirement> {
    const requirement = await this.compliance.findRequirement(id);
    if (!requirement) {
      throw new ComplianceException(ComplianceErrorCode.RequirementNotFound, 'Compliance requirement not found');
    }
    return requirement;
  }
}

/** Users whose standings are read and written together. */
const STANDING_BATCH = 500;

/** Statuses counted from stored standings (compliance-status.ts statusOnDay) by the module that keeps them. */
export interface StoredStatusReader {
  /** Per status, how many of these users' stored standings give it on `today` (YYYY-MM-DD); and how many had one. */
  countByStatus(
    userIds: readonly string[],
    today: string,
  ): Promise<{ counts: Record<string, number>; profiled: number }>;
  /** Those of these users whose stored standing gives `status` on `today` (YYYY-MM-DD). */
  userIdsWithStatus(userIds: readonly string[], today: string, status: string): Promise<string[]>;
  /** Which of these users have a stored standing. */
  userIdsWithProfile(userIds: readonly string[]): Promise<string[]>;
}

export type StandingListener = (standings: ComplianceStanding[], manager?: EntityManager) => Promise<void>;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const notFound = () => new ComplianceException(ComplianceErrorCode.ChildminderNotFound, 'Childminder not found');
const uniqueDescending = (days: number[]) => [...new Set(days)].sort((a, b) => b - a);
