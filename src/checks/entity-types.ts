// What a check's entity type may be: a Terraform resource type (`aws_cloudtrail`), a data source (`data.<type>`), or
// one of the dotted types of AWS data (`aws.cloudtrail.trail`). CloudGuard's native types (`CloudTrail`,
// `SecurityGroup`) name no Terraform resource: a rule on one would silently match nothing.

/** CloudGuard's native entity types and the Terraform resource types that hold the same thing. */
const NATIVE: Readonly<Record<string, readonly string[]>> = {
  cloudtrail: ['aws_cloudtrail'],
  securitygroup: ['aws_security_group', 'aws_default_security_group'],
  instance: ['aws_instance'],
  s3bucket: ['aws_s3_bucket'],
  iamuser: ['aws_iam_user'],
  iamrole: ['aws_iam_role'],
  iampolicy: ['aws_iam_policy'],
  iamgroup: ['aws_iam_group'],
  kms: ['aws_kms_key'],
  vpc: ['aws_vpc', 'aws_default_vpc'],
  nacl: ['aws_network_acl'],
  networkacl: ['aws_network_acl'],
  elb: ['aws_elb'],
  applicationloadbalancer: ['aws_lb'],
  lambda: ['aws_lambda_function'],
  rds: ['aws_db_instance'],
  ami: ['aws_ami'],
  cloudwatchloggroup: ['aws_cloudwatch_log_group'],
  snstopic: ['aws_sns_topic'],
  configurationrecorder: ['aws_config_configuration_recorder'],
  efs: ['aws_efs_file_system'],
  ebs: ['aws_ebs_volume'],
};

const TERRAFORM_TYPE = /^(data\.)?[a-z][a-z0-9]*(_[a-z0-9]+)+$/i;
const DATA_TYPE = /^[a-z][a-z0-9]*(\.[a-z0-9_]+)+$/;

/** Why an entity type can match nothing, with the types to write instead; undefined when it is one tfguard reads. */
export function entityTypeProblem(entity: string): { message: string; hint: string } | undefined {
  if (TERRAFORM_TYPE.test(entity) || DATA_TYPE.test(entity)) return undefined;
  const same = NATIVE[entity.toLowerCase()];
  return {
    message: `\`${entity}\` is not a Terraform resource type, so the rule would match nothing`,
    hint: same
      ? `\`${entity}\` is a CloudGuard entity type; in Terraform write ${same.map((t) => `\`${t}\``).join(' or ')}`
      : 'write the Terraform resource type (`aws_cloudtrail`, `aws_security_group`), `data.<type>` for a data source, or a type of AWS data such as `aws.cloudtrail.trail`',
  };
}
