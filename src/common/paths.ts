// Path rules shared by the stages.

/** Inside a `.terraform` directory (modules installed by `terraform init`, which nobody edits)? Either separator. */
export function isUnderDotTerraform(path: string): boolean {
  return /(^|[\\/])\.terraform([\\/]|$)/.test(path);
}
