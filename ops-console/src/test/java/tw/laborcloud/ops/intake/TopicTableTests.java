package tw.laborcloud.ops.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.TopicTableAssertions;

/**
 * The console against the topic table its ACLs come from: it reads every business and dead-letter topic, and it
 * writes only records it read (replays), never an event of its own.
 */
class TopicTableTests {

    @Test
    void theIntakeSubscribesToEveryTopicAndEveryDeadLetterTopicOfTheTable() {
        Pattern subscription = RecordIntake.subscription();
        assertThat(Topics.names()).allMatch(t -> subscription.matcher(t).matches());
        assertThat(Topics.deadLetterTopics()).allMatch(t -> subscription.matcher(t).matches());
        assertThat(subscription.matcher("__consumer_offsets").matches()).isFalse();
    }

    @Test
    void itCreatesNoEventsOfItsOwn() {
        TopicTableAssertions.assertCreatesTheEventsOfTheTopicsItWrites(Topics.OPS_CONSOLE);
    }
}
