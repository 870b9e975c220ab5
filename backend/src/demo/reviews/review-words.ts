/**
 * Words for the demo families and their reviews: all invented. A review is an opening, a detail
 * and a closing from the pools of its star band, so a few hundred reviews rarely repeat.
 * `{child}` is the reviewer's child, `{minder}` the childminder's first name, `{town}` where she is.
 */

export const PARENT_FIRST_NAMES = [
  'Hannah',
  'Ellie',
  'Rosie',
  'Natalie',
  'Kirsty',
  'Holly',
  'Shabana',
  'Sadia',
  'Harpreet',
  'Kasia',
  'Monika',
  'Adaeze',
  'Folake',
  'Rhian',
  'Ffion',
  'Morag',
  'Shona',
  'Aoife',
  'Lauren',
  'Stacey',
  'Vicky',
  'Jenny',
  'Claire',
  'Zoe',
  'Nina',
  'Imran',
  'Ben',
  'Chris',
  'Matt',
  'Rob',
  'Gareth',
  'Callum',
  'Ravi',
  'Kwame',
  'Liam',
  'Owen',
  'Pete',
  'Sunil',
] as const;

export const CHILD_FIRST_NAMES = [
  'Oliver',
  'George',
  'Arthur',
  'Noah',
  'Freddie',
  'Alfie',
  'Theo',
  'Harry',
  'Oscar',
  'Archie',
  'Jack',
  'Isaac',
  'Yusuf',
  'Ibrahim',
  'Rhys',
  'Cameron',
  'Finn',
  'Ayaan',
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Ivy',
  'Freya',
  'Florence',
  'Lily',
  'Isabella',
  'Poppy',
  'Evie',
  'Willow',
  'Aria',
  'Hafsa',
  'Zara',
  'Mia',
  'Erin',
  'Cerys',
  'Ruby',
  'Orla',
] as const;

/** Opening sentences by stars: [1-2, 3, 4, 5]. */
const OPENINGS: Record<'low' | 'mixed' | 'good' | 'glowing', readonly string[]> = {
  glowing: [
    "We couldn't have asked for a better start for {child}.",
    '{minder} has been absolutely brilliant with {child} from day one.',
    'Cannot recommend {minder} highly enough.',
    '{child} runs in every morning without a backward glance, which says it all.',
    'Finding {minder} was the best thing we did when I went back to work.',
    'A genuinely lovely, warm setting and {child} has thrived there.',
    '{minder} is kind, patient and incredibly organised.',
    'We moved {child} from a nursery to {minder} and the difference has been huge.',
    'Honestly the most reassuring childcare we have had.',
    'Five stars does not really cover it.',
  ],
  good: [
    'A really good childminder and {child} is happy there.',
    '{minder} is caring and reliable, and {child} has settled well.',
    'Very pleased overall with the care {child} gets.',
    'Friendly, well-run setting in {town}.',
    '{child} enjoys going to {minder} and comes home full of stories.',
    'Solid, dependable care that fits around our shifts.',
    'We have been happy with {minder} for the past few months.',
    'Good experience on the whole.',
  ],
  mixed: [
    'Some good things and some that could be better.',
    '{child} was happy enough, but it was not quite the right fit for us.',
    'The care itself was fine; the communication less so.',
    'An OK experience overall.',
    '{minder} is clearly kind, but the setting felt a bit stretched at times.',
    'Mixed feelings, to be honest.',
  ],
  low: [
    'Unfortunately this did not work out for us.',
    'I wanted to like this setting but it was not for us.',
    'Disappointing, given the good things we had heard.',
    'We moved {child} after a few weeks.',
    'Not the experience we were hoping for.',
  ],
};

const DETAILS: Record<'low' | 'mixed' | 'good' | 'glowing', readonly string[]> = {
  glowing: [
    'The daily photos and notes mean I never feel I am missing out.',
    'They are out every day: the park, the library, feeding the ducks, whatever the weather.',
    'The home-cooked lunches are better than anything I manage, and {child} now eats vegetables.',
    'She spotted that {child} needed a bit of help with speech and had ideas for us to try at home.',
    "Settling in was done gently over two weeks, at {child}'s pace.",
    'The garden is full of things to dig, plant and climb, and the playroom is spotless.',
    'Potty training was a team effort and {minder} made it so much easier.',
    'Pick-up from school is always on time and {child} gets a snack and help with reading.',
    'She has been flexible when my shifts changed at short notice, more than once.',
    'Her learning journal for {child} is a lovely record we will keep for years.',
    'The small group means {child} gets proper attention and has made real friends.',
  ],
  good: [
    'Drop-off and pick-up are easy and {minder} always has a quick word about the day.',
    'They get out most days and {child} loves the trips to the park.',
    'Meals are healthy and there is a good routine for naps.',
    'Updates through the day would be nice a bit more often, but that is a small thing.',
    'Fees are fair for the area and invoices are clear.',
    '{child} took a little while to settle, but {minder} was patient with us both.',
    'Plenty of messy play and crafts, so expect paint on the clothes!',
    'The setting is calm and well organised.',
    'Holidays are given well in advance, which helps with planning.',
  ],
  mixed: [
    'We did not always hear about changes to the routine until pick-up.',
    'There were a few late changes to collection times that were hard to work around.',
    'The outings were lovely, but some days were mostly spent indoors in front of the telly.',
    'Our invoices needed correcting more than once.',
    '{child} liked the other children, but naps were a struggle there.',
    'It was sometimes hard to get hold of {minder} during the day.',
  ],
  low: [
    'We often could not get an answer to messages, even about pick-up arrangements.',
    'Sessions were cancelled at short notice several times, which left us stuck.',
    '{child} came home hungry most days and we were not told what had been eaten.',
    'We raised a concern about the routine and did not feel listened to.',
    'The setting felt crowded and {child} was unsettled the whole time.',
  ],
};

const CLOSINGS: Record<'low' | 'mixed' | 'good' | 'glowing', readonly string[]> = {
  glowing: [
    'We will be so sad when {child} starts school.',
    'Thank you, {minder}, for everything.',
    'If you are looking in {town}, look no further.',
    'We already have a place booked for the little one.',
    'Worth every penny.',
    '',
  ],
  good: [
    'Would recommend.',
    'Happy to recommend to friends in {town}.',
    'We will keep using {minder}.',
    'Thanks, {minder}!',
    '',
  ],
  mixed: [
    'Might suit other families better than it suited us.',
    'Worth a visit, but ask plenty of questions.',
    'Hope things settle down for {minder}.',
    '',
  ],
  low: [
    'I would not use this setting again.',
    'I hope it improves for other families.',
    'Ask about cover arrangements before you sign up.',
    '',
  ],
};

const REPLIES: Record<'low' | 'mixed' | 'good' | 'glowing', readonly string[]> = {
  glowing: [
    'Thank you so much, {parent}! {child} is a joy to have and we miss them already.',
    'What a lovely review to read. Thank you, {parent}, it has been a pleasure.',
    'Thank you! {child} has been such a big part of our little group.',
    'This made my day, {parent}. Thank you for trusting me with {child}.',
  ],
  good: [
    'Thank you for the kind words, {parent}. Glad {child} is enjoying it.',
    'Thanks, {parent}! I will try to send more updates through the day.',
    'Thank you, it is lovely having {child} with us.',
  ],
  mixed: [
    'Thank you for the honest feedback, {parent}. I have changed how I share the daily routine.',
    'Sorry it was not the right fit. I now send collection changes by message the day before.',
    'Thanks for taking the time, {parent}. I have taken this on board.',
  ],
  low: [
    'I am sorry you feel this way, {parent}. I did try to resolve this at the time, and my door is always open.',
    'I am sorry to read this. My cover arrangements are now in my welcome pack for every family.',
    'Thank you for the feedback. I have reviewed my communication with parents since.',
  ],
};

export type ReviewBand = keyof typeof OPENINGS;

export const bandOf = (stars: number): ReviewBand =>
  stars >= 5 ? 'glowing' : stars === 4 ? 'good' : stars === 3 ? 'mixed' : 'low';

type Words = { child: string; minder: string; town: string; parent: string };

const fill = (template: string, words: Words) =>
  template
    .replaceAll('{child}', words.child)
    .replaceAll('{minder}', words.minder)
    .replaceAll('{town}', words.town)
    .replaceAll('{parent}', words.parent);

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

/** A review's text: an opening, a detail and (usually) a closing, all of the same band. */
export function reviewText(stars: number, words: Words, random: () => number): string {
  const band = bandOf(stars);
  return [pick(OPENINGS[band], random), pick(DETAILS[band], random), pick(CLOSINGS[band], random)]
    .filter(Boolean)
    .map((sentence) => fill(sentence, words))
    .join(' ');
}

export function replyText(stars: number, words: Words, random: () => number): string {
  return fill(pick(REPLIES[bandOf(stars)], random), words);
}
