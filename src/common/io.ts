// Where a door writes: standard output and standard error, replaceable in tests.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Text output may use colour: standard output is a terminal and NO_COLOR is not set. */
  color?: boolean;
  /** Long scans may show a progress line on standard error: it is a terminal and CI is not set. */
  progress?: boolean;
}
