import fs from 'node:fs';

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat; undefined where there is
 * no /proc (macOS) or the process is gone. Shown while npm start waits, so a slow start on a busy
 * machine (CPU rising) can be told from a stuck one (CPU flat).
 */
export function cpuSeconds(
  pid: number | undefined,
  read = (p: string) => fs.readFileSync(p, 'utf8'),
): number | undefined {
  if (!pid) return undefined;
  try {
    return parseCpuSeconds(read(`/proc/${pid}/stat`));
  } catch {
    return undefined;
  }
}

/** utime and stime are fields 14 and 15, counted after the ")" that ends the command name. */
export function parseCpuSeconds(stat: string, ticksPerSecond = 100): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / ticksPerSecond : undefined;
}
