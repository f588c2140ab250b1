package tw.laborcloud.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.test.SealImages;

class DemoUnionsTests {

    @Test
    void theRegisterHasThirtyDistinctUnionsOfEveryKind() {
        List<DemoUnions.Union> unions = DemoUnions.register();

        assertThat(unions).hasSize(30);
        assertThat(unions).extracting(DemoUnions.Union::certificateNo).doesNotHaveDuplicates()
                .allMatch(no -> no.matches("\\d{8}"));
        assertThat(unions).extracting(DemoUnions.Union::name).doesNotHaveDuplicates();
        assertThat(unions.stream().map(DemoUnions.Union::type).collect(Collectors.toSet()))
                .isEqualTo(UnionTypes.labels().keySet());
        assertThat(DemoUnions.register()).as("the same on every machine").isEqualTo(unions);
    }

    @Test
    void theCsvHasTheBureausChineseHeaderAndOneRowPerUnionWithItsSealFile() {
        List<DemoUnions.Union> unions = DemoUnions.register();
        List<String> lines = DemoUnions.csv(unions).lines().toList();

        assertThat(lines.get(0)).isEqualTo("立案證書編號,工會名稱,工會類別,核發日期,圖記檔名");
        assertThat(lines).hasSize(31);
        DemoUnions.Union first = unions.get(0);
        assertThat(lines.get(1)).isEqualTo(String.join(",", first.certificateNo(), first.name(),
                UnionTypes.label(first.type()), first.issuedOn().toString(), first.certificateNo() + ".png"));
    }

    @Test
    void theUploadedSealIsAScanOfTheRegisteredOneAndDiffersByteForByte() {
        DemoUnions.Union union = DemoUnions.register().get(0);

        byte[] registered = DemoDocuments.registeredSeal(union);
        byte[] scanned = DemoDocuments.scannedSeal(union);

        assertThat(SealImages.read(registered).getWidth()).isEqualTo(SealImages.SIZE);
        assertThat(SealImages.read(scanned).getWidth()).isEqualTo(SealImages.SIZE);
        assertThat(scanned).isNotEqualTo(registered);
    }

    @Test
    void theApplicantsReachEveryStateOfTheProcess() {
        Set<DemoData.Target> targets = DemoData.applicantsFor(DemoUnions.register()).stream()
                .map(DemoData.Applicant::target).collect(Collectors.toSet());

        assertThat(targets).containsExactlyInAnyOrderElementsOf(Arrays.asList(DemoData.Target.values()));
    }

    @Test
    void oneApplicantUploadsAnotherUnionsSealAndOneIsNotInTheRegister() {
        List<DemoUnions.Union> register = DemoUnions.register();
        List<DemoData.Applicant> applicants = DemoData.applicantsFor(register);

        assertThat(applicants).hasSize(13).filteredOn(a -> !a.sealOf().equals(a.union())).singleElement()
                .satisfies(a -> assertThat(a.target()).isEqualTo(DemoData.Target.READY));
        assertThat(applicants).filteredOn(a -> !register.contains(a.union())).singleElement()
                .satisfies(a -> assertThat(a.union().certificateNo()).isEqualTo("10999901"));
    }
}
