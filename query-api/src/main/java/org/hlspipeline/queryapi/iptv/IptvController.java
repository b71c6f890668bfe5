package org.hlspipeline.queryapi.iptv;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.channel.StoredChannel;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.queryapi.http.SignedUrls;
import org.hlspipeline.queryapi.query.KeyListing;
import org.hlspipeline.queryapi.query.KeyListingService;
import org.hlspipeline.queryapi.query.QueryableStores;
import org.hlspipeline.queryapi.query.StateQueryService;
import org.hlspipeline.queryapi.query.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The channels for IPTV clients (Jellyfin, Plex through an M3U proxy, TiviMate, Kodi, VLC): an M3U channel list
 * and its XMLTV guide, built from every channel across all instances (listed like {@code GET /api/channels}).
 *
 * <p>Listed: configured channels that have not ended, and channels whose instance cannot answer just now (they
 * exist; their guide is empty until it answers). URLs are absolute, built from the request (scheme, host, port as
 * the client asked; behind a proxy, set {@code server.forward-headers-strategy}).
 */
@RestController
@Tag(name = "IPTV", description = "Channel list and programme guide for IPTV clients")
class IptvController {

    private static final Logger log = LoggerFactory.getLogger(IptvController.class);

    static final MediaType M3U = new MediaType("audio", "x-mpegurl", StandardCharsets.UTF_8);
    static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    /** Channel ids asked for at once while listing, and channel states read at once. */
    private static final int PAGE = 1000;
    private static final int CONCURRENCY = 8;

    private final StateQueryService queries;
    private final KeyListingService listings;
    private final SignedUrls signedUrls;
    private final Clock clock;

    IptvController(StateQueryService queries, KeyListingService listings, SignedUrls signedUrls) {
        this.queries = queries;
        this.listings = listings;
        this.signedUrls = signedUrls;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/channels.m3u")
    @Operation(summary = "M3U channel list",
            description = "Extended M3U: #EXTM3U with x-tvg-url naming /epg.xml, then per channel "
                    + "#EXTINF:-1 tvg-id=\"<id>\" tvg-name=\"<name>\",<name> and the absolute URL of its master "
                    + "playlist. tvg-id equals the channel id in /epg.xml.",
            responses = @ApiResponse(responseCode = "200", description = "The channel list",
                    content = @Content(mediaType = "audio/x-mpegurl", schema = @Schema(type = "string"))))
    Mono<ResponseEntity<byte[]>> channelList(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return listed().map(channels -> {
            List<M3uWriter.Entry> entries = new ArrayList<>(channels.size());
            for (Listed channel : channels) {
                // A signed list's master URLs are signed with its expiry (the guide is not a playlist: unsigned).
                entries.add(new M3uWriter.Entry(channel.id(), channel.id(), signedUrls.url(exchange,
                        absolute(request, "channels", channel.id(), "master.m3u8"))));
            }
            return ok(M3U, M3uWriter.write(absolute(request, "epg.xml"), entries));
        });
    }

    @GetMapping("/epg.xml")
    @Operation(summary = "XMLTV programme guide",
            description = "XMLTV (xmltv.dtd): every listed channel, then what each airs now and up next as "
                    + "projected (the same times as nowPlaying and upNext of GET /api/channels/{channelId}); "
                    + "times are YYYYMMDDhhmmss +0000.",
            responses = @ApiResponse(responseCode = "200", description = "The guide",
                    content = @Content(mediaType = "application/xml", schema = @Schema(type = "string"))))
    Mono<ResponseEntity<byte[]>> guide() {
        return listed().map(channels -> {
            long now = nowMicros();
            List<XmltvWriter.Channel> declared = new ArrayList<>(channels.size());
            List<XmltvWriter.Programme> programmes = new ArrayList<>();
            for (Listed channel : channels) {
                declared.add(new XmltvWriter.Channel(channel.id(), channel.id()));
                if (channel.state() != null) {
                    programmes.addAll(ChannelGuide.programmes(channel.state(), now));
                }
            }
            return ok(XML, XmltvWriter.write(declared, programmes));
        });
    }

    /** A listed channel; {@code state} is null when no instance could answer for it. */
    private record Listed(String id, ChannelState state) {
    }

    private Mono<List<Listed>> listed() {
        return allChannelIds().flatMapMany(Flux::fromIterable)
                .flatMapSequential(id -> queries.get(QueryableStores.CHANNELS, id, id)
                        .map(served -> served.value().map(StoredChannel::decode)
                                .filter(state -> state.configured() && !state.ended())
                                .map(state -> new Listed(id, state)))
                        .onErrorResume(StoreUnavailableException.class, e -> {
                            log.debug("Channel {} is listed without its guide: {}", id, e.getMessage());
                            return Mono.just(java.util.Optional.of(new Listed(id, null)));
                        }), CONCURRENCY)
                .flatMap(Mono::justOrEmpty)
                .collectList();
    }

    /** Every channel id, page after page. */
    private Mono<List<String>> allChannelIds() {
        return listings.keys(QueryableStores.CHANNELS, null, PAGE)
                .expand(listing -> listing.truncated() && !listing.keys().isEmpty()
                        ? listings.keys(QueryableStores.CHANNELS, listing.keys().get(listing.keys().size() - 1), PAGE)
                        : Mono.empty())
                .doOnNext(listing -> {
                    if (!listing.unavailable().isEmpty()) {
                        log.debug("Instances {} did not list their channels", listing.unavailable());
                    }
                })
                .concatMapIterable(KeyListing::keys)
                .collectList();
    }

    private static ResponseEntity<byte[]> ok(MediaType type, String body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The absolute URL of a path on this server, as the client reached it. */
    static String absolute(ServerHttpRequest request, String... segments) {
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).fragment(null)
                .pathSegment(segments).build().encode().toUriString();
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }
}
