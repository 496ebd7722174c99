// STS on sts.amazonaws.com and its regional names: AssumeRole (signed with the source profile's
// keys) and AssumeRoleWithWebIdentity (unsigned, with the token file's contents), answered with
// the XML of the real service (query protocol, 2011-06-15).
import { FAKE, SIM_ACCOUNT, type FakeCredentials } from '../fake-credentials.js';
import { xml, type Handler } from '../handler.js';
import type { StsConfig } from '../spec.js';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function errorXml(status: number, code: string, message: string) {
  return xml(
    status,
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>sim-sts-request</RequestId></ErrorResponse>`,
  );
}

function credentialsXml(c: FakeCredentials): string {
  const expiration = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return `<Credentials><AccessKeyId>${c.accessKeyId}</AccessKeyId><SecretAccessKey>${c.secretAccessKey}</SecretAccessKey><SessionToken>${c.sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>`;
}

function assumedRoleXml(roleArn: string, session: string): string {
  const role = roleArn.split('/').pop() ?? 'role';
  return `<AssumedRoleUser><AssumedRoleId>AROASIMROLEID000001:${escapeXml(session)}</AssumedRoleId><Arn>arn:aws:sts::${SIM_ACCOUNT}:assumed-role/${escapeXml(role)}/${escapeXml(session)}</Arn></AssumedRoleUser>`;
}

export function stsHandler(config: StsConfig = {}): Handler {
  return (req) => {
    const form = new URLSearchParams(req.method === 'POST' ? req.body : req.query);
    const action = form.get('Action');
    const roleArn = form.get('RoleArn') ?? '';
    const session = form.get('RoleSessionName') ?? '';
    if (!roleArn || !session) return errorXml(400, 'ValidationError', 'RoleArn and RoleSessionName are required');
    if (action === 'AssumeRole') {
      if (!req.headers.authorization) return errorXml(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      return xml(
        200,
        `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult>${assumedRoleXml(roleArn, session)}${credentialsXml(FAKE.assumeRole)}<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata><RequestId>sim-sts-request</RequestId></ResponseMetadata></AssumeRoleResponse>`,
      );
    }
    if (action === 'AssumeRoleWithWebIdentity') {
      const token = form.get('WebIdentityToken') ?? '';
      if (config.webIdentityToken !== undefined && token !== config.webIdentityToken) {
        req.entry.notes.push('web identity token did not match');
        return errorXml(400, 'InvalidIdentityToken', "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
      }
      return xml(
        200,
        `<AssumeRoleWithWebIdentityResponse xmlns="${NS}"><AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>sim-subject</SubjectFromWebIdentityToken><Audience>sts.amazonaws.com</Audience>${assumedRoleXml(roleArn, session)}${credentialsXml(FAKE.webIdentity)}<Provider>sim-oidc-provider</Provider></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>sim-sts-request</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
      );
    }
    return errorXml(400, 'InvalidAction', `Could not find operation ${action ?? ''} for version 2011-06-15`);
  };
}
