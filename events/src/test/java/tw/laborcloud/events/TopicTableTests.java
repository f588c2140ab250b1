package tw.laborcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The topic table (owner and readers of each topic) and the copy of it in docs/architecture.md. */
class TopicTableTests {

    @Test
    void everyTopicHasOneOwnerThatDoesNotReadItAndAtLeastOneReader() {
        for (Topics.EventTopic<?> topic : Topics.ALL) {
            assertThat(topic.consumers()).as(topic.name()).isNotEmpty().doesNotContain(topic.owner(), Topics.OPS_CONSOLE);
            assertThat(Topics.services()).as(topic.name()).contains(topic.owner());
        }
        assertThat(Topics.services()).containsExactly(Topics.DOCUMENT_SERVICE, Topics.NOTIFICATION_SERVICE,
                Topics.REGISTRATION_SERVICE, Topics.REVIEW_SERVICE, Topics.UNION_AFFAIRS_SERVICE);
    }

    @Test
    void everyEventHasItsOwnChineseNameForThePagesAndAnUnknownTypeKeepsItsCode() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.label()).as(topic.name()).isNotBlank()
                .matches(".*\\p{IsHan}.*"));
        assertThat(Topics.ALL.stream().map(Topics.EventTopic::label).distinct()).hasSize(Topics.ALL.size());
        assertThat(Topics.labelOf("FilingDecided")).isEqualTo("會務申請或備查核定");
        assertThat(Topics.labelOf("RegistrationSubmitted")).isEqualTo("註冊申請送出");
        assertThat(Topics.labelOf("SomethingElse")).isEqualTo("SomethingElse");
    }

    @Test
    void deadLetterTopicsAreNamedForTopicAndGroup() {
        assertThat(Topics.deadLetterTopicsOf(Topics.UNION_AFFAIRS_SERVICE)).containsExactly(
                "error.union.account.activated.union-affairs-service",
                "error.union.affairs.filing-decided.union-affairs-service");
        assertThat(Topics.deadLetterTopics()).hasSize(
                Topics.ALL.stream().mapToInt(t -> t.consumers().size()).sum());
    }

    @Test
    void onlyTheNotificationServiceReadsTheConfirmationToken() {
        assertThat(Topics.ALL).filteredOn(t -> t.name().equals(Topics.EMAIL_CONFIRMATION_REQUESTED))
                .singleElement().satisfies(t -> assertThat(t.consumers()).containsExactly(Topics.NOTIFICATION_SERVICE));
    }

    /** The table in the docs is written from this one; a change to either without the other fails here. */
    @Test
    void theArchitectureDocumentShowsThisTable() throws IOException {
        Path doc = Path.of("..", "docs", "architecture.md");
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("| `union.")) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                documented.put(cells[1].replace("`", ""), cells[2] + " -> " + set(cells[3]));
            }
        }
        Map<String, String> table = new TreeMap<>();
        Topics.ALL.forEach(t -> table.put(t.name(), t.owner() + " -> " + new TreeSet<>(t.consumers())));
        assertThat(documented).isEqualTo(table);
    }

    private static Set<String> set(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }
}
