package dev.facet.schema.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.config.PrismaConfigFile.EnvVar;
import dev.facet.schema.config.PrismaConfigFile.Literal;
import dev.facet.schema.config.PrismaConfigFile.NoUrl;
import dev.facet.schema.config.PrismaConfigFile.Result;
import dev.facet.schema.config.PrismaConfigFile.Unreadable;
import dev.facet.schema.config.PrismaConfigFile.UrlFound;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaConfigFileTest {
    private static final Path FILE = Path.of("/p/prisma.config.ts");

    private static Result parse(String text) {
        return PrismaConfigFile.parse(FILE, text);
    }

    private static UrlFound found(String text) {
        Result result = parse(text);
        assertThat(result).isInstanceOf(UrlFound.class);
        return (UrlFound) result;
    }

    private static Unreadable unreadable(String text) {
        Result result = parse(text);
        assertThat(result).isInstanceOf(Unreadable.class);
        return (Unreadable) result;
    }

    @Test
    void deepNestingIsNotFollowedAndOverflowsNoStack() {
        String objects = "export default defineConfig(" + "{ a: ".repeat(50_000) + "1" + " }".repeat(50_000) + ")";
        String parentheses = "export default " + "(".repeat(50_000) + "{}" + ")".repeat(50_000);

        assertThat(parse(objects)).isNotNull().isNotInstanceOf(UrlFound.class);
        assertThat(parse(parentheses)).isNotNull().isNotInstanceOf(UrlFound.class);
    }

    @Nested
    class UrlForms {
        @Test
        void readsPrismasGeneratedConfig() {
            UrlFound url = found("""
                    import "dotenv/config";
                    import { defineConfig, env } from "prisma/config";

                    export default defineConfig({
                      schema: "prisma/schema.prisma",
                      migrations: {
                        path: "prisma/migrations",
                        seed: "tsx prisma/seed.ts",
                      },
                      datasource: {
                        url: env("DATABASE_URL"),
                      },
                    });
                    """);
            assertThat(url.alternatives()).containsExactly(new EnvVar("DATABASE_URL", true));
            assertThat(url.line()).isEqualTo(11);
            assertThat(url.file()).isEqualTo(FILE);
            assertThat(url.expression()).isEqualTo("env(\"DATABASE_URL\")");
        }

        @Test
        void readsEnvWithSingleQuotesAndTypeArguments() {
            assertThat(found("export default defineConfig({ datasource: { url: env('A') } })").alternatives())
                    .containsExactly(new EnvVar("A", true));
            assertThat(found("export default defineConfig({ datasource: { url: env<{ A: string }>('A') } })").alternatives())
                    .containsExactly(new EnvVar("A", true));
        }

        @Test
        void readsProcessEnvInEachSpelling() {
            assertThat(found("export default { datasource: { url: process.env.DATABASE_URL } }").alternatives())
                    .containsExactly(new EnvVar("DATABASE_URL", false));
            assertThat(found("export default { datasource: { url: process.env['DATABASE_URL'] } }").alternatives())
                    .containsExactly(new EnvVar("DATABASE_URL", false));
            assertThat(found("export default { datasource: { url: process.env.DATABASE_URL!, } }").alternatives())
                    .containsExactly(new EnvVar("DATABASE_URL", false));
            assertThat(found("export default { datasource: { url: process.env.DATABASE_URL as string } }").alternatives())
                    .containsExactly(new EnvVar("DATABASE_URL", false));
        }

        @Test
        void readsStringLiterals() {
            assertThat(found("export default { datasource: { url: \"file:./dev.db\" } }").alternatives())
                    .containsExactly(new Literal("file:./dev.db"));
            assertThat(found("export default { datasource: { 'url': 'postgresql://h/d\\u0062' } }").alternatives())
                    .containsExactly(new Literal("postgresql://h/db"));
            assertThat(found("export default { datasource: { url: `mysql://h/db` } }").alternatives())
                    .containsExactly(new Literal("mysql://h/db"));
        }

        @Test
        void readsFallbackChains() {
            UrlFound url = found("export default defineConfig({ datasource: { url: process.env.DIRECT_URL ?? process.env.DATABASE_URL || \"\" } })");
            assertThat(url.alternatives()).containsExactly(
                    new EnvVar("DIRECT_URL", false), new EnvVar("DATABASE_URL", false), new Literal(""));
            assertThat(url.expression()).isEqualTo("process.env.DIRECT_URL ?? process.env.DATABASE_URL ?? \"\"");
        }

        @Test
        void followsConstants() {
            UrlFound url = found("""
                    const databaseUrl = process.env.DATABASE_URL
                    const url = databaseUrl
                    export default defineConfig({
                      datasource: { url },
                    })
                    """);
            assertThat(url.alternatives()).containsExactly(new EnvVar("DATABASE_URL", false));
        }
    }

    @Nested
    class ConfigShapes {
        @Test
        void readsAPlainObjectWithSatisfies() {
            assertThat(found("""
                    import type { PrismaConfig } from "prisma";
                    import { env } from "prisma/config";
                    export default {
                      datasource: { url: env("DATABASE_URL") },
                    } satisfies PrismaConfig;
                    """).alternatives()).containsExactly(new EnvVar("DATABASE_URL", true));
        }

        @Test
        void readsCommonJsExports() {
            assertThat(found("""
                    const { defineConfig } = require("prisma/config");
                    module.exports = defineConfig({ datasource: { url: process.env.DB } });
                    """).alternatives()).containsExactly(new EnvVar("DB", false));
        }

        @Test
        void readsAConfigDeclaredThenExported() {
            assertThat(found("""
                    const config: PrismaConfig = defineConfig({ datasource: datasource });
                    const datasource = { url: env("DB") };
                    export default config;
                    """).alternatives()).containsExactly(new EnvVar("DB", true));
        }

        @Test
        void followsSpreadsAndLetsTheLastPropertyWin() {
            assertThat(found("""
                    const base = { datasource: { url: env("OLD") } };
                    const shared = { url: env("SHARED"), shadowDatabaseUrl: env("SHADOW") };
                    export default defineConfig({ ...base, datasource: { ...shared } });
                    """).alternatives()).containsExactly(new EnvVar("SHARED", true));
            assertThat(found("""
                    const shared = { url: env("SHARED") };
                    export default defineConfig({ datasource: { url: env("FIRST"), ...shared } });
                    """).alternatives()).containsExactly(new EnvVar("SHARED", true));
        }

        @Test
        void ignoresCommentsStringsAndCodeAroundTheUrl() {
            UrlFound url = found("""
                    // datasource: { url: env("COMMENTED") }
                    import path from "node:path";
                    import { PrismaPg } from "@prisma/adapter-pg";
                    /* a block comment with { braces } and url: "x" */
                    function helper(a) { const url = "inside a function"; return { datasource: { url } }; }
                    export default defineConfig({
                      schema: path.join("prisma", "schema.prisma"),
                      note: "datasource: { url: 'in a string' }",
                      adapter: async () => {
                        return new PrismaPg({ connectionString: process.env.OTHER });
                      },
                      migrations: { path: `prisma/migrations`, seed: `tsx ${"seed"}.ts` },
                      get thing() { return 1 },
                      datasource: {
                        shadowDatabaseUrl: env("SHADOW_URL"), // not this one
                        url: env("DATABASE_URL"), /* this one */
                      },
                    });
                    """);
            assertThat(url.alternatives()).containsExactly(new EnvVar("DATABASE_URL", true));
            assertThat(url.line()).isEqualTo(16);
        }
    }

    @Nested
    class NoUrlGiven {
        @Test
        void reportsAMissingDatasource() {
            assertThat(parse("export default defineConfig({ schema: 'prisma/schema.prisma' })"))
                    .isEqualTo(new NoUrl(FILE, "no datasource.url"));
        }

        @Test
        void reportsADatasourceWithoutUrl() {
            assertThat(parse("export default defineConfig({ datasource: { shadowDatabaseUrl: env('S') } })"))
                    .isEqualTo(new NoUrl(FILE, "no datasource.url"));
        }

        @Test
        void reportsAMissingExport() {
            assertThat(parse("const config = { datasource: { url: 'x' } };")).isEqualTo(new NoUrl(FILE, "no default export"));
            assertThat(parse("")).isEqualTo(new NoUrl(FILE, "no default export"));
        }
    }

    @Nested
    class NotUnderstood {
        @Test
        void namesTheLineOfAComputedUrl() {
            Unreadable result = unreadable("""
                    import { defineConfig } from "prisma/config";
                    export default defineConfig({
                      datasource: {
                        url: process.env.DATABASE_URL + "?connection_limit=1",
                      },
                    });
                    """);
            assertThat(result.line()).isEqualTo(4);
            assertThat(result.message()).isEqualTo("/p/prisma.config.ts:4: datasource.url is "
                    + "`process.env.DATABASE_URL + \"?connection_limit=1\"`, which Facet cannot evaluate "
                    + "(it reads a string literal, env(\"X\") or process.env.X there); pass --url instead");
        }

        @Test
        void rejectsCallsTernariesAndTemplates() {
            assertThat(unreadable("export default { datasource: { url: buildUrl() } }").problem())
                    .startsWith("datasource.url is `buildUrl(...)`, which Facet cannot evaluate");
            assertThat(unreadable("export default { datasource: { url: prod ? env('A') : env('B') } }").problem())
                    .startsWith("datasource.url is `prod ? env('A') : env('B')`");
            assertThat(unreadable("export default { datasource: { url: `postgresql://${host}/db` } }").problem())
                    .startsWith("datasource.url is ``postgresql://${host}/db``, which Facet cannot evaluate");
        }

        @Test
        void rejectsNamesNotDeclaredInTheFile() {
            Unreadable result = unreadable("""
                    import { databaseUrl } from "./src/config";
                    export default defineConfig({
                      datasource: { url: databaseUrl },
                    });
                    """);
            assertThat(result.message()).isEqualTo("/p/prisma.config.ts:3: `databaseUrl` is not declared in this file, "
                    + "so Facet cannot evaluate it; pass --url instead");
        }

        @Test
        void rejectsAConditionalDatasource() {
            Unreadable result = unreadable("""
                    const databaseUrl = resolveDatabaseUrl();
                    export default defineConfig({
                      datasource: databaseUrl ? { url: databaseUrl } : undefined,
                    });
                    """);
            assertThat(result.line()).isEqualTo(3);
            assertThat(result.problem()).startsWith("datasource is `databaseUrl ? { url: databaseUrl } : undefined`");
        }

        @Test
        void rejectsAnExportThatIsNotAnObject() {
            assertThat(unreadable("export default makeConfig()").problem())
                    .startsWith("the default export is `makeConfig(...)`, which Facet cannot evaluate (it reads an object or defineConfig({...}) there)");
        }

        @Test
        void rejectsSelfReferences() {
            assertThat(unreadable("const a = b; const b = a; export default { datasource: { url: a } }").problem())
                    .endsWith("refers to itself");
        }

        @Test
        void reportsAnUnterminatedString() {
            assertThat(unreadable("export default {\n  datasource: { url: 'oops }\n}")).isEqualTo(new Unreadable(FILE, 2, "unterminated string"));
            assertThat(unreadable("/* never closed\nexport default {}")).isEqualTo(new Unreadable(FILE, 1, "unterminated /* comment"));
        }

        @Test
        void masksPasswordsInMessages() {
            Unreadable result = unreadable("export default { datasource: { url: 'postgresql://app:hunter2@db/app' + suffix } }");
            assertThat(result.message()).contains("postgresql://app:****@db/app").doesNotContain("hunter2");
            assertThat(new Literal("postgresql://app:hunter2@db/app").toString()).doesNotContain("hunter2");
            assertThat(new Literal("postgresql://app:hunter2@db/app").display()).isEqualTo("\"postgresql://app:****@db/app\"");
        }
    }

    @Nested
    class Disk {
        @Test
        void readsFromDiskAndTurnsIoProblemsIntoResults(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("prisma.config.mts");
            Files.writeString(file, "export default { datasource: { url: env('X') } }");
            assertThat(PrismaConfigFile.read(file)).isEqualTo(new UrlFound(file, 1, List.of(new EnvVar("X", true))));
            Path absent = dir.resolve("prisma.config.js");
            assertThat(PrismaConfigFile.read(absent)).isEqualTo(new Unreadable(absent, 0, "cannot read the file: absent"));
        }
    }
}
