package org.hlspipeline.queryapi.channel;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hlspipeline.queryapi.http.RenditionJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ProjectedSchedule;
import org.hlspipeline.processor.playout.ScheduledCommand;
import org.hlspipeline.processor.playout.VodAsset;

/**
 * The JSON of {@code GET /api/channels/{id}}. Durations are seconds (decimals), times ISO-8601 instants, segment
 * indexes count the asset's segments from 0. Fields that do not apply are null (a channel not configured yet has
 * no ladder, settings or window).
 *
 * @param nowPlaying  what airs at the time of the request
 * @param upNext      what airs next, projected ({@link ProjectedSchedule}): commands not yet effective are not
 *                    in it; they are listed in {@code scheduled}
 * @param horizon     why {@code upNext} stops where it does
 * @param queue       the queue's items that have not started yet
 * @param layers      interrupts and alerts airing above the queue, bottom first (the last one airs)
 * @param waiting     interrupts and alerts waiting for a higher priority to finish
 * @param scheduled   commands received but not effective yet, in the order they take effect
 */
record ChannelView(String channelId, boolean configured, boolean ended, String master, Settings settings,
                   List<Rendition> ladder, NowPlaying nowPlaying, List<UpNext> upNext, Horizon horizon,
                   List<Queued> queue, List<LayerView> layers, List<LayerView> waiting, List<Scheduled> scheduled,
                   Window window, String servedBy, String role) {

    static ChannelView of(ChannelState state, ProjectedSchedule schedule, String servedBy, String role) {
        String id = state.channelId();
        ChannelConfig config = state.config();
        List<Rendition> ladder = config == null ? null : config.ladder().stream()
                .map(r -> Rendition.of(id, r)).toList();
        Settings settings = config == null ? null : new Settings(config.windowSize(), config.targetDurationSeconds(),
                config.programDateTime(), config.adMarkers().name(),
                config.filler() == null ? null : Queued.of(config.filler()));
        List<LayerView> layers = state.layers().subList(1, state.layers().size()).stream().map(LayerView::of)
                .toList();
        return new ChannelView(id, state.configured(), state.ended(),
                config == null ? null : "/channels/" + id + "/master.m3u8", settings, ladder,
                NowPlaying.of(schedule.nowPlaying()), schedule.upNext().stream().map(UpNext::of).toList(),
                new Horizon(schedule.horizon().name(),
                        schedule.horizonMicros() == 0 ? null : instant(schedule.horizonMicros())),
                state.base().items().stream().map(Queued::of).toList(), layers,
                state.waiting().stream().map(LayerView::of).toList(),
                state.scheduled().stream().map(Scheduled::of).toList(),
                config == null ? null : Window.of(state), servedBy, role);
    }

    static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1000L);
    }

    static double seconds(long micros) {
        return micros / 1_000_000d;
    }

    /** A channel's configuration as players and operators see it. */
    record Settings(int windowSize, int targetDuration, boolean programDateTime, String adMarkers, Queued filler) {
    }

    /** One rendition of the ladder: its description's fields (as streams show theirs) and its media playlist. */
    record Rendition(String name, @JsonIgnore Map<String, Object> description, String playlist) {

        static Rendition of(String channelId, LadderRendition r) {
            return new Rendition(r.name(), RenditionJson.of(r.description()),
                    "/channels/" + channelId + "/renditions/" + r.name() + "/playlist.m3u8");
        }

        /** The description's fields beside the name, as a ladder entry of a configure command has them. */
        @JsonAnyGetter
        Map<String, Object> fields() {
            Map<String, Object> fields = new java.util.LinkedHashMap<>(description);
            fields.remove("name");
            if (description.containsKey("name")) {
                fields.put("mediaName", description.get("name"));
            }
            return fields;
        }
    }

    /** What airs, in short (for listings). */
    record Playing(String itemId, String title, String kind) {
    }

    /**
     * @param layer    "queue", or the id of the interrupt or alert it airs for; null when unknown
     * @param segment  index of the airing segment in the asset; null when unknown
     * @param position seconds into the item from its in point; null when unknown
     * @param endsAt   when this pass of the item ends (or is cut)
     * @param fallback it airs because nothing else is queued
     * @param loops    it repeats until a command changes it
     */
    record NowPlaying(String itemId, String title, String kind, String layer, Integer segment, Double position,
                      Instant endsAt, boolean fallback, boolean loops) {

        static NowPlaying of(ProjectedSchedule.NowPlaying now) {
            if (now == null) {
                return null;
            }
            return new NowPlaying(now.itemId(), now.title(), now.kind().name(), now.layer(), now.segmentIndex(),
                    now.positionMicros() == null ? null : seconds(now.positionMicros()), instant(now.endsAtMicros()),
                    now.fallback(), now.loops());
        }
    }

    /**
     * @param fromSegment the asset index it starts at: above the item's in point when it resumes after a cut
     * @param toSegment   the asset index after its last segment
     */
    record UpNext(String itemId, String title, String kind, String layer, Instant startsAt, Instant endsAt,
                  double duration, int fromSegment, int toSegment, boolean fallback, boolean loops) {

        static UpNext of(ProjectedSchedule.Entry e) {
            return new UpNext(e.itemId(), e.title(), e.kind().name(), e.layer(), instant(e.startMicros()),
                    instant(e.endMicros()), seconds(e.durationMicros()), e.fromIndex(), e.toIndex(), e.fallback(),
                    e.loops());
        }
    }

    /** LOOPS, ENDS, IDLE, MORE or LIVE (see {@link ProjectedSchedule.Horizon}), and when. */
    record Horizon(String reason, Instant at) {
    }

    /** An item as queued: its segments in/out of the asset and their total duration; null for a live relay. */
    record Queued(String itemId, String title, String kind, boolean loop, Integer in, Integer out, Double duration) {

        static Queued of(Item item) {
            if (item.source() instanceof VodAsset asset) {
                long micros = 0;
                for (int i = item.inPoint(); i < item.outPoint(); i++) {
                    micros += asset.durationMicros(i);
                }
                return new Queued(item.itemId(), item.title(), item.kind().name(), item.loop(), item.inPoint(),
                        item.outPoint(), seconds(micros));
            }
            return new Queued(item.itemId(), item.title(), item.kind().name(), item.loop(), null, null, null);
        }
    }

    /**
     * An interrupt or alert.
     *
     * @param current what it airs now (or was airing when a higher priority cut it), with the next segment index
     * @param endsAt  for an alert, the time it ends at; null for an interrupt (it ends with its items)
     */
    record LayerView(String id, String kind, int priority, String policy, Queued current, Integer nextSegment,
                     List<Queued> items, Instant endsAt) {

        static LayerView of(Layer layer) {
            boolean alert = layer.endsAtMicros() > 0;
            return new LayerView(layer.id(), alert ? "alert" : "interrupt", layer.priority(), layer.policy().name(),
                    layer.current() == null ? null : Queued.of(layer.current().item()),
                    layer.current() == null ? null : layer.current().nextIndex(),
                    layer.items().stream().map(Queued::of).toList(), alert ? instant(layer.endsAtMicros()) : null);
        }
    }

    /** A command waiting for its effective time (it applies at the first segment boundary at or after it). */
    record Scheduled(String type, String id, Instant effectiveAt) {

        static Scheduled of(ScheduledCommand scheduled) {
            PlayoutCommand command = scheduled.command();
            String type;
            String id = null;
            if (command instanceof PlayoutCommand.Configure) {
                type = "configure";
            } else if (command instanceof PlayoutCommand.Enqueue) {
                type = "enqueue";
            } else if (command instanceof PlayoutCommand.Replace) {
                type = "replace";
            } else if (command instanceof PlayoutCommand.Interrupt interrupt) {
                type = "interrupt";
                id = interrupt.id();
            } else if (command instanceof PlayoutCommand.Skip) {
                type = "skip";
            } else if (command instanceof PlayoutCommand.Remove remove) {
                type = "remove";
                id = remove.itemId();
            } else if (command instanceof PlayoutCommand.End) {
                type = "end";
            } else if (command instanceof PlayoutCommand.StartAlert alert) {
                type = "alert";
                id = alert.alertId();
            } else if (command instanceof PlayoutCommand.CancelAlert cancel) {
                type = "cancel-alert";
                id = cancel.alertId();
            } else {
                type = command.getClass().getSimpleName();
            }
            return new Scheduled(type, id, instant(scheduled.effectiveMicros()));
        }
    }

    /**
     * The output window: what the media playlists show.
     *
     * @param firstAirTime  air time of the first segment shown; null when nothing has aired
     * @param lastAirTime   air time of the last segment shown
     * @param nextAirTime   when the next segment airs (the end of the last one), unless ended or idle
     */
    record Window(long mediaSequence, long discontinuitySequence, int segments, int targetDuration,
                  double duration, Instant firstAirTime, Instant lastAirTime, Instant nextAirTime,
                  long nextMediaSequence) {

        static Window of(ChannelState state) {
            List<ChannelSegment> window = state.window();
            long micros = 0;
            for (ChannelSegment s : window) {
                micros += s.durationMicros();
            }
            ChannelSegment first = window.isEmpty() ? null : window.get(0);
            ChannelSegment last = window.isEmpty() ? null : window.get(window.size() - 1);
            return new Window(first == null ? state.nextMediaSequence() : first.mediaSequence(),
                    state.discontinuitySequence(), window.size(), state.config().targetDurationSeconds(),
                    seconds(micros), first == null ? null : instant(first.airTimeMicros()),
                    last == null ? null : instant(last.airTimeMicros()),
                    state.ended() || state.idle() ? null : instant(state.nextAirMicros()),
                    state.nextMediaSequence());
        }
    }
}
