package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.vod;

import java.util.HashMap;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

/** The checks a writer without a view of the channel can make before sending (producer-tools). */
class RulesWhateverTheStateTest {

    private static java.util.Optional<String> check(Object payload) {
        return ChannelCommandCheck.problemWhateverTheState("tv1", command("tv1", payload));
    }

    @Test
    void commandsThatOnlyAChannelsStateCouldRefuseAreAccepted() {
        assertThat(check(new Enqueue(list(vod("ep1", 3, "1080p")), Position.END))).isEmpty();
        assertThat(check(new Replace(list(vod("ep1", 3)), When.NOW))).isEmpty();
        assertThat(check(new Interrupt(list(vod("ep1", 3)), 10, ResumePolicy.RESUME))).isEmpty();
        assertThat(check(new RemoveItem("not-queued-anywhere"))).isEmpty();
        assertThat(check(new Skip())).isEmpty();
        assertThat(check(new EndChannel(When.AFTER_CURRENT))).isEmpty();
    }

    @Test
    void whatNoStateCouldMakeValidIsRefusedWithTheProcessorsWords() {
        Item noRenditions = vod("ep1", 3);
        ((VodSource) noRenditions.getSource()).setRenditions(new HashMap<>());

        assertThat(check(new Enqueue(list(noRenditions), Position.END)))
                .hasValue("items[0] \"ep1\": vod.renditions must give at least one rendition");
        assertThat(check(new Replace(list(), When.NOW))).hasValue("items must list at least one item");
        assertThat(check(new Interrupt(list(vod("ep1", 3)), 0, ResumePolicy.RESUME)))
                .hasValue("priority must be at least 1 (got 0)");
        assertThat(check(new RemoveItem("ep 1"))).get().asString().startsWith("itemId must match");
        assertThat(check(configure())).hasValue("ladder must list at least one rendition");
    }

    @Test
    void theKeyAndTheIdsAreCheckedAsOnArrival() {
        ChannelCommand otherChannel = command("tv2", new Skip());
        ChannelCommand badId = new ChannelCommand("tv1", "cmd 1", null, new Skip());

        assertThat(ChannelCommandCheck.problemWhateverTheState("tv1", otherChannel)).get().asString()
                .startsWith("record key 'tv1' differs from channelId 'tv2'");
        assertThat(ChannelCommandCheck.problemWhateverTheState("tv1", badId)).get().asString()
                .startsWith("commandId must match");
    }
}
