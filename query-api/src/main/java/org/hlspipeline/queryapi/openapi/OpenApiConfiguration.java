package org.hlspipeline.queryapi.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The HTTP API's OpenAPI description at {@code /v3/api-docs} (springdoc, from the controllers), with the
 * interactive page at {@code /swagger-ui.html}. The instance-to-instance routes under {@code /internal/} are not
 * part of the API and are left out.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String INTERNAL = "/internal/";

    @Bean
    OpenAPI hlsPipelineOpenApi() {
        return new OpenAPI().info(new Info()
                .title("HLS pipeline")
                .description("Live HLS playlists from Kafka: streams (segments registered by transcoders) and "
                        + "channels (scheduled playout). Reads are public with CORS; writes produce to Kafka and "
                        + "need Authorization: Bearer <token> when tokens are configured. Errors are "
                        + "application/problem+json (RFC 9457).")
                .version(OpenApiConfiguration.class.getPackage().getImplementationVersion() == null ? "dev"
                        : OpenApiConfiguration.class.getPackage().getImplementationVersion()));
    }

    @Bean
    OpenApiCustomizer withoutInternalRoutes() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> path.startsWith(INTERNAL));
            }
        };
    }
}
