package org.hlspipeline.queryapi.media;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * When {@code /media/} exists: {@code hls.media-dir} ({@code HLS_MEDIA_DIR}) is set and Kafka is the embedded
 * broker ({@code spring.kafka.bootstrap-servers}, that is {@code KAFKA_BOOTSTRAP_SERVERS}, empty). Against an
 * external cluster the setting is ignored with a warning: production serves media from a CDN or origin server.
 */
final class MediaDirectoryConditions {

    private MediaDirectoryConditions() {
    }

    static boolean mediaDirSet(Environment environment) {
        String dir = environment.getProperty("hls.media-dir");
        return dir != null && !dir.isBlank();
    }

    static boolean embeddedBroker(Environment environment) {
        List<String> servers = Binder.get(environment)
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class)).orElse(List.of());
        return servers.stream().allMatch(s -> s == null || s.isBlank());
    }

    /** {@code /media/} is served. */
    static final class Serve implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mediaDirSet(context.getEnvironment()) && embeddedBroker(context.getEnvironment());
        }
    }

    /** HLS_MEDIA_DIR is set, but Kafka is external. */
    static final class Ignored implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mediaDirSet(context.getEnvironment()) && !embeddedBroker(context.getEnvironment());
        }
    }

    /** Says so at startup when HLS_MEDIA_DIR is ignored. */
    @Component
    @Conditional(Ignored.class)
    static final class IgnoredWarning {

        /** Under the controller's logger name, where the rest of /media/ logs. */
        private static final Logger log =
                LoggerFactory.getLogger("org.hlspipeline.queryapi.media.MediaDirectoryController");

        IgnoredWarning() {
            log.warn("HLS_MEDIA_DIR is set but ignored: /media/ is served only with the embedded broker "
                    + "(KAFKA_BOOTSTRAP_SERVERS unset)");
        }
    }
}
