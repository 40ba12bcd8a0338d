package dev.facet.data.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date strings JavaScript's {@code new Date("...")} reads, as JavaScript reads them. */
final class JsDates {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsDates() {}

    /** @return Prisma's form of an instant: ISO-8601 in UTC with milliseconds */
    static String iso(Instant i) { return ISO_MILLIS.format(i); }

    /**
     * A date alone is midnight UTC and a date and time without an offset is local time, as in JavaScript.
     *
     * @return the instant, or null when the text is not a date JavaScript reads the same way everywhere
     */
    static Instant parse(String text) {
        String t = text.trim().replace(' ', 'T');
        try {
            if (t.matches("\\d{4}(-\\d{2}){0,2}")) {
                String full = t.length() == 4 ? t + "-01-01" : t.length() == 7 ? t + "-01" : t;
                return LocalDate.parse(full).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) return OffsetDateTime.parse(t.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
