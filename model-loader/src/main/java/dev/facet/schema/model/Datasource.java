package dev.facet.schema.model;

import java.util.List;

/**
 * The {@code datasource} block.
 *
 * @param name              the block's name
 * @param provider          the provider
 * @param url               the {@code url} property, or null (Prisma 7 moves it to {@code prisma.config.ts})
 * @param directUrl         the {@code directUrl} property, or null
 * @param shadowDatabaseUrl the {@code shadowDatabaseUrl} property, or null
 * @param relationMode      the effective relation mode (explicit, else the provider's default)
 * @param schemas           the {@code schemas} list (multi-schema), empty when absent
 * @param extensions        the {@code extensions} list (PostgreSQL), empty when absent
 * @param documentation     the {@code ///} comment, or null
 */
public record Datasource(String name, Provider provider, UrlSetting url, UrlSetting directUrl, UrlSetting shadowDatabaseUrl,
                         RelationMode relationMode, List<String> schemas, List<String> extensions, String documentation) {
    public Datasource {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
    }
}
