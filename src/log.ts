/**
 * @module log — the one structured logger. Calls are `log.info('stage.verb', { attrs })`.
 * JSON lines on stderr (or readable text with LOG_FORMAT=text); stdout stays free for command output.
 */
import pino from 'pino';

export type LogLevel = 'silent' | 'debug' | 'info' | 'warn' | 'error';
export type Attrs = Record<string, unknown>;

export interface Logger {
  debug(event: string, attrs?: Attrs): void;
  info(event: string, attrs?: Attrs): void;
  warn(event: string, attrs?: Attrs): void;
  error(event: string, attrs?: Attrs): void;
  /** A logger that adds `bindings` to every line. */
  child(bindings: Attrs): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  format: 'json' | 'text';
  /** Where lines go; defaults to stderr. */
  write?: (line: string) => void;
}

const TEXT_SKIP = new Set(['level', 'time', 'msg']);

function textLine(json: string): string {
  const o = JSON.parse(json) as Record<string, unknown>;
  const attrs = Object.entries(o)
    .filter(([k]) => !TEXT_SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${String(o.time)} ${String(o.level).toUpperCase().padEnd(5)} ${String(o.msg)} ${attrs}\n`;
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (event, attrs) => p.debug(attrs ?? {}, event),
    info: (event, attrs) => p.info(attrs ?? {}, event),
    warn: (event, attrs) => p.warn(attrs ?? {}, event),
    error: (event, attrs) => p.error(attrs ?? {}, event),
    child: (bindings) => wrap(p.child(bindings)),
  };
}

/** Create the process logger (called once by the composition root). */
export function createLogger(opts: LoggerOptions): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  const stream = {
    write: opts.format === 'text' ? (line: string) => write(textLine(line)) : write,
  };
  const p = pino(
    {
      level: opts.level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['password', 'token', 'secret', '*.password', '*.token'], censor: '[redacted]' },
    },
    stream,
  );
  return wrap(p);
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = createLogger({ level: 'silent', format: 'json', write: () => {} });
