// The link-local addresses AWS serves metadata and credentials on, which the namespace puts on its
// loopback interface so that a CLI's hard-coded URLs reach the simulated services.
export const IMDS_V4 = '169.254.169.254';
export const IMDS_V6 = 'fd00:ec2::254';
/** ECS's container credentials agent (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI). */
export const ECS_V4 = '169.254.170.2';
/** EKS Pod Identity's agent. */
export const EKS_V4 = '169.254.170.23';
export const EKS_V6 = 'fd00:ec2::23';

export const LINK_LOCAL_V4 = [IMDS_V4, ECS_V4, EKS_V4] as const;
export const LINK_LOCAL_V6 = [IMDS_V6, EKS_V6] as const;

/** Where the front (every *.amazonaws.com name the case maps) listens. */
export const FRONT_V4 = '127.0.0.1';
export const FRONT_V6 = '::1';

/** The conventional proxy port; a case's proxy URL names it (or another, to be "down"). */
export const PROXY_PORT = 3128;
