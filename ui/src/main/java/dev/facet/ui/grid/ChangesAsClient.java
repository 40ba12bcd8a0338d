package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.client.ClientCallWriter;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * The pending changes as the Prisma Client calls Save would run, in TypeScript: the creates, updates (with the guards
 * that make a concurrent change fail instead of being overwritten), links and unlinks ({@code connect}/{@code disconnect}
 * in their {@code data}) and deletes, in Save's order, in one {@code $transaction} as Save runs them.
 */
final class ChangesAsClient {
    private ChangesAsClient() {}

    /** @return the calls, or null when nothing is pending */
    static String text(Schema schema, List<SavePlan.Step> steps) {
        if (steps.isEmpty()) return null;
        ClientCallWriter writer = new ClientCallWriter(schema);
        StringBuilder sb = new StringBuilder("await prisma.$transaction([\n");
        for (SavePlan.Step step : steps) {
            ObjectNode args = ((ObjectNode) step.request().args()).deepCopy();
            // Save reads back only the keys, to find the records again; the program copying this has no use for it.
            args.remove("select");
            sb.append("  ").append(writer.call(step.request().model(), step.request().action(), args)).append(",\n");
        }
        return sb.append("])").toString();
    }
}
