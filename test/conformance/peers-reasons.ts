// Why tfguard disagrees with a peer's fixture, keyed by `<check> <peer> <peer ID> <file>` (when two peer IDs of one
// check have fixtures of the same name), `<check> <peer> <file>` or `<check> <peer>`.
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
  'TFG.AWS.EC2.2 checkov example_SecurityGroupUnrestrictedIngress22/main.tf':
    "fail2 opens TCP ports 0 to 0, which EC2 reads as port 0 (only protocol -1 opens every port); fail-ipv6 opens ::/0, which is TFG.AWS.EC2.3 (CIS numbers IPv6 apart); aws_vpc_security_group_ingress_rule.fail2 and not_self name no source at all (no CIDR, prefix list or group), so they admit nobody; pass_self2 admits 0.0.0.0/0 on every port (protocol -1): self = true adds the group's members as a source, it does not narrow the CIDR",
  'TFG.AWS.EC2.2 checkov example_SecurityGroupUnrestrictedIngressAny/main.tf':
    'the three fail resources give TCP ports -1 to -1, which EC2 rejects (InvalidPermission.Malformed: TCP/UDP port (-1) out of range): such a rule cannot exist, so it opens nothing',
  'TFG.AWS.EC2.2 kics test/negative.tf':
    'negative_rdp_2 admits 0.1.0.0/0: a /0 prefix covers every address whatever the address bits say, so Remote Desktop (3380-3450) is open to the whole internet',
  'TFG.AWS.EC2.2 kics test/positive.tf':
    'anchoring: tfguard reports the CIDR that opens the port (lines 10, 23), KICS the resource header (lines 1, 14)',
  'TFG.AWS.EC2.2 kics test/positive3.tf':
    'a module call cannot hold ingress blocks (Terraform rejects them), and terraform-aws-modules/security-group is not installed in the fixture: there is no rule to judge',
  'TFG.AWS.EC2.2 kics test/positive4.tf':
    'a module call cannot hold ingress blocks (Terraform rejects them), and terraform-aws-modules/security-group is not installed in the fixture: there is no rule to judge',
  'TFG.AWS.EC2.4 kics test/positive.tf':
    'KICS\'s query covers a list of sensitive ports (FTP, SSH, NetBIOS, ...) and reports one line per port; CIS 5.1.2 and tfguard judge port 445, found open on positive1, positive3 (protocol -1) and positive5; "/0" is not a CIDR (EC2 rejects it)',
  'TFG.AWS.EC2.5 kics test/negative.tf':
    'CIS asks that the default security group allow no traffic; KICS flags only rules open to 0.0.0.0/0 or ::/0, so it passes a default group admitting 10.1.0.0/16 and its own members',
  'TFG.AWS.EC2.5 kics test/positive.tf': 'anchoring: tfguard reports the first rule block (the part to remove), KICS the resource header',
  'TFG.AWS.EC2.5 kics test/positive1.tf':
    'one finding per default security group, at its first rule block; KICS reports the ingress and the egress rule apart',
  'TFG.AWS.EC2.5 kics test/positive2.tf': 'one finding per default security group, at its first rule block; KICS reports each rule',
  'TFG.AWS.EC2.6 checkov example_IMDSv1Disabled/main.tf':
    "aws_instance.defaults and aws_launch_template.default_lt set no http_tokens: EC2 then takes the AMI's imds_support and the account's regional default, which the configuration does not show, so the result is unknown (no finding), not a failure",
  'TFG.AWS.EC2.6 kics test/positive.tf':
    "missing_metadata_options sets no http_tokens: EC2 then takes the AMI's imds_support and the account's regional default, so unknown (no finding)",
  'TFG.AWS.EC2.6 kics test/positive_module.tf':
    'the instance is made by terraform-aws-modules/ec2-instance, not installed in the fixture (and the file calls the module twice with the same name): there is no instance to judge',
  'TFG.AWS.VPC.3 checkov example_NetworkACLUnrestrictedIngress3389/main.tf':
    "pass3 denies 3389 first, but its rule 100 allows every protocol from 0.0.0.0/0, so SSH (22) is open; tfguard judges SSH and Remote Desktop together (CIS 5.2), checkov's CKV_AWS_231 only 3389",
  'TFG.AWS.VPC.3 checkov example_NetworkACLUnrestricted/main.tf':
    'aws_network_acl_rule.pass allows protocol all from 0.0.0.0/0; AWS documents that protocol -1 allows traffic on every port whatever ports the rule gives, so its from_port/to_port of 80 do not narrow it',
  'TFG.AWS.VPC.3 kics test/positive1.tf': 'anchoring: tfguard reports the cidr_block that opens the port, KICS the start of the rule',
  'TFG.AWS.VPC.3 kics test/positive2.tf': 'anchoring: tfguard reports the cidr_block that opens the port, KICS the start of the rule',
  'TFG.AWS.VPC.3 kics test/positive3.tf': 'anchoring: tfguard reports the cidr_block that opens the port, KICS the start of the rule',
  'TFG.AWS.VPC.3 kics test/positive4.tf':
    'the rule is given to terraform-aws-modules/vpc, not installed in the fixture; and it allows TCP port 0 only (from_port = to_port = 0; 3389 is its rule number, not a port)',
  'TFG.AWS.VPC.4 checkov VPCHasRestrictedSG/main.tf':
    'CKV2_AWS_12 judges adoption and emptiness on the VPC; tfguard reports a VPC whose default security group is not adopted (TFG.AWS.VPC.4) and an adopted group that keeps rules on that group (TFG.AWS.EC2.5 fails default_2, default_3, default_4 and default_5, the groups of not_ok_vpc_2 to _5)',
  'TFG.AWS.IAM.9 checkov example_IAMAdminPolicyDocument/iam.tf':
    'the fail policies are attached to nothing in the fixture: CIS 1.16 is about attached policies, and an unattached managed policy may be attached elsewhere, so tfguard does not judge it (checkov flags the policy itself)',
  'TFG.AWS.IAM.9 kics test/positive.tf':
    'the aws_iam_policy_document at line 19 is used by no policy: tfguard judges the policies that use a document, not an unused document',
  'TFG.AWS.S3.5 kics test/negative6.tf':
    'the only statement allows requests with aws:SecureTransport true; an Allow refuses nothing, so plain HTTP is still allowed by whatever else allows access: CIS asks for a Deny',
  'TFG.AWS.S3.5 kics test/positive1.tf': "anchoring: tfguard reports the bucket (line 1), naming its policy; KICS the policy's line",
  'TFG.AWS.S3.5 kics test/positive3.tf':
    'the bucket is made by terraform-aws-modules/s3-bucket, not installed in the fixture: there is no bucket to judge',
  'TFG.AWS.S3.6 kics test/negative4.tf':
    'the bucket has no versioning, so no MFA delete: it fails CIS 2.1.2; KICS passes buckets with lifecycle rules, which S3 refuses with MFA delete (such a bucket cannot meet the recommendation)',
  'TFG.AWS.S3.6 kics test/negative6.tf':
    'the bucket has no versioning, so no MFA delete: it fails CIS 2.1.2 (KICS judges only a declared versioning block)',
  'TFG.AWS.S3.6 kics test/positive3.tf':
    'one finding per bucket, at its versioning block; KICS reports the block and its enabled line apart',
  'TFG.AWS.S3.6 kics test/positive4.tf':
    'a module call cannot hold a versioning block (Terraform rejects it), and terraform-aws-modules/s3-bucket is not installed in the fixture: there is no bucket to judge',
  'TFG.AWS.S3.6 kics test/positive5.tf':
    'a module call cannot hold a versioning block (Terraform rejects it), and terraform-aws-modules/s3-bucket is not installed in the fixture: there is no bucket to judge',
  'TFG.AWS.S3.6 kics test/positive6.tf':
    'a module call cannot hold a versioning block (Terraform rejects it), and terraform-aws-modules/s3-bucket is not installed in the fixture: there is no bucket to judge',
  'TFG.AWS.S3.6 kics test/positive8.tf':
    'anchoring: tfguard reports the bucket (line 14), whose versioning is Disabled (MFA delete needs versioning enabled); KICS the versioning status line',
  'TFG.AWS.S3.6 kics test/positive7.tf':
    'anchoring: tfguard reports the bucket (line 14), naming its versioning resource; KICS the mfa_delete line',
  'TFG.AWS.RDS.5 kics test/positive2.tf':
    'the DB instance is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.RDS.1 kics test/positive2.tf':
    'the DB instance is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.RDS.1 kics test/positive3.tf':
    'the DB instance is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.RDS.3 kics test/positive2.tf':
    'the DB instance is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.1 kics test/positive2.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.1 kics test/positive3.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.2 kics test/positive2.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.2 kics test/positive3.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.3 kics test/positive2.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.3 kics test/positive3.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.4 kics test/positive2.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.S3.4 kics test/positive3.tf':
    'the bucket is made by a terraform-aws-modules module that is not installed in the fixture (no .terraform/modules): there is nothing tfguard can judge, and it reads no module input by name',
  'TFG.AWS.RDS.1 kics test/negative1.tf':
    'negative2 sets kms_key_id but not storage_encrypted, whose default is false; a key alone is how a cross-Region read replica is encrypted, and negative2 is not a replica (replicas are excluded)',
  'TFG.AWS.IAM.11 kics test/positive.tf':
    'the fixture has only an organization and no AWS Config recorder: tfguard judges Access Analyzer where a configuration manages the security baseline of a region (a recording recorder), since an analyzer may be managed elsewhere',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive1.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet (here MySQL, 3306); CIS 5.3 and tfguard judge the remote administration ports 22 and 3389',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive2.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet (here MySQL, 3306); CIS 5.3 and tfguard judge the remote administration ports 22 and 3389',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive6.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet, IPv6 included (here MySQL, 3306, from ::/0); CIS 5.3 and TFG.AWS.EC2.2 judge 22 and 3389 from 0.0.0.0/0 (::/0 is TFG.AWS.EC2.3)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive7.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet, IPv6 included (here MySQL, 3306, from ::/0); CIS 5.3 and TFG.AWS.EC2.2 judge 22 and 3389 from 0.0.0.0/0 (::/0 is TFG.AWS.EC2.3)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive8.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet, IPv6 included (here MySQL, 3306, from ::/0); CIS 5.3 and TFG.AWS.EC2.2 judge 22 and 3389 from 0.0.0.0/0 (::/0 is TFG.AWS.EC2.3)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive5.tf':
    'the group is made by terraform-aws-modules/security-group, not installed in the fixture: there is no rule to judge (and KICS flags any port open to the internet, not only 22 and 3389)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive9.tf':
    'the group is made by terraform-aws-modules/security-group, not installed in the fixture: there is no rule to judge (and KICS flags any port open to the internet, not only 22 and 3389)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive10.tf':
    'the group is made by terraform-aws-modules/security-group, not installed in the fixture: there is no rule to judge (and KICS flags any port open to the internet, not only 22 and 3389)',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive3.tf':
    'KICS\'s "Unrestricted Security Group Ingress" flags any port open to the whole internet (here MySQL, 3306); CIS 5.3 and tfguard judge the remote administration ports 22 and 3389',
  'TFG.AWS.EC2.2 kics 4728cd65-a20c-49da-8b31-9c08b423e4db test/positive4.tf':
    'the group is made by terraform-aws-modules/security-group, not installed in the fixture: there is no rule to judge (and KICS flags any port open to the internet, not only 22 and 3389)',
  'TFG.AWS.VPC.3 kics 3af7f2fd-06e6-4dab-b996-2912bea19ba4 test/positive4.tf':
    'the rule is given to terraform-aws-modules/vpc, not installed in the fixture; and it allows TCP port 0 only (from_port = to_port = 0; 22 is its rule number, not a port)',
};
