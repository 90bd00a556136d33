// GitHub Actions workflow commands (`::error file=…::message`), escaped as the runner reads them: in the message
// `%`, CR and LF; in a property also `:` and `,`. Every workflow command tfguard prints is built here, so scanned
// text (file names, resource names, messages) can neither end the command nor start another line.

export function escapeWorkflowData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
