package tw.laborcloud.loadbench;

import java.util.Locale;

/**
 * One figure ./bench measured: which target (P1–P5) it belongs to, what it is, its value and
 * unit, and the target it is held against ({@code >=} or {@code <=} a bound; none for figures
 * that only explain others).
 */
record Figure(String id, String what, double value, String unit, String comparison, double bound) {

    static Figure atLeast(String id, String what, double value, String unit, double bound) {
        return new Figure(id, what, value, unit, ">=", bound);
    }

    static Figure atMost(String id, String what, double value, String unit, double bound) {
        return new Figure(id, what, value, unit, "<=", bound);
    }

    static Figure info(String id, String what, double value, String unit) {
        return new Figure(id, what, value, unit, "", 0);
    }

    boolean hasTarget() {
        return !comparison.isEmpty();
    }

    boolean meets() {
        return !hasTarget() || (comparison.equals(">=") ? value >= bound : value <= bound);
    }

    String verdict() {
        return !hasTarget() ? "" : meets() ? "meets" : "below";
    }

    String valueText() {
        return number(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    String targetText() {
        return hasTarget() ? comparison + " " + number(bound) + (unit.isEmpty() ? "" : " " + unit) : "";
    }

    /** As ./bench prints it: {@code P1 registrations/s 3.2 (target >= 25) below}. */
    String line() {
        return id + " " + what + " " + valueText() + (hasTarget() ? " (target " + targetText() + ") " + verdict() : "");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
