package org.hlspipeline.schemas.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;

import tools.jackson.databind.JsonNode;

/**
 * The JSON forms of {@code POST /broadcasts} (alert, cancel-alert), read into the {@link Broadcast} records for
 * {@code hls.broadcasts}; reached through {@link ChannelCommandJson#parseBroadcast}. Defaults: priority 100,
 * after RESUME, and {@code startAt} the time the alert is received.
 */
final class BroadcastJson {

    static final int DEFAULT_ALERT_PRIORITY = 100;

    private static final List<String> TYPES = List.of("alert", "cancel-alert");
    private static final Set<String> COMMON_FIELDS = Set.of("type", "alertId");

    private BroadcastJson() {
    }

    /** @param receivedAt an alert's start when it gives no {@code startAt} */
    static Broadcast parse(JsonNode body, Instant receivedAt) {
        JsonFields json = JsonFields.root(body, COMMON_FIELDS);
        String type = json.type(TYPES);
        String alertId = json.string("alertId", true);
        if (type.equals("cancel-alert")) {
            json.only();
            return new Broadcast(alertId, new CancelAlert());
        }
        json.only("channels", "priority", "startAt", "duration", "items", "after");
        List<String> channels = json.array("channels", true, JsonFields.Element.string());
        Integer priority = json.integer("priority", false);
        Instant startAt = json.instant("startAt", false);
        Alert alert = new Alert(channels, priority == null ? DEFAULT_ALERT_PRIORITY : priority,
                startAt != null ? startAt : receivedAt.truncatedTo(ChronoUnit.MILLIS), json.seconds("duration", true),
                ItemJson.items(json, "items"), json.enumValue("after", AfterAlert.class, AfterAlert.RESUME));
        return new Broadcast(alertId, alert);
    }
}
