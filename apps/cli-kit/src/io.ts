import { nodeOutputFs, type OutputFs } from './output-fs.js';

/**
 * Somewhere to write text; `isTTY` decides between a live progress bar and plain lines.
 *
 * @example
 * ```ts
 * const sink: TextSink = { write: (text: string) => lines.push(text), isTTY: false };
 * ```
 */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Everything a runner reads from and writes to besides its files' contents; tests pass their own.
 *
 * @example
 * ```ts
 * await run(['--help'], { stdout: { write: (t: string) => (text += t) } });
 * ```
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** Aborted on the first Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal;
  /** A clock in milliseconds. */
  readonly now: () => number;
  /** The file operations of the output writer. */
  readonly fs: OutputFs;
}

/**
 * A process stream as a {@link TextSink} that survives a closed reader: after EPIPE (the run
 * piped into `head`, say) further text is dropped instead of crashing the run before it has
 * written its files.
 *
 * @example
 * ```ts
 * const out = processSink(process.stdout);
 * ```
 */
export function processSink(stream: NodeJS.WriteStream): TextSink {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY === true;
    },
  };
}

let processSinks: { stdout: TextSink; stderr: TextSink } | undefined;

/**
 * `partial` with the process's streams, folder, clock and file system filling the gaps.
 * Relative paths resolve against `INIT_CWD` when pnpm set it (the folder `pnpm …` was typed
 * in, although pnpm runs scripts in the package's folder), otherwise the working directory.
 *
 * @example
 * ```ts
 * const io = cliIo({ signal: controller.signal });
 * ```
 */
export function cliIo(partial: Partial<CliIo> = {}): CliIo {
  processSinks ??= { stdout: processSink(process.stdout), stderr: processSink(process.stderr) };
  return {
    stdout: partial.stdout ?? processSinks.stdout,
    stderr: partial.stderr ?? processSinks.stderr,
    cwd: partial.cwd ?? process.env['INIT_CWD'] ?? process.cwd(),
    signal: partial.signal ?? new AbortController().signal,
    now: partial.now ?? (() => performance.now()),
    fs: partial.fs ?? nodeOutputFs,
  };
}
