package dev.facet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a large, valid PostgreSQL schema for the benchmarks: {@code models} models and {@code relations}
 * relations, each resolved on both sides. Every model has an id, a few scalars (one with a native type),
 * an enum field with a default and an index; the relations mix one-to-many (some optional), one-to-one
 * ({@code @unique} foreign key), self-relations and implicit many-to-many. Every relation is named, so
 * that several relations between the same two models stay unambiguous.
 *
 * <p>Deterministic for given arguments: the same schema every run.
 */
public final class SchemaGenerator {
    private static final int ENUMS = 10;
    private static final long SEED = 42;

    private enum Kind { ONE_TO_MANY, OPTIONAL_ONE_TO_MANY, ONE_TO_ONE, SELF, MANY_TO_MANY }

    private SchemaGenerator() {}

    /** {@code java dev.facet.bench.SchemaGenerator OUT.prisma [MODELS [RELATIONS]]} (defaults 1000 and 5000). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SchemaGenerator OUT.prisma [MODELS [RELATIONS]]");
        }
        int models = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int relations = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, generate(models, relations), StandardCharsets.UTF_8);
    }

    /** @return the schema text */
    public static String generate(int models, int relations) {
        if (models < 2) throw new IllegalArgumentException("need at least 2 models");
        Random random = new Random(SEED);
        List<List<String>> fields = new ArrayList<>(models);
        for (int m = 0; m < models; m++) fields.add(new ArrayList<>());

        for (int r = 0; r < relations; r++) {
            int from = r % models; // spreads the foreign keys evenly: relations / models per model
            Kind kind = kind(random.nextInt(20));
            int to = kind == Kind.SELF ? from : other(random, models, from);
            addRelation(r, kind, fields.get(from), fields.get(to), model(to), model(from));
        }

        StringBuilder out = new StringBuilder(models * 1200);
        out.append("generator client {\n  provider = \"prisma-client-js\"\n}\n\n");
        out.append("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n");
        for (int e = 0; e < ENUMS; e++) {
            out.append("enum Status").append(e).append(" {\n  ACTIVE\n  INACTIVE\n  ARCHIVED\n  PENDING\n}\n\n");
        }
        for (int m = 0; m < models; m++) {
            out.append("/// Generated model number ").append(m).append(".\n");
            out.append("model ").append(model(m)).append(" {\n");
            out.append("  id        Int      @id @default(autoincrement())\n");
            out.append("  name      String\n");
            out.append("  code      String   @unique @db.VarChar(32)\n");
            out.append("  score     Float?\n");
            out.append("  active    Boolean  @default(true)\n");
            out.append("  status    Status").append(m % ENUMS).append(" @default(ACTIVE)\n");
            out.append("  createdAt DateTime @default(now())\n");
            out.append("  updatedAt DateTime @updatedAt\n");
            for (String f : fields.get(m)) out.append("  ").append(f).append('\n');
            out.append("\n  @@index([createdAt])\n");
            if (m % 4 == 0) out.append("  @@map(\"table_").append(m).append("\")\n");
            out.append("}\n\n");
        }
        return out.toString();
    }

    /** @param roll 0 to 19: in 20 relations, 14 one-to-many, 2 optional one-to-many, 2 many-to-many, 1 one-to-one, 1 self */
    private static Kind kind(int roll) {
        return switch (roll) {
            case 1, 11 -> Kind.OPTIONAL_ONE_TO_MANY;
            case 2 -> Kind.ONE_TO_ONE;
            case 3 -> Kind.SELF;
            case 4, 14 -> Kind.MANY_TO_MANY;
            default -> Kind.ONE_TO_MANY;
        };
    }

    private static int other(Random random, int models, int from) {
        int to = random.nextInt(models - 1);
        return to >= from ? to + 1 : to;
    }

    /**
     * Adds relation {@code r} to both models: the side that holds the foreign key gets {@code rN} and its
     * scalar {@code rNId}, the referenced side gets {@code rNBack}.
     */
    private static void addRelation(int r, Kind kind, List<String> holder, List<String> referenced,
                                    String referencedModel, String holderModel) {
        String name = "\"R" + r + "\"";
        String link = "@relation(" + name + ", fields: [r" + r + "Id], references: [id])";
        switch (kind) {
            case ONE_TO_MANY, SELF -> {
                holder.add("r" + r + " " + referencedModel + " " + link);
                holder.add("r" + r + "Id Int");
                referenced.add("r" + r + "Back " + holderModel + "[] @relation(" + name + ")");
            }
            case OPTIONAL_ONE_TO_MANY -> {
                holder.add("r" + r + " " + referencedModel + "? " + link);
                holder.add("r" + r + "Id Int?");
                referenced.add("r" + r + "Back " + holderModel + "[] @relation(" + name + ")");
            }
            case ONE_TO_ONE -> {
                holder.add("r" + r + " " + referencedModel + "? " + link);
                holder.add("r" + r + "Id Int? @unique");
                referenced.add("r" + r + "Back " + holderModel + "? @relation(" + name + ")");
            }
            case MANY_TO_MANY -> {
                holder.add("r" + r + " " + referencedModel + "[] @relation(" + name + ")");
                referenced.add("r" + r + "Back " + holderModel + "[] @relation(" + name + ")");
            }
        }
    }

    private static String model(int m) {
        return String.format("Model%04d", m);
    }
}
