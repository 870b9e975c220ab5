import { replyTimeWords, responseStats } from './response-times';

describe('responseStats', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it('counts answers within a day as replied and takes the median time to answer', () => {
    const stats = responseStats(
      [
        { askedAt: hoursAgo(100), answeredAt: hoursAgo(99) }, // 60 min
        { askedAt: hoursAgo(100), answeredAt: hoursAgo(97) }, // 180 min
        { askedAt: hoursAgo(100), answeredAt: hoursAgo(50) }, // 50 h: answered, but not within a day
        { askedAt: hoursAgo(100), answeredAt: null }, // never
      ],
      now,
    );
    expect(stats).toEqual({ asked: 4, replyRate: 0.5, medianReplyMinutes: 180 });
  });

  it('leaves out a question still inside its day, and knows nothing without questions', () => {
    expect(responseStats([{ askedAt: hoursAgo(2), answeredAt: null }], now)).toEqual({
      asked: 0,
      replyRate: null,
      medianReplyMinutes: null,
    });
  });
});

describe('replyTimeWords', () => {
  it.each([
    [5, 'within an hour'],
    [60, 'within an hour'],
    [61, 'within 2 hours'],
    [23 * 60, 'within 23 hours'],
    [24 * 60, 'within a day'],
    [30 * 60, 'within 2 days'],
  ])('%i minutes: %s', (minutes, words) => expect(replyTimeWords(minutes)).toBe(words));
});
