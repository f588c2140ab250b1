package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.laborcloud.unionaffairs.filing.SampleFilings.TODAY;
import static tw.laborcloud.unionaffairs.filing.SampleFilings.form;
import static tw.laborcloud.unionaffairs.filing.SampleFilings.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.unionaffairs.profile.UnionProfile;

class FilingRulesTests {

    private static final UnionProfile PROFILE = profile(new Counts(18, 22, 40));

    @ParameterizedTest
    @MethodSource("tw.laborcloud.unionaffairs.filing.SampleFilings#all")
    void everySampleAndItsCorrectionPass(SampleFilings sample) {
        assertThat(check(sample.type(), sample.form(), sample.attachments()).violations()).isEmpty();
        assertThat(check(sample.type(), sample.corrected(), sample.attachments()).violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FilingType.class)
    void anEmptyFilingNamesEveryRequiredFieldAndAttachment(FilingType type) {
        List<FieldViolation> violations = check(type, Map.of(), List.of()).violations();

        assertThat(violations).extracting(FieldViolation::field).containsExactlyInAnyOrderElementsOf(expectedFields(type));
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.code()).isEqualTo("REQUIRED");
            assertThat(v.message()).matches(".*[\\u4e00-\\u9fff].*");
        });
    }

    @Test
    void aMeetingInTheFutureIsRefused() {
        Map<String, Object> form = SampleFilings.of(FilingType.GENERAL_MEETING_MINUTES).corrected();
        form.put("meetingDate", TODAY.plusDays(1).toString());

        assertThat(violations(FilingType.GENERAL_MEETING_MINUTES, form))
                .containsExactly(new FieldViolation("form.meetingDate", "DATE_IN_FUTURE", "「開會日期」不可晚於今天（2026-11-20）。"));
        form.put("meetingDate", TODAY.toString());
        assertThat(violations(FilingType.GENERAL_MEETING_MINUTES, form)).isEmpty();
    }

    @Test
    void anElectionInTheFutureIsRefused() {
        Map<String, Object> form = SampleFilings.of(FilingType.OFFICER_ROSTER).corrected();
        form.put("electionDate", "2026-12-01");
        assertThat(violations(FilingType.OFFICER_ROSTER, form)).extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("form.electionDate", "DATE_IN_FUTURE"));
    }

    @Test
    void moreOfficersThanMembersAreRefused() {
        List<Object> directors = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            directors.add(person("理事" + i, i % 2 == 0 ? "M" : "F"));
        }
        Map<String, Object> form = form("electionDate", "2026-11-05", "directors", directors, "supervisors",
                List.of(person("甲", "M"), person("乙", "F")));
        assertThat(violations(FilingType.OFFICER_ROSTER, form)).isEmpty(); // 40 of 40

        form.put("supervisors", List.of(person("甲", "M"), person("乙", "F"), person("丙", "F")));
        assertThat(violations(FilingType.OFFICER_ROSTER, form)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("form.directors");
            assertThat(v.code()).isEqualTo("OFFICERS_EXCEED_MEMBERS");
            assertThat(v.message()).contains("41", "40");
        });
    }

    @Test
    void aRosterNeedsADirectorAndASupervisorEachWithNameAndGender() {
        Map<String, Object> form = form("electionDate", "2026-11-05", "directors", List.of(), "supervisors",
                List.of(person("甲", "X")));
        assertThat(violations(FilingType.OFFICER_ROSTER, form))
                .extracting(FieldViolation::field, FieldViolation::code, FieldViolation::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("form.directors", "REQUIRED", "請至少填寫一位理事。"),
                        org.assertj.core.groups.Tuple.tuple("form.supervisors", "GENDER_REQUIRED",
                                "「監事」第 1 位請選擇性別。"));
    }

    @Test
    void theSameAddressIsNoChangeEvenWrittenWithOtherSpaces() {
        Map<String, Object> form = SampleFilings.of(FilingType.ADDRESS_CHANGE).corrected();
        form.put("newAddress", Map.of("district", "板橋區", "street", "文化路一段 100 號"));
        assertThat(violations(FilingType.ADDRESS_CHANGE, form)).extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("form.newAddress", "ADDRESS_UNCHANGED"));

        form.put("newAddress", Map.of("district", "中和區", "street", "文化路一段 100 號"));
        assertThat(violations(FilingType.ADDRESS_CHANGE, form)).isEmpty();
        form.put("newAddress", Map.of("district", "台北市", "street", "文化路一段 100 號"));
        assertThat(violations(FilingType.ADDRESS_CHANGE, form)).extracting(FieldViolation::code)
                .containsExactly("UNKNOWN_DISTRICT");
    }

    @Test
    void theSameRepresentativeIsNoChange() {
        Map<String, Object> form = SampleFilings.of(FilingType.REPRESENTATIVE_CHANGE).corrected();
        form.put("newRepresentative", " 王大明 ");
        assertThat(violations(FilingType.REPRESENTATIVE_CHANGE, form)).extracting(FieldViolation::code)
                .containsExactly("REPRESENTATIVE_UNCHANGED");
    }

    @Test
    void yearsOfPlansAccountsAndAudits() {
        assertThat(violations(FilingType.WORK_PLAN_BUDGET, form("year", 2026, "budgetTotal", 0))).isEmpty();
        assertThat(violations(FilingType.WORK_PLAN_BUDGET, form("year", 2028, "budgetTotal", 0)))
                .extracting(FieldViolation::code).containsExactly("YEAR_OUT_OF_RANGE");
        assertThat(violations(FilingType.WORK_PLAN_BUDGET, form("year", 2025, "budgetTotal", -1)))
                .extracting(FieldViolation::code).containsExactlyInAnyOrder("YEAR_OUT_OF_RANGE", "TOO_SMALL");
        assertThat(violations(FilingType.FINAL_ACCOUNTS, form("year", 2026, "income", 1, "expenditure", 1)))
                .extracting(FieldViolation::code).containsExactly("YEAR_NOT_ENDED");

        Map<String, Object> audit = SampleFilings.of(FilingType.MEMBERSHIP_AUDIT).corrected();
        audit.put("auditYear", 2025);
        assertThat(violations(FilingType.MEMBERSHIP_AUDIT, audit)).extracting(FieldViolation::field,
                FieldViolation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("form.completedOn", "NOT_IN_AUDIT_YEAR"));
    }

    @Test
    void malformedValuesAreNamedFieldByField() {
        Map<String, Object> form = form("meetingKind", "PARTY", "meetingDate", "2026-02-30", "attendees", "三十",
                "resolutions", "x".repeat(2001));
        assertThat(violations(FilingType.GENERAL_MEETING_MINUTES, form))
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("form.meetingKind", "INVALID_CHOICE"),
                        org.assertj.core.groups.Tuple.tuple("form.meetingDate", "INVALID_DATE"),
                        org.assertj.core.groups.Tuple.tuple("form.attendees", "NOT_AN_INTEGER"),
                        org.assertj.core.groups.Tuple.tuple("form.resolutions", "TOO_LONG"));
        assertThat(violations(FilingType.GENERAL_MEETING_MINUTES,
                form("meetingKind", "MEMBERS", "meetingDate", "2026-11-01", "attendees", 0, "resolutions", "x")))
                .extracting(FieldViolation::code).containsExactly("TOO_SMALL");
    }

    @Test
    void attachmentsMustBeTheTypesAndTheRequiredOnesPresent() {
        SampleFilings sample = SampleFilings.of(FilingType.ADDRESS_CHANGE);
        List<AttachmentRef> attachments = new ArrayList<>(List.of(new AttachmentRef("WORK_PLAN", "u-1", null),
                new AttachmentRef("ADDRESS_PROOF", "u-2", null)));

        assertThat(check(FilingType.ADDRESS_CHANGE, sample.corrected(), attachments).violations())
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("attachments.WORK_PLAN", "ATTACHMENT_NOT_ALLOWED"),
                        org.assertj.core.groups.Tuple.tuple("attachments.BOARD_RESOLUTION", "REQUIRED"));
        // the optional proof may be left out
        assertThat(check(FilingType.ADDRESS_CHANGE, sample.corrected(),
                List.of(new AttachmentRef("BOARD_RESOLUTION", "u-3", null))).violations()).isEmpty();
    }

    @Test
    void theFormIsShownAsLabelledValuesInTheFormsOrder() {
        SampleFilings sample = SampleFilings.of(FilingType.OFFICER_ROSTER);
        List<FormField> shown = check(FilingType.OFFICER_ROSTER, sample.form(), sample.attachments()).form().display();

        assertThat(shown).extracting(FormField::name, FormField::label, FormField::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("electionDate", "選舉日期", "2026-11-05"),
                org.assertj.core.groups.Tuple.tuple("directors", "理事", "張一（男）、李二（男）、王三（女）"),
                org.assertj.core.groups.Tuple.tuple("supervisors", "監事", "趙四（男）"));
    }

    @Test
    void acceptedChangesBecomeTheProfilesValues() {
        SampleFilings roster = SampleFilings.of(FilingType.OFFICER_ROSTER);
        Filing filing = new Filing("F-1", "u", FilingType.OFFICER_ROSTER, FilingStatus.SUBMITTED, 1, 1,
                roster.form(), roster.attachments(), null, null, List.of(), null, null,
                TODAY.atStartOfDay(Deadlines.TAIPEI).toInstant(), null, List.of(), List.of(), null);

        ProfileEffects.Effect effect = ProfileEffects.of(filing).orElseThrow();

        assertThat(effect.update().getUpdateObject().get("$set", org.bson.Document.class))
                .containsEntry("directors", new Counts(2, 1, 3)).containsEntry("supervisors", new Counts(1, 0, 1));
        assertThat(effect.description()).isEqualTo("理事 3 人（男 2、女 1）、監事 1 人（男 1、女 0）");
        Filing minutes = new Filing("F-2", "u", FilingType.FINAL_ACCOUNTS, FilingStatus.SUBMITTED, 1, 1, Map.of(),
                List.of(), null, null, List.of(), null, null, null, null, List.of(), List.of(), null);
        assertThat(ProfileEffects.of(minutes)).isEmpty();
    }

    private static List<String> expectedFields(FilingType type) {
        List<String> fields = new ArrayList<>(type.fields().stream().map(f -> "form." + f.name()).toList());
        type.attachments().stream().filter(FilingType.Attachment::required)
                .forEach(a -> fields.add("attachments." + a.kind()));
        return fields;
    }

    private static List<FieldViolation> violations(FilingType type, Map<String, Object> form) {
        return check(type, form, SampleFilings.of(type).attachments()).violations();
    }

    private static FilingRules.Checked check(FilingType type, Map<String, Object> form,
            List<AttachmentRef> attachments) {
        return FilingRules.check(type, new LinkedHashMap<>(form), attachments, PROFILE, TODAY);
    }

    static UnionProfile profile(Counts members) {
        UnionDetails d = tw.laborcloud.unionaffairs.it.TestUnions.details();
        return new UnionProfile("u-" + UUID.randomUUID(), "12345678", "測試工會", "a@b.tw", null, "R-1",
                UnionProfile.Status.ACTIVE, d.unionType(), d.representative(),
                new Address("220", "新北市", "板橋區", "文化路一段100號"), null, LocalDate.of(2020, 1, 1), members, null,
                d.directors(), d.supervisors(), null, null, null, null, null, null, List.of());
    }
}
