/**
 * The {@code producer-tools} entry point, {@link org.hlspipeline.tools.ProducerTools}, and nothing else: it lists the
 * commands of the feature packages below it. Nothing in this module depends on this package.
 */
package org.hlspipeline.tools;
