package dev.facet.data.value;

import java.util.HexFormat;

/**
 * A MongoDB ObjectId ({@code String @db.ObjectId}) in the neutral model: twelve bytes, written as Prisma Client returns
 * them, 24 lowercase hex digits. Only a document connector produces these; the neutral layers pass them through and
 * {@link Values} encodes them as their text.
 *
 * @param hex the 24 lowercase hex digits
 */
public record ObjectIdValue(String hex) {
    public ObjectIdValue {
        if (!isValid(hex)) throw new IllegalArgumentException("not an ObjectId: " + hex);
    }

    /** @return whether {@code text} is 24 hex digits (either case) */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 24) return false;
        for (int i = 0; i < 24; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    /** @return the ObjectId that {@code text} spells, in lowercase */
    public static ObjectIdValue parse(String text) {
        if (!isValid(text)) throw new IllegalArgumentException("not an ObjectId: " + text);
        return new ObjectIdValue(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** @return its twelve bytes */
    public byte[] bytes() { return HexFormat.of().parseHex(hex); }

    /** @return the hex text, as Prisma Client shows an ObjectId */
    @Override
    public String toString() { return hex; }
}
