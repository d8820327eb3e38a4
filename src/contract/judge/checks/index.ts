/**
 * @module
 * Every check the runner applies to each response, in report order.
 */
import type { Check } from './check.js';
import { contentTypeConformance } from './content-type-conformance.js';
import { corsHeaders } from './cors-headers.js';
import { domainInvariant } from './domain-invariant.js';
import { expectedStatus } from './expected-status.js';
import { floatFormat } from './float-format.js';
import { ignoredAuth } from './ignored-auth.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { notAServerError } from './not-a-server-error.js';
import { responseHeadersConformance } from './response-headers-conformance.js';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { sensitiveDataLeak } from './sensitive-data-leak.js';
import { statusCodeConformance } from './status-code-conformance.js';
import { undocumentedProperty } from './undocumented-property.js';

export const CHECKS: readonly Check[] = [
  notAServerError,
  statusCodeConformance,
  expectedStatus,
  contentTypeConformance,
  responseSchemaConformance,
  floatFormat,
  responseHeadersConformance,
  corsHeaders,
  ignoredAuth,
  negativeDataRejection,
  sensitiveDataLeak,
  undocumentedProperty,
  domainInvariant,
];
