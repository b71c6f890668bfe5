/**
 * Publishing to Kafka: the publisher, the base class of every command that sends records, the tool context, and
 * the single-event commands {@code segment}, {@code end} and {@code rendition-info}. Depends on {@code cli} only.
 */
package org.hlspipeline.tools.publish;
