// Why tfguard disagrees with a peer's fixture, keyed by `<check> <peer> <file>` or `<check> <peer>`.
// Each reason is also stated in the check's description.
export const REASONS: Record<string, string> = {
  'D9.TF.AWS.LOG.01 kics test/positive3.tf': 'KICS folds include_global_service_events = false into its multi-region query; tfguard reports it as TFG.AWS.CLOUDTRAIL.2',
  'TFG.AWS.CLOUDWATCH.15 kics test/negative1.tf': "KICS's fixture (and its required list) spell the event UpdateOrganizationalUni, so the CIS event UpdateOrganizationalUnit is missing from the pattern",
  'TFG.AWS.CLOUDTRAIL.6 kics test/positive1.tf': "KICS flags an absent read_write_type; the provider's default is All, which records write events",
  'TFG.AWS.KMS.1 kics test/positive5.tf': 'KICS flags enable_key_rotation on an asymmetric key; tfguard excludes keys AWS cannot rotate',
  'TFG.AWS.KMS.1 kics': 'KICS anchors every finding on the resource header; tfguard on the attribute that decided it (enable_key_rotation = false)',
  'TFG.AWS.CLOUDWATCH.17 checkov example_CloudWatchLogGroupRetention/main.tf': 'CKV_AWS_66 passes any retention; tfguard asks for 0 or at least 365 days (as CKV_AWS_338)',
};
