package org.hlspipeline.queryapi.stream;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON body of {@code POST /streams/{id}/renditions/{r}/segments}, as the seed orchestrator took it, plus
 * the optional program date-time and discontinuity flag. Durations are seconds as decimals.
 */
record SegmentRequest(Long sequence, BigDecimal duration, String path, Instant programDateTime,
                      Boolean discontinuity) {
}
