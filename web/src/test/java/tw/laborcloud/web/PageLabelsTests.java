package tw.laborcloud.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.UnionTypes;

class PageLabelsTests {

    @Test
    void thePagesGetEveryDocumentKindAndUnionTypeWithTheLabelOfTheContracts() {
        var tables = PageLabels.tables();

        assertThat(tables.get("documentKinds"))
                .containsAllEntriesOf(DocumentKinds.labels())
                .containsAllEntriesOf(DocumentKinds.filingAttachmentLabels())
                .containsEntry("UNION_SEAL", "附件二 圖記");
        assertThat(tables.get("unionTypes")).isEqualTo(UnionTypes.labels());
    }

    @Test
    void theJsonNamesEachTableAndEachCodeWithItsLabel() {
        assertThat(PageLabels.json())
                .startsWith("{\"documentKinds\":{")
                .contains("\"CHARTER\":\"章程\"")
                .contains("\"unionTypes\":{")
                .contains("\"OCCUPATIONAL\":\"職業工會\"")
                .endsWith("}}");
    }
}
