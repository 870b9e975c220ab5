import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@app/database/uuid-entity';
import { User } from '@app/modules/users/entities/user.entity';
import { delimitedListTransformer } from '../delimited-list';
import {
  AgeGroup,
  Capacity,
  ChildminderService,
  EYFS_DEFAULT_CAPACITY,
  Inspection,
  OfstedRegistrationStatus,
  OpeningHours,
} from '../childminder-vocabulary';

const nullableNumber = { to: (v: number | null) => v, from: (v: unknown) => (v === null ? null : Number(v)) };

/**
 * A childminder's public profile and registered limits: one per childminder user. The full
 * postcode is private (it locates the home); the public sees the district and the town.
 */
@Entity('childminder_profiles')
// The search: equality on the visibility flags, then a latitude range, then longitude, so the
// bounding box is answered from the index on both dialects. The columns after them are what the
// search filters and orders on besides the box (rating, price, compliance, the id for ties) and
// the user id (availability is per user): the index covers the whole ranking query, and only the
// page's rows are read from the table.
@Index('IDX_childminder_profiles_search', [
  'visible',
  'active',
  'complete',
  'latitude',
  'longitude',
  'ratingAverage',
  'ratingCount',
  'hourlyRatePence',
  'compliantThrough',
  'id',
  'userId',
])
@Index('IDX_childminder_profiles_lat_lng', ['latitude', 'longitude'])
export class ChildminderProfile extends UuidEntity {
  @Index('UQ_childminder_profiles_user', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  // One profile per user: the unique index above, not a OneToOne (which would add a second one).
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  town: string | null;

  /** Full postcode, normalised (`M20 2LS`). Private: never in a public response. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode: string | null;

  /** The outward code (`M20`): public. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  postcodeDistrict: string | null;

  /** The postcode's district centroid (offline geocoder): as precise as a search needs, and no more. */
  @Column({ type: 'double', nullable: true, transformer: nullableNumber })
  latitude: number | null;

  @Column({ type: 'double', nullable: true, transformer: nullableNumber })
  longitude: number | null;

  @Column({ type: 'int', nullable: true })
  hourlyRatePence: number | null;

  @Column({ type: 'varchar', length: 100, default: '', transformer: delimitedListTransformer })
  ageGroups: AgeGroup[];

  @Column({ type: 'varchar', length: 400, default: '', transformer: delimitedListTransformer })
  languages: string[];

  @Column({ type: 'varchar', length: 200, default: '', transformer: delimitedListTransformer })
  services: ChildminderService[];

  @Column({ type: 'boolean', default: false })
  specialNeedsExperience: boolean;

  @Column({ type: 'text', nullable: true })
  specialNeedsDetails: string | null;

  @Column({ type: 'simple-json', nullable: true })
  openingHours: OpeningHours | null;

  /** Ofsted's unique reference number: `EY123456` or the newer 7-digit `2123456`. */
  @Index('IDX_childminder_profiles_ofsted_urn')
  @Column({ type: 'varchar', length: 10, nullable: true })
  ofstedUrn: string | null;

  /**
   * The registration status Ofsted's register reported for this URN (the `ofsted` webhook
   * integration); null until the register feed has reported it.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  ofstedRegistrationStatus: OfstedRegistrationStatus | null;

  /** When the register feed last reported on this URN. */
  @Column({ type: 'datetime', nullable: true })
  ofstedRegisterCheckedAt: Date | null;

  @Column({ type: 'date', nullable: true, utc: true })
  ofstedRegisteredOn: string | null;

  @Column({ type: 'simple-json', nullable: true })
  inspection: Inspection | null;

  @Column({ type: 'int', default: EYFS_DEFAULT_CAPACITY.under8 })
  capacityUnder8: number;

  @Column({ type: 'int', default: EYFS_DEFAULT_CAPACITY.young })
  capacityYoung: number;

  @Column({ type: 'int', default: EYFS_DEFAULT_CAPACITY.under1 })
  capacityUnder1: number;

  /** The childminder's own children (`YYYY-MM-DD` each): they count against capacity. Private. */
  @Column({ type: 'simple-json' })
  ownChildrenDatesOfBirth: string[];

  /** The childminder's choice to be listed. */
  @Column({ type: 'boolean', default: true })
  visible: boolean;

  /** Set by admins: an inactive profile is hidden whatever the childminder chooses. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Computed on every write (profile-completeness.ts): 0-100. */
  @Column({ type: 'int', default: 0 })
  completeness: number;

  /** Computed on every write: every required item is there, so the profile may be listed. */
  @Column({ type: 'boolean', default: false })
  complete: boolean;

  /** Kept by the reviews module from published reviews; null before the first. */
  @Column({ type: 'decimal', precision: 3, scale: 2, nullable: true, transformer: nullableNumber })
  ratingAverage: number | null;

  @Column({ type: 'int', default: 0 })
  ratingCount: number;

  /**
   * Kept by the compliance module (through ChildmindersService): each badge type with an approved
   * document and the last UK day it counts, `type:YYYY-MM-DD|...` (compliance-badges.ts).
   */
  @Column({ type: 'varchar', length: 400, default: '' })
  complianceBadges: string;

  /**
   * Kept by the compliance module: the last UK day on which the childminder is not non-compliant
   * (9999-12-31: no date ends it; null: non-compliant whatever the day). Verified-only searches
   * compare it with today, so an expiry at midnight needs no write.
   */
  @Column({ type: 'date', nullable: true, utc: true })
  compliantThrough: string | null;

  /**
   * Kept by the compliance module beside compliantThrough: the first UK day on which the
   * childminder is "expiring" (1000-01-01 under an override of "expiring"; null: no date makes her
   * expiring). The admin counts and filters by status compare both with today.
   */
  @Column({ type: 'date', nullable: true, utc: true })
  expiringFrom: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;

  get capacity(): Capacity {
    return { under8: this.capacityUnder8, young: this.capacityYoung, under1: this.capacityUnder1 };
  }
}
