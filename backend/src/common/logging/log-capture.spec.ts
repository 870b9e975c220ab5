import { LogCapture } from './log-capture';

describe(LogCapture.name, () => {
  describe('write', () => {
    it('keeps warnings and errors from pino lines with their source, request id and details', () => {
      const capture = new LogCapture();
      capture.write(
        JSON.stringify({
          level: 50,
          time: Date.parse('2026-12-07T10:00:00Z'),
          msg: 'Something broke',
          context: 'Errors',
          requestId: 'req-1',
          url: '/api/x',
          err: { type: 'Error', message: 'boom', stack: 'Error: boom\n at x' },
        }),
      );
      capture.write(JSON.stringify({ level: 40, time: 1, msg: 'slow', reqId: 'req-2', req: { url: '/' } }));
      const [error, warning] = capture.drain();
      expect(error).toMatchObject({
        severity: 'error',
        source: 'Errors',
        message: 'Something broke',
        requestId: 'req-1',
        details: { url: '/api/x', 'err.message': 'boom', 'err.type': 'Error' },
      });
      expect(error!.time.toISOString()).toBe('2026-12-07T10:00:00.000Z');
      expect(warning).toMatchObject({ severity: 'warn', source: 'http', requestId: 'req-2' });
    });

    it('ignores info lines and text that is not JSON', () => {
      const capture = new LogCapture();
      capture.write(JSON.stringify({ level: 30, msg: 'hello' }));
      capture.write('not json');
      expect(capture.drain()).toEqual([]);
    });
  });

  describe('capture', () => {
    it('drops the oldest lines beyond its bound, and drain empties it', () => {
      const capture = new LogCapture();
      for (let i = 0; i < 2005; i++) {
        capture.capture({
          time: new Date(),
          severity: 'warn',
          source: 's',
          message: String(i),
          requestId: null,
          userId: null,
          details: null,
        });
      }
      const drained = capture.drain();
      expect(drained).toHaveLength(2000);
      expect(drained[0]!.message).toBe('5');
      expect(capture.drain()).toEqual([]);
    });
  });
});
