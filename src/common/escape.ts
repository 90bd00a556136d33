// The one output escaper. Scanned text (file and folder names, resource names, values, plan addresses, a team
// check's title) is made inert before it is printed: `inert` for terminals and logs (every control character and
// bidirectional control shown escaped, so none can start a line, colour the log or reorder what a reviewer sees);
// GitHub Actions workflow commands (`::error file=…::message`) escaped as the runner reads them: in the message
// `%`, CR and LF; in a property also `:` and `,`, and every other control character made inert. Every workflow
// command tfguard prints is built here, so scanned text can neither end the command nor start another line.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const shownEscaped = (c: string): string => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
};

/**
 * Scanned text made inert for a terminal or a log: every control character (line feed and tab included, so it
 * cannot start a line of its own), the Unicode line and paragraph separators, and every bidirectional control
 * (which can reorder what a reviewer sees) are shown escaped (`\x0a`, `\u{202e}`).
 */
export function inert(s: string): string {
  return s.replace(CONTROLS, shownEscaped);
}

/** As `inert`, but tab, line feed and carriage return are kept (for text whose line breaks are escaped after). */
function inertButLines(s: string): string {
  return s.replace(CONTROLS_BUT_LINES, shownEscaped);
}

export function escapeWorkflowData(s: string): string {
  return inertButLines(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeWorkflowProperty(s: string): string {
  return escapeWorkflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line, ending in a newline: `::command key=value,…::message`. */
export function workflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: Record<string, string | number>,
  message: string,
): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeWorkflowProperty(String(v))}`);
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeWorkflowData(message)}\n`;
}
