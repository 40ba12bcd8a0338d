package dev.facet.schema.validation;

import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import dev.facet.schema.diagnostics.Messages;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Second pass: top-level names (models, views, enums, composite types share one namespace), names
 * inside blocks (fields, enum values), and the name rules Prisma Client imposes.
 */
final class NamesPass {
    /** Names Prisma Client generates itself, so models and enums cannot take them. */
    private static final Set<String> RESERVED_NAMES = Set.of("PrismaClient", "Prisma");

    private final Context ctx;

    NamesPass(Context ctx) { this.ctx = ctx; }

    void run() {
        Map<String, Block> seen = new HashMap<>();
        for (SchemaAst ast : ctx.files) {
            for (TopItem item : ast.items()) {
                if (item instanceof TopItem.TypeAlias alias) {
                    ctx.error(Messages.typeAliasNotSupported(), alias.span());
                    continue;
                }
                if (!(item instanceof Block b) || b.kind().isConfiguration()) continue;
                String name = b.name().name();
                String label = Messages.containerLabel(b.kind());
                if (Character.isDigit(name.charAt(0))) {
                    ctx.error(Messages.validation(Messages.nameStartsWithNumber(label)), b.name().span());
                }
                Block previous = seen.putIfAbsent(name, b);
                if (previous != null) {
                    ctx.error(Messages.duplicateTopLevel(label, name, Messages.containerLabel(previous.kind())), b.name().span());
                    continue;
                }
                if ((b.kind() == BlockKind.MODEL || b.kind() == BlockKind.ENUM || b.kind() == BlockKind.VIEW)
                        && RESERVED_NAMES.contains(name)) {
                    ctx.error(Messages.reservedName(label, name), b.name().span());
                }
                switch (b.kind()) {
                    case MODEL, VIEW -> ctx.modelBlocks.put(name, b);
                    case ENUM -> ctx.enumBlocks.put(name, b);
                    case TYPE -> ctx.typeBlocks.put(name, b);
                    default -> { }
                }
                members(b, label);
            }
        }
    }

    private void members(Block b, String label) {
        Set<String> names = new HashSet<>();
        for (Member.Field f : b.fields()) {
            String name = f.name().name();
            if (b.kind() != BlockKind.ENUM && Character.isDigit(name.charAt(0))) {
                ctx.error(Messages.validation(Messages.nameStartsWithNumber("field")), f.name().span());
            }
            if (!names.add(name)) {
                if (b.kind() == BlockKind.ENUM) ctx.error(Messages.duplicateEnumValue(name, b.name().name()), f.name().span());
                else ctx.error(Messages.duplicateField(name, label, b.name().name()), f.name().span());
            }
        }
        if (b.kind() == BlockKind.ENUM && b.fields().isEmpty()) {
            ctx.error(Messages.validation(Messages.enumWithoutValues()), b.span());
        }
    }
}
