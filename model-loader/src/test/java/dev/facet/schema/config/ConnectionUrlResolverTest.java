package dev.facet.schema.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.config.UrlResolution.Failed;
import dev.facet.schema.config.UrlResolution.Resolved;
import dev.facet.schema.model.UrlSetting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrlResolverTest {
    private static final UrlSetting DATABASE_URL = UrlSetting.env("DATABASE_URL");
    private static final String DEFINE_CONFIG = "import { defineConfig, env } from \"prisma/config\";\nexport default defineConfig({\n";

    @TempDir Path temp;
    /** The project root: holds package.json; the working directory unless a test says otherwise. */
    Path p;
    Path schema;

    @BeforeEach
    void project() {
        p = temp.resolve("p");
        write(p.resolve("package.json"), "{}");
        schema = write(p.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n");
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UrlResolution resolve(Map<String, String> env, String explicitUrl, UrlSetting setting) {
        return new ConnectionUrlResolver(env, p).resolve(explicitUrl, schema, setting);
    }

    private static Resolved resolved(UrlResolution result) {
        assertThat(result).isInstanceOf(Resolved.class);
        return (Resolved) result;
    }

    private static String failure(UrlResolution result) {
        assertThat(result).isInstanceOf(Failed.class);
        return ((Failed) result).message();
    }

    @Nested
    class Precedence {
        @Test
        void anExplicitUrlWinsOverEverything() {
            write(p.resolve(".env"), "DATABASE_URL=postgresql://dotenv/db");
            UrlResolution result = resolve(Map.of("DATABASE_URL", "postgresql://env/db"), "postgresql://explicit/db", DATABASE_URL);
            assertThat(result).isEqualTo(new Resolved("postgresql://explicit/db", "--url"));
        }

        @Test
        void aBlankExplicitUrlFails() {
            assertThat(failure(resolve(Map.of(), " ", DATABASE_URL))).isEqualTo("--url is empty");
        }

        @Test
        void aLiteralInTheSchemaIsUsedAsWritten() {
            write(p.resolve("prisma.config.ts"), DEFINE_CONFIG + "datasource: { url: 'postgresql://config/db' } })");
            assertThat(resolve(Map.of(), null, UrlSetting.literal("file:./dev.db")))
                    .isEqualTo(new Resolved("file:./dev.db", "the datasource url in " + schema));
        }

        @Test
        void anEmptyLiteralInTheSchemaFails() {
            assertThat(failure(resolve(Map.of(), null, UrlSetting.literal(""))))
                    .isEqualTo("The datasource url in " + schema + " is empty");
        }

        @Test
        void theProcessEnvironmentWinsOverDotEnvFiles() {
            write(p.resolve("prisma/.env"), "DATABASE_URL=postgresql://schema-dotenv/db");
            assertThat(resolve(Map.of("DATABASE_URL", "postgresql://env/db"), null, DATABASE_URL))
                    .isEqualTo(new Resolved("postgresql://env/db", "env(\"DATABASE_URL\") from the process environment"));
        }

        @Test
        void theDotEnvBesideTheSchemaWinsOverTheProjectRoot() {
            write(p.resolve("prisma/.env"), "DATABASE_URL=postgresql://schema-dotenv/db");
            write(p.resolve(".env"), "DATABASE_URL=postgresql://root-dotenv/db");
            assertThat(resolve(Map.of(), null, DATABASE_URL)).isEqualTo(new Resolved("postgresql://schema-dotenv/db",
                    "env(\"DATABASE_URL\") from " + p.resolve("prisma/.env")));
        }

        @Test
        void theProjectRootDotEnvIsReadWhenTheSchemaFolderHasNone() {
            write(p.resolve(".env"), "# local\nDATABASE_URL=\"postgresql://root-dotenv/db\"");
            assertThat(resolve(Map.of(), null, DATABASE_URL))
                    .isEqualTo(new Resolved("postgresql://root-dotenv/db", "env(\"DATABASE_URL\") from " + p.resolve(".env")));
        }

        @Test
        void theProjectRootIsTheNearestFolderWithAMarker() {
            // A monorepo: the package's package.json is nearer than the repository's .git.
            Path repo = temp.resolve("repo");
            write(repo.resolve(".git/HEAD"), "ref: refs/heads/main");
            write(repo.resolve(".env"), "DATABASE_URL=postgresql://repo/db");
            write(repo.resolve("packages/db/package.json"), "{}");
            write(repo.resolve("packages/db/.env"), "DATABASE_URL=postgresql://package/db");
            Path nested = write(repo.resolve("packages/db/prisma/schema.prisma"), "");
            UrlResolution result = new ConnectionUrlResolver(Map.of(), temp).resolve(null, nested, DATABASE_URL);
            assertThat(resolved(result).source()).isEqualTo("env(\"DATABASE_URL\") from " + repo.resolve("packages/db/.env"));
        }

        @Test
        void theWorkingDirectoryDotEnvComesLast() {
            Path cwd = temp.resolve("elsewhere");
            write(cwd.resolve(".env"), "DATABASE_URL=postgresql://cwd/db");
            UrlResolution result = new ConnectionUrlResolver(Map.of(), cwd).resolve(null, schema, DATABASE_URL);
            assertThat(result).isEqualTo(new Resolved("postgresql://cwd/db", "env(\"DATABASE_URL\") from " + cwd.resolve(".env")));
        }

        @Test
        void aMultiFileSchemaReadsTheDotEnvInsideItsFolder() {
            Path folder = p.resolve("prisma/schema");
            write(folder.resolve("models.prisma"), "");
            write(folder.resolve(".env"), "DATABASE_URL=postgresql://folder/db");
            write(p.resolve(".env"), "DATABASE_URL=postgresql://root/db");
            UrlResolution result = new ConnectionUrlResolver(Map.of(), p).resolve(null, folder, DATABASE_URL);
            assertThat(result).isEqualTo(new Resolved("postgresql://folder/db", "env(\"DATABASE_URL\") from " + folder.resolve(".env")));
        }

        @Test
        void aRelativeSchemaPathIsResolvedAgainstTheWorkingDirectory() {
            write(p.resolve("prisma/.env"), "DATABASE_URL=postgresql://schema-dotenv/db");
            UrlResolution result = new ConnectionUrlResolver(Map.of(), p).resolve(null, Path.of("prisma/schema.prisma"), DATABASE_URL);
            assertThat(resolved(result).source()).isEqualTo("env(\"DATABASE_URL\") from " + p.resolve("prisma/.env"));
        }

        @Test
        void dotEnvValuesAreExpandedWithPrismasRule() {
            write(p.resolve(".env"), "DB_HOST=localhost\nDATABASE_URL=postgresql://${DB_USER}:pa$word@${DB_HOST}/db\n");
            UrlResolution result = resolve(Map.of("DB_USER", "app"), null, DATABASE_URL);
            assertThat(resolved(result).url()).isEqualTo("postgresql://app:pa$word@localhost/db");
        }

        @Test
        void anEmptyValueCountsAsUnset() {
            write(p.resolve("prisma/.env"), "DATABASE_URL=");
            write(p.resolve(".env"), "DATABASE_URL=postgresql://root/db");
            assertThat(resolved(resolve(Map.of("DATABASE_URL", ""), null, DATABASE_URL)).url()).isEqualTo("postgresql://root/db");
        }
    }

    @Nested
    class PrismaConfig {
        @Test
        void readsEnvFromTheConfigWhenTheSchemaHasNoUrl() {
            Path config = write(p.resolve("prisma.config.ts"), "import \"dotenv/config\";\n" + DEFINE_CONFIG
                    + "  datasource: { url: env('DATABASE_URL') },\n});\n");
            write(p.resolve(".env"), "DATABASE_URL=postgresql://root-dotenv/db");
            assertThat(resolve(Map.of(), null, null)).isEqualTo(new Resolved("postgresql://root-dotenv/db",
                    "env(\"DATABASE_URL\") in " + config + ", from " + p.resolve(".env")));
        }

        @Test
        void readsProcessEnvFromTheProcessEnvironment() {
            Path config = write(p.resolve("prisma.config.ts"), "export default { datasource: { url: process.env.DB_URL } }");
            assertThat(resolve(Map.of("DB_URL", "mysql://env/db"), null, null)).isEqualTo(new Resolved("mysql://env/db",
                    "process.env.DB_URL in " + config + ", from the process environment"));
        }

        @Test
        void readsALiteral() {
            Path config = write(p.resolve("prisma.config.ts"), DEFINE_CONFIG + "datasource: { url: 'file:./dev.db' } })");
            assertThat(resolve(Map.of(), null, null)).isEqualTo(new Resolved("file:./dev.db", "datasource.url in " + config));
        }

        @Test
        void triesFallbackChainsInOrder() {
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: process.env.DIRECT_URL ?? env('DATABASE_URL') } }");
            write(p.resolve(".env"), "DATABASE_URL=postgresql://pooled/db\n");
            assertThat(resolved(resolve(Map.of(), null, null)).url()).isEqualTo("postgresql://pooled/db");
            assertThat(resolved(resolve(Map.of("DIRECT_URL", "postgresql://direct/db"), null, null)).url()).isEqualTo("postgresql://direct/db");
        }

        @ParameterizedTest
        @ValueSource(strings = {"prisma.config.js", "prisma.config.mjs", "prisma.config.cjs", "prisma.config.mts", "prisma.config.cts"})
        void readsEachFileNameVariant(String name) {
            Path config = write(p.resolve(name), "module.exports = { datasource: { url: 'postgresql://variant/db' } }");
            assertThat(resolve(Map.of(), null, null)).isEqualTo(new Resolved("postgresql://variant/db", "datasource.url in " + config));
        }

        @Test
        void theNearestConfigWins() {
            Path nearer = write(p.resolve("prisma/prisma.config.ts"), "export default { datasource: { url: 'postgresql://nearer/db' } }");
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: 'postgresql://root/db' } }");
            assertThat(resolve(Map.of(), null, null)).isEqualTo(new Resolved("postgresql://nearer/db", "datasource.url in " + nearer));
        }

        @Test
        void aConfigAboveTheProjectRootIsNotRead() {
            write(temp.resolve("prisma.config.ts"), "export default { datasource: { url: 'postgresql://outside/db' } }");
            assertThat(failure(resolve(Map.of(), null, null))).isEqualTo("The schema " + schema + " gives no datasource url, and there is "
                    + "no prisma.config.ts (or .js, .mjs, .cjs, .mts, .cts) in " + p.resolve("prisma") + ", " + p + "; pass --url");
        }

        @Test
        void theConfigInTheWorkingDirectoryIsReadLast() {
            Path cwd = temp.resolve("cwd");
            Path config = write(cwd.resolve("prisma.config.ts"), "export default { datasource: { url: 'postgresql://cwd/db' } }");
            UrlResolution result = new ConnectionUrlResolver(Map.of(), cwd).resolve(null, schema, null);
            assertThat(result).isEqualTo(new Resolved("postgresql://cwd/db", "datasource.url in " + config));
        }

        @Test
        void isTheFallbackWhenTheSchemasVariableIsSetNowhere() {
            Path config = write(p.resolve("prisma.config.ts"), "export default { datasource: { url: env('DIRECT_URL') } }");
            write(p.resolve(".env"), "DIRECT_URL=postgresql://direct/db");
            assertThat(resolve(Map.of(), null, DATABASE_URL)).isEqualTo(new Resolved("postgresql://direct/db",
                    "env(\"DIRECT_URL\") in " + config + ", from " + p.resolve(".env")));
        }
    }

    @Nested
    class FailureMessages {
        @Test
        void listEveryPlaceLookedInInOrder() {
            write(p.resolve(".env"), "SHADOW_URL=postgresql://shadow/db");
            write(p.resolve("prisma.config.ts"), DEFINE_CONFIG + "  schema: 'prisma/schema.prisma',\n});\n");
            assertThat(failure(resolve(Map.of(), null, DATABASE_URL))).isEqualTo("DATABASE_URL is not set: looked in the process environment, "
                    + p.resolve("prisma/.env") + " (absent), " + p.resolve(".env") + " (no DATABASE_URL), "
                    + p.resolve("prisma.config.ts") + " (no datasource.url)");
        }

        @Test
        void includeTheWorkingDirectoryAndEmptyValues() {
            Path cwd = temp.resolve("cwd");
            write(cwd.resolve(".env"), "DATABASE_URL=\"\"");
            UrlResolution result = new ConnectionUrlResolver(Map.of("DATABASE_URL", ""), cwd).resolve(null, schema, DATABASE_URL);
            assertThat(failure(result)).isEqualTo("DATABASE_URL is not set: looked in the process environment (DATABASE_URL is empty), "
                    + p.resolve("prisma/.env") + " (absent), " + p.resolve(".env") + " (absent), "
                    + cwd.resolve(".env") + " (DATABASE_URL is empty), "
                    + "prisma.config.ts (none in " + p.resolve("prisma") + ", " + p + ", " + cwd + ")");
        }

        @Test
        void nameTheConfigLineWhenItsVariableIsUnset() {
            write(p.resolve("prisma.config.ts"), DEFINE_CONFIG + "  datasource: {\n    url: env('DATABASE_URL'),\n  },\n});\n");
            assertThat(failure(resolve(Map.of(), null, null))).isEqualTo("DATABASE_URL is not set (datasource.url in "
                    + p.resolve("prisma.config.ts") + ":4 is env(\"DATABASE_URL\")): looked in the process environment, "
                    + p.resolve("prisma/.env") + " (absent), " + p.resolve(".env") + " (absent)");
        }

        @Test
        void mergeThePlacesOfEveryAlternative() {
            write(p.resolve(".env"), "OTHER=1");
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: process.env.DIRECT_URL ?? process.env.DATABASE_URL ?? '' } }");
            assertThat(failure(resolve(Map.of(), null, null))).isEqualTo("DIRECT_URL, DATABASE_URL are not set (datasource.url in "
                    + p.resolve("prisma.config.ts") + ":1 is process.env.DIRECT_URL ?? process.env.DATABASE_URL ?? \"\"): "
                    + "looked in the process environment, " + p.resolve("prisma/.env") + " (absent), "
                    + p.resolve(".env") + " (no DIRECT_URL, no DATABASE_URL)");
        }

        @Test
        void sayWhenTheConfigVariableIsUnsetToo() {
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: env('DIRECT_URL') } }");
            assertThat(failure(resolve(Map.of(), null, DATABASE_URL))).isEqualTo("DATABASE_URL is not set: looked in the process environment, "
                    + p.resolve("prisma/.env") + " (absent), " + p.resolve(".env") + " (absent), "
                    + p.resolve("prisma.config.ts") + ":1 (datasource.url is env(\"DIRECT_URL\"), not set in those places either)");
        }

        @Test
        void explainAConfigWithoutUrl() {
            write(p.resolve("prisma.config.ts"), "export default defineConfig({ schema: 'prisma' })");
            assertThat(failure(resolve(Map.of(), null, null))).isEqualTo("The schema " + schema + " gives no datasource url, and "
                    + p.resolve("prisma.config.ts") + " has no datasource.url");
        }

        @Test
        void nameTheFileAndLineOfAnUnreadableConfig() {
            write(p.resolve("prisma.config.ts"), DEFINE_CONFIG + "  datasource: {\n    url: `postgresql://${user}:${password}@db/app`,\n  },\n});\n");
            assertThat(failure(resolve(Map.of(), null, null))).startsWith(p.resolve("prisma.config.ts") + ":4: datasource.url is "
                    + "``postgresql://${user}:****@db/app``, which Facet cannot evaluate");
        }

        @Test
        void reportAnEmptyConfigLiteral() {
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: '' } }");
            assertThat(failure(resolve(Map.of(), null, null)))
                    .isEqualTo("No connection URL: datasource.url in " + p.resolve("prisma.config.ts") + ":1 is \"\"");
        }

        @Test
        void noteAnUnreadableDotEnv() throws IOException {
            Files.createDirectories(p.resolve(".env"));
            assertThat(failure(resolve(Map.of(), null, DATABASE_URL)))
                    .contains(p.resolve(".env") + " (unreadable: IOException: ")
                    .startsWith("DATABASE_URL is not set: looked in the process environment, " + p.resolve("prisma/.env") + " (absent), ");
        }

        @Test
        void maskPasswords() {
            write(p.resolve("prisma.config.ts"), "export default { datasource: { url: 'postgresql://app:hunter2@db/app?x=' + suffix } }");
            String message = failure(resolve(Map.of(), null, null));
            assertThat(message).contains("postgresql://app:****@db/app").doesNotContain("hunter2");
            Resolved found = new Resolved("postgresql://app:hunter2@db/app", "--url");
            assertThat(found.describe()).isEqualTo("postgresql://app:****@db/app (--url)");
            assertThat(found.toString()).doesNotContain("hunter2");
            assertThat(new Failed("bad postgresql://app:hunter2@db/app").message()).isEqualTo("bad postgresql://app:****@db/app");
        }
    }
}
