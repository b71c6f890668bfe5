/**
 * {@code producer-tools sign}: prints signed read URLs for an app with HLS_SIGNED_URL_KEYS, signed by the one
 * signer the app verifies with ({@code processor.signing}). Talks to nothing.
 */
package org.hlspipeline.tools.sign;
