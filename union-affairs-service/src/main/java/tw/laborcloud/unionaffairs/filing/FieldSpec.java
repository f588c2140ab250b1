package tw.laborcloud.unionaffairs.filing;

import java.util.List;

/**
 * One field of a filing's form. {@code min} bounds a NUMBER, {@code maxLength} a TEXT,
 * {@code notFuture} a DATE; the API shows the hint beside the field.
 */
record FieldSpec(String name, String label, Kind kind, boolean required, List<Choice> choices, String hint,
        boolean notFuture, long min, int maxLength) {

    enum Kind {
        TEXT, DATE, NUMBER, YEAR, ADDRESS, COUNTS, NAMES, CHOICE
    }

    record Choice(String code, String label) {
    }

    static FieldSpec text(String name, String label, int maxLength, String hint) {
        return new FieldSpec(name, label, Kind.TEXT, true, null, hint, false, 0, maxLength);
    }

    static FieldSpec pastDate(String name, String label, String hint) {
        return new FieldSpec(name, label, Kind.DATE, true, null, hint, true, 0, 0);
    }

    static FieldSpec date(String name, String label, String hint) {
        return new FieldSpec(name, label, Kind.DATE, true, null, hint, false, 0, 0);
    }

    static FieldSpec number(String name, String label, long min, String hint) {
        return new FieldSpec(name, label, Kind.NUMBER, true, null, hint, false, min, 0);
    }

    static FieldSpec year(String name, String label, String hint) {
        return new FieldSpec(name, label, Kind.YEAR, true, null, hint, false, 0, 0);
    }

    static FieldSpec of(String name, String label, Kind kind, String hint) {
        return new FieldSpec(name, label, kind, true, null, hint, false, 0, 0);
    }

    static FieldSpec choice(String name, String label, List<Choice> choices, String hint) {
        return new FieldSpec(name, label, Kind.CHOICE, true, List.copyOf(choices), hint, false, 0, 0);
    }

    String choiceLabel(String code) {
        return choices == null ? code
                : choices.stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst().orElse(code);
    }
}
