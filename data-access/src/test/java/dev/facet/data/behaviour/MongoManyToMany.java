package dev.facet.data.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a test schema's implicit many-to-many relations as MongoDB has them: an id array on each side, each with its
 * own {@code @relation(fields: [...], references: [...])} (Prisma 6 on MongoDB has no join table). The SQL backends
 * keep the implicit relation, so one template tests the join table there and the id arrays on MongoDB. A side
 * {@code tags Tag[]} gains the field {@code tagIds Int[]} (the other model's id type), written just above it.
 */
final class MongoManyToMany {
    private static final Pattern MODEL = Pattern.compile("^model\\s+(\\w+)\\s*\\{");
    private static final Pattern LIST_FIELD = Pattern.compile("^(\\s*)(\\w+)(\\s+)(\\w+)\\[\\](\\s*)(@relation\\(\\s*(\"[^\"]*\")\\s*\\))?\\s*$");
    private static final Pattern ID_FIELD = Pattern.compile("^\\s*(\\w+)\\s+(\\w+)\\s.*@id\\b(.*)$");

    private MongoManyToMany() {}

    /** @return the schema with every implicit many-to-many relation written as two id arrays */
    static String rewrite(String schema) {
        String[] lines = schema.split("\n", -1);
        Map<String, String[]> ids = new TreeMap<>(); // model -> {id field, id type, native type or ""}
        List<Side> lists = new ArrayList<>();
        String model = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MODEL.matcher(lines[i]);
            if (m.find()) model = m.group(1);
            else if (lines[i].strip().equals("}")) model = null;
            else if (model != null) {
                Matcher id = ID_FIELD.matcher(lines[i]);
                if (id.find() && !lines[i].strip().startsWith("@@")) ids.put(model, new String[] {id.group(1), id.group(2), id.group(3).contains("@db.ObjectId") ? " @db.ObjectId" : ""});
                Matcher list = LIST_FIELD.matcher(lines[i]);
                if (list.find()) lists.add(new Side(i, model, list.group(4), list.group(7), list));
            }
        }
        String[] out = lines.clone();
        for (Side side : lists) {
            if (!ids.containsKey(side.target) || lists.stream().noneMatch(side::pairs)) continue;
            String[] targetId = ids.get(side.target);
            Matcher m = side.line;
            String field = m.group(2);
            String array = (field.endsWith("s") ? field.substring(0, field.length() - 1) : field) + "Ids";
            String name = side.name == null ? "" : side.name + ", ";
            out[side.index] = m.group(1) + array + m.group(3) + targetId[1] + "[]" + targetId[2] + "\n"
                    + m.group(1) + field + m.group(3) + m.group(4) + "[]" + m.group(5)
                    + " @relation(" + name + "fields: [" + array + "], references: [" + targetId[0] + "])";
        }
        return String.join("\n", out);
    }

    /** One list field of a model: a side of a relation. */
    private record Side(int index, String model, String target, String name, Matcher line) {
        /** Whether {@code other} is the opposite list side of the same relation (an implicit many-to-many). */
        boolean pairs(Side other) {
            return other != this && other.model.equals(target) && other.target.equals(model) && java.util.Objects.equals(other.name, name);
        }
    }
}
