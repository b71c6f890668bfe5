/**
 * HTTP support shared by the feature packages: problem details, the exception mapping, playlist responses and
 * their cache, CORS, write authorization and request metrics. Depends on {@code query} and {@code config}, never
 * on a feature package.
 */
package org.hlspipeline.queryapi.http;
