/**
 * {@code command}: one channel command from flags or its JSON form, checked by the processor's rules before it is
 * sent. Depends on {@code publish}, {@code forms} and {@code cli}.
 */
package org.hlspipeline.tools.channel;
