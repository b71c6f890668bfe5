package org.hlspipeline.queryapi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.streams.state.HostInfo;
import org.hlspipeline.queryapi.query.KeyListingService.HostKeys;
import org.junit.jupiter.api.Test;

/** How the instances' answers make one listing. */
class KeyListingServiceTest {

    private static final HostInfo A = new HostInfo("10.0.0.1", 8080);
    private static final HostInfo B = new HostInfo("10.0.0.2", 8080);

    @Test
    void keysOfAllInstancesAreMergedInOrderAndCutAtTheLimit() {
        KeyListing listing = KeyListingService.merge(QueryableStores.STREAMS, List.of(
                new HostKeys(A, List.of("b", "d", "f"), null),
                new HostKeys(B, List.of("a", "c"), null)), 4);

        assertThat(listing.keys()).containsExactly("a", "b", "c", "d");
        assertThat(listing.truncated()).isTrue();
        assertThat(listing.unavailable()).isEmpty();
    }

    @Test
    void anInstanceThatDidNotAnswerIsNamedAndTheOthersStillList() {
        KeyListing listing = KeyListingService.merge(QueryableStores.STREAMS, List.of(
                new HostKeys(B, List.of(), new TimeoutException()),
                new HostKeys(A, List.of("a"), null)), 10);

        assertThat(listing.keys()).containsExactly("a");
        assertThat(listing.truncated()).isFalse();
        assertThat(listing.unavailable()).containsExactly("10.0.0.2:8080");
    }

    @Test
    void noInstanceAnsweringIsUnavailable() {
        assertThatThrownBy(() -> KeyListingService.merge(QueryableStores.STREAMS, List.of(
                new HostKeys(A, List.of(), new TimeoutException())), 10))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }
}
