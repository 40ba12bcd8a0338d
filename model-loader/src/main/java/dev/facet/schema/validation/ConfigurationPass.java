package dev.facet.schema.validation;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.ast.Member;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Generator;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.UrlSetting;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** First pass: the {@code datasource} and {@code generator} blocks, and the preview features they enable. */
final class ConfigurationPass {
    /** Preview features Prisma 6/7 still accepts as previews. */
    static final List<String> ACTIVE_FEATURES = List.of("metrics", "nativeDistinct", "postgresqlExtensions", "relationJoins",
            "schemaEngineDriverAdapters", "shardKeys", "strictUndefinedChecks", "views");

    /** Features that became generally available: accepted with a deprecation warning. */
    private static final Set<String> STABILIZED_FEATURES = Set.of("aggregateApi", "atomicNumberOperations", "clientExtensions",
            "cockroachdb", "connectOrCreate", "createMany", "dataProxy", "distinct", "driverAdapters", "extendedIndexes",
            "extendedWhereUnique", "fieldReference", "filteredRelationCount", "filterJson", "fullTextIndex", "fullTextSearch",
            "groupBy", "improvedQueryRaw", "interactiveTransactions", "jsonProtocol", "microsoftSqlServer", "middlewares",
            "mongoDb", "mongodb", "multiSchema", "namedConstraints", "napi", "nApi", "nativeTypes", "omitApi",
            "orderByAggregateGroup", "orderByNulls", "orderByRelation", "prismaSchemaFolder", "referentialActions",
            "referentialIntegrity", "selectRelationCount", "tracing", "transactionApi", "typedSql", "uncheckedScalarInputs",
            "deno", "fullTextSearchPostgres", "queryCompiler", "postgresqlExtensions");

    private static final Set<String> DATASOURCE_PROPERTIES = Set.of("provider", "url", "directUrl", "shadowDatabaseUrl",
            "relationMode", "referentialIntegrity", "schemas", "extensions");

    private final Context ctx;

    ConfigurationPass(Context ctx) { this.ctx = ctx; }

    void run() {
        // Generators first: the datasource's rules depend on the preview features they enable.
        Map<String, Block> generatorNames = new HashMap<>();
        for (Block g : ctx.blocks(BlockKind.GENERATOR)) {
            if (generatorNames.putIfAbsent(g.name().name(), g) != null) {
                ctx.error(Messages.duplicateTopLevel("generator", g.name().name(), "generator"), g.name().span());
                continue;
            }
            generator(g);
        }
        List<Block> datasources = ctx.blocks(BlockKind.DATASOURCE);
        for (int i = 0; i < datasources.size(); i++) {
            Block d = datasources.get(i);
            if (i == 0) datasource(d);
            else ctx.error(Messages.moreThanOneDatasource(), d.span());
        }
    }

    // ---------------------------------------------------------------- generator

    private void generator(Block block) {
        Map<String, String> properties = new LinkedHashMap<>();
        String provider = null;
        String output = null;
        List<String> features = new ArrayList<>();
        for (Member.Field p : block.fields()) {
            String key = p.name().name();
            if (p.value() == null) {
                ctx.error(Messages.propertyWithoutValue(key, "generator", block.name().name()), block.span());
                continue;
            }
            properties.put(key, p.value().span().text());
            switch (key) {
                case "provider" -> provider = stringOrEnv(p.value());
                case "output" -> output = stringOrEnv(p.value());
                case "previewFeatures" -> features.addAll(previewFeatures(p.value()));
                default -> { }
            }
        }
        if (provider == null && !properties.containsKey("provider")) {
            ctx.error(Messages.generatorArgumentMissing("provider", block.name().name()), block.span());
        }
        ctx.previewFeatures.addAll(features);
        ctx.generators.add(new Generator(block.name().name(), provider, output, features, properties, block.documentation()));
    }

    private List<String> previewFeatures(Expression value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Expression.FunctionCall f && f.name().equals("env")) return out;
        for (Expression item : Arguments.items(value)) {
            if (item instanceof Expression.StringValue s) {
                out.add(s.value());
            } else {
                ctx.error(Messages.typeMismatch("string", item), item.span());
            }
        }
        return out;
    }

    /** Preview feature checks need the provider, so they run after the datasource. */
    void checkPreviewFeatures() {
        for (Block g : ctx.blocks(BlockKind.GENERATOR)) {
            for (Member.Field p : g.fields()) {
                if (!p.name().name().equals("previewFeatures") || p.value() == null) continue;
                for (Expression item : Arguments.items(p.value())) {
                    if (!(item instanceof Expression.StringValue s)) continue;
                    checkFeature(s.value(), p.value().span());
                }
            }
        }
    }

    private void checkFeature(String feature, Span span) {
        boolean postgres = ctx.provider == Provider.POSTGRESQL;
        if (feature.equals("metrics")) {
            ctx.warning(Messages.previewFeatureDeprecatedRemoved(feature), span);
        } else if (feature.equals("fullTextSearch") && postgres) {
            ctx.warning(Messages.previewFeatureRenamedPostgres(feature), span);
        } else if (feature.equals("fullTextSearchPostgres")) {
            if (!postgres) ctx.error(Messages.previewFeatureUnknown(feature, ACTIVE_FEATURES), span);
        } else if (ACTIVE_FEATURES.contains(feature)) {
            // fine
        } else if (STABILIZED_FEATURES.contains(feature)) {
            ctx.warning(Messages.previewFeatureDeprecated(feature), span);
        } else {
            ctx.error(Messages.previewFeatureUnknown(feature, ACTIVE_FEATURES), span);
        }
    }

    // ---------------------------------------------------------------- datasource

    private void datasource(Block block) {
        String name = block.name().name();
        ctx.datasourceName = name;
        Map<String, Member.Field> props = new LinkedHashMap<>();
        for (Member.Field p : block.fields()) {
            String key = p.name().name();
            if (p.value() == null) {
                ctx.error(Messages.propertyWithoutValue(key, "datasource", name), block.span());
                continue;
            }
            if (props.putIfAbsent(key, p) != null) {
                ctx.error(Messages.duplicateProperty(key), p.span());
            }
        }

        Provider provider = null;
        Member.Field providerProp = props.get("provider");
        if (providerProp == null) {
            ctx.error(Messages.datasourceArgumentMissing("provider", name), block.span());
        } else if (providerProp.value() instanceof Expression.StringValue s) {
            provider = Provider.fromName(s.value()).orElse(null);
            if (provider == null) ctx.error(Messages.unknownProvider(s.value()), s.span());
        } else if (providerProp.value() instanceof Expression.FunctionCall f && f.name().equals("env")) {
            ctx.error(Messages.providerFromEnv(), f.span());
        } else {
            ctx.error(Messages.typeMismatch("string", providerProp.value()), providerProp.value().span());
        }
        ctx.provider = provider;

        UrlSetting url = urlProperty(props.get("url"));
        UrlSetting directUrl = urlProperty(props.get("directUrl"));
        UrlSetting shadow = urlProperty(props.get("shadowDatabaseUrl"));
        if (shadow != null && shadow.literal() != null) {
            if (directUrl != null && shadow.literal().equals(directUrl.literal())) {
                ctx.error(Messages.shadowSameAs("directUrl", name), props.get("directUrl").value().span());
            }
            if (url != null && shadow.literal().equals(url.literal())) {
                ctx.error(Messages.shadowSameAs("url", name), props.get("url").value().span());
            }
        }

        RelationMode relationMode = null;
        Member.Field integrity = props.get("referentialIntegrity");
        Member.Field relationModeProp = props.get("relationMode");
        if (integrity != null) {
            ctx.warning(Messages.referentialIntegrityDeprecated(), integrity.span());
            if (relationModeProp != null) ctx.error(Messages.referentialIntegrityAndRelationMode(), integrity.span());
            else relationMode = relationModeValue(integrity);
        }
        if (relationModeProp != null) relationMode = relationModeValue(relationModeProp);
        if (relationMode == null) {
            relationMode = provider == null || provider.supportsForeignKeys() ? RelationMode.FOREIGN_KEYS : RelationMode.PRISMA;
        }
        ctx.relationMode = relationMode;

        List<String> schemas = new ArrayList<>();
        Member.Field schemasProp = props.get("schemas");
        if (schemasProp != null) {
            if (provider != null && !provider.supportsMultiSchema()) {
                ctx.error(Messages.propertyNotSupported("schemas"), schemasProp.span());
            } else {
                Set<String> seen = new HashSet<>();
                for (Expression item : Arguments.items(schemasProp.value())) {
                    if (item instanceof Expression.StringValue s) {
                        if (!seen.add(s.value())) ctx.error(Messages.duplicatedSchemaNames(), schemasProp.value().span());
                        schemas.add(s.value());
                    } else {
                        ctx.error(Messages.typeMismatch("string", item), item.span());
                    }
                }
            }
        }
        ctx.declaredSchemas.addAll(schemas);

        List<String> extensions = new ArrayList<>();
        Member.Field extensionsProp = props.get("extensions");
        if (extensionsProp != null) extensions(extensionsProp, provider, extensions);

        for (Member.Field p : props.values()) {
            if (!DATASOURCE_PROPERTIES.contains(p.name().name())) {
                ctx.error(Messages.propertyNotKnown(p.name().name()), p.span());
            }
        }
        ctx.datasource = new Datasource(name, provider, url, directUrl, shadow, relationMode, schemas, extensions,
                block.documentation());
    }

    private void extensions(Member.Field prop, Provider provider, List<String> out) {
        if (provider != Provider.POSTGRESQL) {
            ctx.error(Messages.propertyNotKnown("extensions"), prop.span());
            return;
        }
        if (!ctx.previewFeatures.contains("postgresqlExtensions")) {
            ctx.error(Messages.propertyRequiresPreview("extensions", "postgresqlExtensions"), prop.span());
            return;
        }
        for (Expression item : Arguments.items(prop.value())) {
            switch (item) {
                case Expression.ConstantValue c -> {
                    for (char bad : new char[] {'.', '-'}) {
                        if (c.name().indexOf(bad) >= 0) ctx.error(Messages.validation(Messages.extensionNameCharacter(bad)), c.span());
                    }
                    out.add(c.name());
                }
                case Expression.FunctionCall f -> {
                    out.add(f.name());
                    Set<String> seen = new HashSet<>();
                    for (Argument a : f.arguments().arguments()) {
                        if (!a.isNamed()) {
                            ctx.error(Messages.validation(Messages.argumentMustHaveName()), a.span());
                            continue;
                        }
                        String argName = a.name().name();
                        if (!seen.add(argName)) {
                            ctx.error(Messages.validation(Messages.argumentDefinedOnce(argName)), a.span());
                            continue;
                        }
                        if (!Set.of("schema", "version", "map").contains(argName)) {
                            ctx.error(Messages.argumentNotKnown(argName), a.span());
                        } else if (a.value() != null && !(a.value() instanceof Expression.StringValue)) {
                            ctx.error(Messages.typeMismatch("string", a.value()), a.value().span());
                        }
                    }
                }
                default -> ctx.error(Messages.typeMismatch("constant or function", item), item.span());
            }
        }
    }

    private RelationMode relationModeValue(Member.Field prop) {
        if (prop.value() instanceof Expression.StringValue s) {
            for (RelationMode m : RelationMode.values()) if (m.id().equals(s.value())) return m;
            ctx.error(Messages.invalidRelationMode(s.value()), s.span());
            return null;
        }
        ctx.error(Messages.typeMismatch("string", prop.value()), prop.value().span());
        return null;
    }

    private UrlSetting urlProperty(Member.Field prop) {
        if (prop == null) return null;
        Expression v = prop.value();
        if (v instanceof Expression.StringValue s) return UrlSetting.literal(s.value());
        if (v instanceof Expression.FunctionCall f && f.name().equals("env")) {
            List<Argument> args = f.arguments().arguments();
            if (args.size() == 1 && args.getFirst().value() instanceof Expression.StringValue s) {
                if (args.getFirst().isNamed()) ctx.warning(Messages.envNamedArguments(), f.span());
                return UrlSetting.env(s.value());
            }
            ctx.error(Messages.envArgument(), f.span());
            return null;
        }
        ctx.error(Messages.typeMismatch("string", v), v.span());
        return null;
    }

    private static String stringOrEnv(Expression e) {
        if (e instanceof Expression.StringValue s) return s.value();
        return e.span().text();
    }
}
