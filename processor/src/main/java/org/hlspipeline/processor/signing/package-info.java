/**
 * Signed read URLs (HLS_SIGNED_URL_KEYS, docs/operations.md, Signed read URLs): the HMAC-SHA256 signer and
 * verifier of {@code <path>?expires=<e>&signature=<s>}, and the signing of a master playlist's variant URIs. Pure
 * Java over {@code hls}; one implementation shared by the query API (which verifies and signs masters) and
 * producer-tools' {@code sign} (which prints signed paths).
 */
package org.hlspipeline.processor.signing;
