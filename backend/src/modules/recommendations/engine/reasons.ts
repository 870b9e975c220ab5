import { formatPence } from '@app/common/money';
import { Weekday, WEEKDAYS } from '@app/modules/childminders/childminder-vocabulary';
import { replyTimeWords } from '@app/modules/messaging/response-times';
import { CandidateFacts, childrenCaredFor, Feature, FEATURES, knowsReplies, ParentFacts } from './features';

/** At most this many reasons per childminder: a parent scans them, they do not read an essay. */
export const MAX_REASONS = 3;

/** A contribution smaller than this is noise, not a reason. */
const MIN_CONTRIBUTION = 0.05;

const DAY_NAMES: Record<Weekday, string> = {
  monday: 'Mondays',
  tuesday: 'Tuesdays',
  wednesday: 'Wednesdays',
  thursday: 'Thursdays',
  friday: 'Fridays',
  saturday: 'Saturdays',
  sunday: 'Sundays',
};

/** "Mondays, Tuesdays and Fridays", in week order. */
export function listDays(days: readonly Weekday[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => DAY_NAMES[d]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const childWords = (years: number) => (years < 1 ? 'a baby' : `a ${years}-year-old`);

/** The sentence for one feature that counted in her favour, or null when it has nothing true to say. */
function phrase(feature: Feature, c: CandidateFacts, p: ParentFacts): string | null {
  switch (feature) {
    case 'nearness':
      return c.distanceMiles < 0.5 ? 'Less than half a mile away' : `${c.distanceMiles.toFixed(1)} miles away`;
    // The real average is quoted, never the believable one the score uses.
    case 'rating':
    case 'reviews':
      if (c.ratingAverage === null || c.ratingCount === 0) return null;
      return `Rated ${c.ratingAverage.toFixed(1)} by ${c.ratingCount} ${c.ratingCount === 1 ? 'parent' : 'parents'}`;
    case 'ageFit': {
      const cared = childrenCaredFor(c, p);
      if (cared.length === 0) return null;
      return `Has places for ${[...new Set(cared.map((child) => childWords(child.years)))].join(' and ')}`;
    }
    case 'scheduleFit':
      return c.coversCare && p.careDays?.length ? `Free on ${listDays(p.careDays)}` : null;
    case 'priceFit':
      if (c.hourlyRatePence === null) return null;
      if (p.maxHourlyRatePence !== null) return `${formatPence(c.hourlyRatePence)} an hour, within your budget`;
      return c.localMedianRatePence !== null && c.hourlyRatePence < c.localMedianRatePence
        ? `${formatPence(c.hourlyRatePence)} an hour, below the local middle price of ${formatPence(c.localMedianRatePence)}`
        : null;
    case 'verified':
      return c.verified ? 'Ofsted, DBS, first aid and insurance checked by us' : null;
    case 'language': {
      const shared = p.languages.filter((l) => c.languages.includes(l.toLowerCase()));
      return shared.length ? `Speaks ${shared.map((l) => l[0]!.toUpperCase() + l.slice(1)).join(' and ')}` : null;
    }
    case 'specialNeeds':
      return c.specialNeedsExperience ? 'Experienced with special educational needs' : null;
    case 'replyTime':
      return knowsReplies(c) && c.medianReplyMinutes !== null
        ? `Usually replies ${replyTimeWords(c.medianReplyMinutes)}`
        : null;
    case 'replyRate':
      if (!knowsReplies(c) || c.replyRate === null) return null;
      return c.replyRate >= 0.995
        ? 'Replies to every parent within a day'
        : `Replies to ${Math.round(c.replyRate * 10)} in 10 parents within a day`;
  }
}

/**
 * The reasons a parent reads under a recommendation: the features that added most to her score
 * against the typical childminder shown beside her, each said in words. A feature that counted
 * against her is never given as a reason; two features that would say the same thing (rating and
 * number of reviews, places and days) are said once.
 */
export function reasonsFor(contributions: readonly number[], c: CandidateFacts, p: ParentFacts): string[] {
  const ranked = FEATURES.map((feature, i) => ({ feature, value: contributions[i]! }))
    .filter((r) => r.value >= MIN_CONTRIBUTION)
    .sort((a, b) => b.value - a.value);
  const reasons: string[] = [];
  const said = new Set<Feature>();
  for (const { feature } of ranked) {
    const words = phrase(feature, c, p);
    // Rating and number of reviews say the same sentence: once.
    if (!words || reasons.includes(words)) continue;
    reasons.push(words);
    said.add(feature);
  }
  // Places and days read as one thing to a parent: "has places for a 2-year-old and is free on Tuesdays".
  if (said.has('ageFit') && said.has('scheduleFit')) {
    const places = reasons.findIndex((r) => r.startsWith('Has places'));
    const days = reasons.findIndex((r) => r.startsWith('Free on'));
    const merged = `${reasons[places]} and is f${reasons[days]!.slice(1)}`;
    reasons.splice(Math.min(places, days), 1, merged);
    reasons.splice(Math.max(places, days), 1);
  }
  // With nothing standing out (everyone shown is alike), distance is still worth saying.
  if (reasons.length === 0) reasons.push(phrase('nearness', c, p)!);
  return reasons.slice(0, MAX_REASONS);
}
