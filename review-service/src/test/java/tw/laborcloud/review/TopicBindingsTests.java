package tw.laborcloud.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.TopicTableAssertions;

/**
 * The service reads and writes exactly what the topic table (events {@code Topics.ALL}) gives it: the broker's
 * ACLs are granted from that table, so a binding or an event outside it would be refused at run time.
 */
class TopicBindingsTests {

    @Test
    void itsConsumerBindingsReadTheTopicsTheTableGivesItsGroup() {
        assertThat(TopicTableAssertions.assertConsumerBindingsMatchTheTopicTable()).isEqualTo(Topics.REVIEW_SERVICE);
    }

    @Test
    void itCreatesTheEventsOfTheTopicsTheTableSaysItWrites() {
        TopicTableAssertions.assertCreatesTheEventsOfTheTopicsItWrites(Topics.REVIEW_SERVICE);
    }
}
