// Why tfguard disagrees with a peer's fixture, keyed by `<check> <peer> <file>` or `<check> <peer>`.
// Each reason is also stated in the check's description.
export const REASONS: Record<string, string> = {
  'D9.TF.AWS.LOG.01 kics test/positive3.tf':
    'KICS folds include_global_service_events = false into its multi-region query; tfguard reports it as TFG.AWS.CLOUDTRAIL.2',
  'TFG.AWS.CLOUDWATCH.15 kics test/negative1.tf':
    "KICS's fixture (and its required list) spell the event UpdateOrganizationalUni, so the CIS event UpdateOrganizationalUnit is missing from the pattern",
  'TFG.AWS.CLOUDTRAIL.6 kics test/positive1.tf':
    "KICS flags an absent read_write_type; the provider's default is All, which records write events",
  'TFG.AWS.KMS.1 kics test/positive5.tf': 'KICS flags enable_key_rotation on an asymmetric key; tfguard excludes keys AWS cannot rotate',
  'TFG.AWS.KMS.1 kics':
    'KICS anchors every finding on the resource header; tfguard on the attribute that decided it (enable_key_rotation = false)',
  'TFG.AWS.CLOUDWATCH.17 checkov example_CloudWatchLogGroupRetention/main.tf':
    'CKV_AWS_66 passes any retention; tfguard asks for 0 or at least 365 days (as CKV_AWS_338)',
  'TFG.AWS.CONFIG.1 checkov inline/test_failure.tf':
    'the aggregator has neither source block, which the provider requires (terraform validate rejects it); tfguard judges all_regions on the source blocks that exist',
  'D9.TF.AWS.LOG.03 checkov CloudtrailHasCloudwatch/main.tf':
    "CKV2_AWS_10 needs only the log group; CloudGuard's logic (kept as written) also needs cloud_watch_logs_role_arn, without which CloudTrail cannot write to the group, so aws_cloudtrail_ok (no role) fails",
  'TFG.AWS.RDS.5 checkov example_DBInstanceMinorUpgrade/main.tf':
    "aws_db_instance.fail2 leaves auto_minor_version_upgrade unset; RDS's default (and the provider's) is true, so tfguard passes it where checkov fails it",
  'TFG.AWS.RDS.1 checkov example_RDSEncryption/main.tf':
    'aws_db_instance.disabled writes `storage_encrypted = False`: HCL has no `False` (its booleans are lower case; Terraform rejects the reference), so the value is not known and tfguard gives no finding; checkov reads the Python literal',
  'TFG.AWS.CONFIG.3 checkov ConfigRecorderRecordsAllGlobalResources/main.tf':
    "CKV2_AWS_48 judges each recorder alone; CIS asks that one region record global resource types, so tfguard judges a root module's recorders together, and the fixture's pass_recorder records them (the two fail_recorder ones need not)",
  'TFG.AWS.CONFIG.2 checkov AWSConfigRecorderEnabled/main.tf':
    'CKV2_AWS_45 reports the aws_config_configuration_recorder_status resources; tfguard reports the recorder that does not record (fail_recorder_1 with its status off, fail_recorder_2 not recording all types), one finding per recorder',
  'TFG.AWS.CLOUDTRAIL.4 kics test/negative2.tf':
    'the trail names aws_s3_bucket.bbb, which the fixture does not declare: tfguard cannot know that bucket, so the result is unknown (no finding)',
  'TFG.AWS.CLOUDTRAIL.4 kics test/positive1.tf':
    "anchoring: tfguard reports the trail whose bucket is public (its header), KICS the bucket's acl line",
  'TFG.AWS.CLOUDTRAIL.4 kics test/positive3.tf':
    'anchoring: tfguard reports the trail whose bucket is public (its header), KICS the acl line',
  'TFG.AWS.CLOUDTRAIL.4 kics test/positive2.tf':
    'the fixture has no trail: KICS flags a public terraform-aws-modules/s3-bucket module whoever writes to it; tfguard judges the bucket of a trail (and cannot see inside a module that is not installed)',
  'TFG.AWS.CLOUDTRAIL.5 kics test/positive1.tf':
    'anchoring: tfguard reports the trail whose bucket has no access logging (its header), KICS the bucket',
  'TFG.AWS.CLOUDTRAIL.5 kics test/positive3.tf':
    'anchoring: tfguard reports the trail whose bucket has no access logging (its header), KICS the bucket',
  'TFG.AWS.CLOUDTRAIL.5 kics test/positive2.tf':
    'the bucket is made by terraform-aws-modules/s3-bucket, not installed in the fixture (no .terraform/modules): whether it logs cannot be known, so unknown (no finding)',
  'TFG.AWS.CLOUDTRAIL.5 kics test/negative3.tf':
    'the access logs go to aws_s3_bucket.log_bucket, which the fixture does not declare: tfguard checks that the logs do not go into the trail bucket itself (AWS advises against it), and a target it cannot see leaves that unknown (no finding)',
  'TFG.AWS.CLOUDTRAIL.10 kics test/positive.tf':
    'anchoring: for `sns_topic_name = null` tfguard points at the attribute (line 8), KICS at the resource header (line 5)',
  'TFG.AWS.CLOUDWATCH.17 kics test/negative.tf':
    'KICS passes any allowed retention (1 day here); tfguard asks for 0 or at least 365 days, as checkov CKV_AWS_338',
  'TFG.AWS.CLOUDWATCH.17 kics test/positive.tf':
    'KICS fails retention_in_days = 0; in the provider 0 means never expire, which keeps the logs, so tfguard passes it (as CKV_AWS_338)',
  'TFG.AWS.VPC.1 kics test/positive1.tf':
    'KICS flags a flow log without vpc_id; tfguard checks that every VPC has a flow log, and aws_vpc.main has one (example1)',
  'TFG.AWS.VPC.1 kics test/positive2.tf':
    'the flow logs name aws_vpc.example and aws_vpc.example2, which the fixture does not declare: whether one of them is aws_vpc.main cannot be known, so unknown (no finding)',
  'TFG.AWS.VPC.1 kics test/positive3.tf':
    "the VPC is made by terraform-aws-modules/vpc, not installed in the fixture: tfguard checks the resources it can see; KICS reads that one module's enable_flow_log input",
  'TFG.AWS.VPC.1 kics test/positive4.tf':
    "the VPC is made by terraform-aws-modules/vpc, not installed in the fixture: tfguard checks the resources it can see; KICS reads that one module's enable_flow_log input",
};
