/**
 * The OpenAPI description of the public HTTP API and its interactive page. Depends on no other package of the
 * application.
 */
package org.hlspipeline.queryapi.openapi;
