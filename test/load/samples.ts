// HCL texts shared by the parser tests: one valid file using most of the syntax, and broken ones.

export const VALID = `# leading comment
terraform {
  required_version = ">= 1.0" // why
}

variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

locals {
  m    = { for k, v in var.names : v => k... if k > 0 }
  obj  = { a = 1, "b" : [1, 2.5e3, -3], (local.k) = true }
  t    = "x-\${var.a}-%{ if var.b }yes%{ else }no%{ endif }"
  h    = <<-EOT
    line \${upper(local.x)}
      %{~ for x in local.l ~}
    \${x}
    %{ endfor }
  EOT
  s    = aws_instance.web[*].id
  a    = data.x.y.*.name
  c    = var.a ? var.b : var.c ? 1 : 2
  i    = local.list[0].x.0
  f    = provider::aws::arn_parse(local.arn).region
  e    = !var.x || (1 + 2 * 3) % 4 >= -5
}

resource "aws_s3_bucket" "b" {
  bucket = "b-\${count.index}"
  count  = 2
  dynamic "rule" {
    for_each = var.rules
    content { id = rule.value }
  }
  /* block
     comment */
}
`;

export const BROKEN = [
  'resource "a" "b" {\n  x = "unterminated\n}\n',
  'locals {\n  a = [1, 2\n  b = 3\n}\n',
  'a = 1 b = 2\n',
  'block {\n  x = 1 }\n',
  'x = <<EOT\nno end\n',
  'foo\nbar = 1\n',
  '{ "a": 1 }\n',
  'x = f(1, 2\ny = 3\n',
  'x = "${}"\n',
  'a = 1\n# c\n}\n{\n',
  'x = 10.11.10.12\n',
  'resource "x" "${var.y}" {}\n',
];
