// wrk (https://github.com/wg/wrk) as bench:http's load generator: the Lua script of one case and
// the parsing of its report. The script's `done` hook prints one line of JSON (`@@wrk {...}`)
// with the counts and the latency percentiles in microseconds, so nothing depends on the layout
// of wrk's human-readable summary.

/** A Lua string literal (JSON's escapes of an ASCII string are Lua's). */
export const luaString = (value: string) => {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not printable ASCII: ${value}`);
  return JSON.stringify(value);
};

/**
 * One case's script: the Authorization and Content-Type headers, the case's own lines (`wrk.path =
 * ...` for a fixed request, or a `request` function making each one), and the `done` hook.
 */
export function wrkScript(options: { token: string; lua: string }) {
  return [
    `wrk.headers["Authorization"] = ${luaString(`Bearer ${options.token}`)}`,
    `wrk.headers["Content-Type"] = "application/json"`,
    `math.randomseed(os.time())`,
    options.lua,
    `function done(summary, latency, requests)`,
    `  local e = summary.errors`,
    `  io.write(string.format('\\n@@wrk {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\\n',`,
    `    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,`,
    `    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))`,
    `end`,
    '',
  ].join('\n');
}

export interface WrkReport {
  requests: number;
  seconds: number;
  /** Milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
}

/** Reads the `done` hook's line; checks it against `--latency`'s 99% line when wrk printed one. */
export function parseWrkReport(stdout: string): WrkReport {
  const line = /^@@wrk (\{.*\})$/m.exec(stdout);
  if (!line) throw new Error(`wrk printed no report:\n${stdout}`);
  const r = JSON.parse(line[1]) as Record<string, number>;
  const report: WrkReport = {
    requests: r.requests,
    seconds: r.duration_us / 1e6,
    p50: r.p50_us / 1000,
    p90: r.p90_us / 1000,
    p99: r.p99_us / 1000,
    max: r.max_us / 1000,
    errors: { connect: r.connect, read: r.read, write: r.write, status: r.status, timeout: r.timeout },
  };
  const printed = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(stdout);
  if (printed) {
    const ms = Number(printed[1]) * { us: 0.001, ms: 1, s: 1000 }[printed[2] as 'us' | 'ms' | 's'];
    if (Math.abs(ms - report.p99) > Math.max(1, report.p99 * 0.02)) {
      throw new Error(`wrk's p99: ${report.p99} ms from the script, ${ms} ms printed:\n${stdout}`);
    }
  }
  return report;
}
