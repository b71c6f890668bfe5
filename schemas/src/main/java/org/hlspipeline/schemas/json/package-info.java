/**
 * The JSON forms of channel commands and broadcasts, read into and written from their Avro records, shared by the
 * HTTP gateway and producer-tools. Checks JSON kinds only, leaving value rules to the processor's rules (see
 * docs/input-rules.md, JSON forms).
 */
package org.hlspipeline.schemas.json;
