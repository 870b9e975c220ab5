/** A warning, error or audit event on its way to the `log_entries` table. */
export interface CapturedLog {
  time: Date;
  severity: 'warn' | 'error' | 'fatal' | 'audit';
  source: string;
  message: string;
  requestId: string | null;
  userId: string | null;
  details: Record<string, string | number | boolean | null> | null;
}

const MAX_BUFFERED = 2000;
const PINO_SEVERITY: Record<number, CapturedLog['severity']> = { 40: 'warn', 50: 'error', 60: 'fatal' };
const OWN_FIELDS = new Set([
  'level',
  'time',
  'msg',
  'pid',
  'hostname',
  'service',
  'context',
  'reqId',
  'requestId',
  'userId',
]);

/**
 * Collects the process's warnings, errors and audit events (pino writes warn and above here as a
 * second stream) until the monitoring module stores them. Bounded: if the database is away for
 * long, the oldest lines are dropped rather than memory growing.
 */
export class LogCapture {
  private buffer: CapturedLog[] = [];

  /** pino's stream interface: one JSON line per call. */
  write(line: string): void {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const severity = PINO_SEVERITY[Number(parsed.level)];
      if (!severity) return;
      this.capture({
        time: new Date(Number(parsed.time) || Date.now()),
        severity,
        source: typeof parsed.context === 'string' ? parsed.context : parsed.req ? 'http' : 'server',
        message: String(parsed.msg ?? ''),
        requestId: text(parsed.requestId) ?? text(parsed.reqId),
        userId: text(parsed.userId),
        details: flatten(parsed),
      });
    } catch {
      // Not JSON: nothing worth keeping.
    }
  }

  capture(entry: CapturedLog): void {
    this.buffer.push(entry);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
  }

  /** Everything captured so far, emptying the buffer. */
  drain(): CapturedLog[] {
    const taken = this.buffer;
    this.buffer = [];
    return taken;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The line's other fields, one level deep (an error becomes its type, message and stack). */
function flatten(parsed: Record<string, unknown>): CapturedLog['details'] {
  const details: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (OWN_FIELDS.has(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      details[key] = value as string | number | boolean | null;
    } else if (typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (innerValue === null || ['string', 'number', 'boolean'].includes(typeof innerValue)) {
          details[`${key}.${inner}`] = innerValue as string | number | boolean | null;
        }
      }
    }
  }
  return Object.keys(details).length ? details : null;
}

/** The one capture of this process (pino's second stream feeds it). */
export const logCapture = new LogCapture();
