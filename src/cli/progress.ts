/** Progress bars on stderr for long work; silent when stderr is not a terminal (CI logs stay clean). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/** A bar of `total` steps titled `title`. */
export function startProgress(title: string, total: number): Progress {
  if (!process.stderr.isTTY || total === 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label = '') => bar.update(done, { label: label.slice(0, 40) }),
    stop: () => bar.stop(),
  };
}
