/**
 * {@code alert} and {@code cancel-alert}: broadcasts to channels, from flags or their JSON form. Depends on
 * {@code publish}, {@code channel} (the item options), {@code forms} and {@code cli}.
 */
package org.hlspipeline.tools.alert;
